import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../src/config.js';
import { openQantar } from '../src/main.js';
import { shownQuotes } from '../src/answer/answer.js';
import { retrieve, understand } from '../src/retrieval/retrieve.js';
import { seedAnchorShownAt1 } from './bm25Anchor.js';
import { notice, progressBar, runCli } from './cli.js';
import { runDatasetEval } from './evalDataset.js';
import { runLemmaEval } from './eval-kazakh-lemmas.js';
import { type EvalOutcome, type EvalQuestion, formatReport, summarise, supports } from './evalMetrics.js';

/**
 * dev: part of the ranker's training data (one article among many, its fold trained without it).
 * holdout: never used for training. blind: written by people who had not seen the code, in a chat
 * user's register (see its "about"). ru: Russian and Kazakh chat questions about the English seed.
 * kk: Kazakh chat questions about the English seed.
 */
const QUESTION_SETS: Record<string, string> = {
  dev: 'test/fixtures/eval-questions.json',
  holdout: 'test/fixtures/eval-holdout.json',
  blind: 'test/fixtures/eval-blind.json',
  ru: 'test/fixtures/eval-ru.json',
  kk: 'test/fixtures/eval-kk.json',
};

runCli(async () => {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      set: { type: 'string', default: 'dev' },
      model: { type: 'string' },
      dataset: { type: 'string' },
      limit: { type: 'string' },
      'per-document': { type: 'boolean', default: false },
      lemmas: { type: 'boolean', default: false },
      gold: { type: 'string', multiple: true },
    },
  });
  if (values.lemmas) {
    runLemmaEval(values.gold ?? []);
    return;
  }
  if (values.dataset !== undefined) {
    await runDatasetEval(values.dataset, { json: values.json, limit: parseLimit(values.limit), model: values.model, perDocument: values['per-document'] });
    return;
  }
  if (values['per-document']) throw new Error('--per-document goes with --dataset FILE: the seed sets have one document.');
  const file = QUESTION_SETS[values.set];
  if (!file) throw new Error(`--set takes ${Object.keys(QUESTION_SETS).join(', ')}; got "${values.set}".`);
  const { questions } = JSON.parse(await readFile(path.join(projectRoot, file), 'utf8')) as { questions: EvalQuestion[] };
  const base = loadConfig();
  const models = values.compare ? ['bundled', 'use-lite'] : [values.model ?? base.embeddingModel];
  const reports: Record<string, ReturnType<typeof summarise>> = {};
  for (const model of models) {
    // A separate index per model, so evaluating never replaces the bot's live index.
    const config = { ...base, embeddingModel: model, indexDir: path.join(base.indexDir, '..', `eval-${model.replace(/\W+/g, '-')}`) };
    const progress = progressBar();
    const qantar = await openQantar(config, { onProgress: progress, onNotice: notice });
    progress.stop();
    const outcomes: EvalOutcome[] = [];
    for (const item of questions) outcomes.push(await evaluate(qantar, item));
    reports[model] = summarise(outcomes, seedAnchorShownAt1(qantar.knowledge.snapshot, questions));
    if (!values.json) process.stdout.write(`${formatReport(model, reports[model])}\n\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ questions: questions.length, models: reports })}\n`);
});

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit <= 0) throw new Error(`--limit takes a positive whole number; got "${raw}".`);
  return limit;
}

async function evaluate(qantar: Awaited<ReturnType<typeof openQantar>>, item: EvalQuestion): Promise<EvalOutcome> {
  const snapshot = qantar.knowledge.snapshot;
  const ranked = await retrieve(snapshot, qantar.embedder, understand(snapshot, qantar.embedder, item.question));
  const supportRank = item.support === null ? -1 : ranked.findIndex((r) => supports(item, r.sentence.text));
  const started = performance.now();
  const answer = await qantar.ask(item.question);
  const tookMs = performance.now() - started;
  const verbatim = shownQuotes(answer).every((q) => snapshot.documentById.get(q.documentId)?.text.slice(q.start, q.end) === q.text);
  return { item, supportRank, answer, tookMs, verbatim };
}
