import type { Answer } from '../src/answer/answer.js';
import type { Qantar } from '../src/main.js';
import { bm25AnchorTop1 } from './bm25Anchor.js';
import { notice, progressBar } from './cli.js';
import { type Dataset, type DatasetQuestion, documentIdFor, openDatasetQantar, readDataset } from './dataset.js';
import { type DatasetOutcome, type DatasetRunInfo, formatDatasetReport, formatMisses, summariseDataset } from './datasetReport.js';

export interface DatasetEvalOptions {
  json: boolean;
  /** Ask only the first N questions; every document is still indexed, so the distractors stay the same. */
  limit?: number;
  model?: string;
}

/** `npm run eval -- --dataset FILE`: every question through `qantar.ask`, the bot's own answer path. */
export async function runDatasetEval(file: string, options: DatasetEvalOptions): Promise<void> {
  const dataset = await readDataset(file);
  const questions = options.limit === undefined ? dataset.questions : dataset.questions.slice(0, options.limit);
  const progress = progressBar();
  const indexStarted = performance.now();
  const opened = await openDatasetQantar(dataset, { model: options.model, onProgress: progress, onNotice: notice });
  progress.stop();
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  try {
    const askStarted = performance.now();
    const outcomes = await askDataset(opened.qantar, dataset, questions);
    const info: DatasetRunInfo = {
      name: dataset.name,
      file,
      language: dataset.language,
      model: opened.qantar.embedder.id,
      documents: dataset.documents.length,
      bm25AnchorTop1: bm25AnchorTop1(dataset, questions),
      indexSeconds,
      askSeconds: (performance.now() - askStarted) / 1000,
    };
    const report = summariseDataset(outcomes);
    if (options.json) process.stdout.write(`${JSON.stringify({ ...info, ...report })}\n`);
    else process.stdout.write(`${formatDatasetReport(info, report)}\n\nFirst misses:\n${formatMisses(outcomes)}\n\n${dataset.source} (${dataset.license})\n`);
  } finally {
    await opened.close();
  }
}

/** Asks each question in turn (latency is per question, so never in parallel) and maps quotes back to the set's ids. */
export async function askDataset(qantar: Qantar, dataset: Dataset, questions: readonly DatasetQuestion[]): Promise<DatasetOutcome[]> {
  const outcomes: DatasetOutcome[] = [];
  for (const item of questions) {
    const started = performance.now();
    const answer = await qantar.ask(item.question);
    outcomes.push(toOutcome(dataset, item, answer, performance.now() - started));
  }
  return outcomes;
}

function toOutcome(dataset: Dataset, item: DatasetQuestion, answer: Answer, tookMs: number): DatasetOutcome {
  if (!answer.answered) return { item, answered: false, quotes: [], tookMs, nonVerbatim: 0 };
  const quotes = answer.quotes.map((q) => ({ ...q, documentId: documentIdFor(q.documentId) }));
  // Checked against the set's own text, not the index's copy: a quote must be a slice of what was published.
  const nonVerbatim = quotes.filter((q) => dataset.documents.find((d) => d.id === q.documentId)?.text.slice(q.start, q.end) !== q.text).length;
  return { item, answered: true, quotes: quotes.map(({ text, documentId }) => ({ text, documentId })), tookMs, nonVerbatim };
}
