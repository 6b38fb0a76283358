import type { Answer, Quote } from '../src/answer/answer.js';
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
  /** Index each document alone and ask it only its own questions, as a one-article bot would be asked. */
  perDocument?: boolean;
}

interface SliceRun {
  outcomes: DatasetOutcome[];
  /** Answerable questions whose first BM25 sentence holds a gold answer, over the same slice. */
  anchorHits: number;
  model: string;
  indexSeconds: number;
  askSeconds: number;
}

/** `npm run eval -- --dataset FILE`: every question through `qantar.ask`, the bot's own answer path. */
export async function runDatasetEval(file: string, options: DatasetEvalOptions): Promise<void> {
  const dataset = await readDataset(file);
  const questions = options.limit === undefined ? dataset.questions : dataset.questions.slice(0, options.limit);
  const slices = options.perDocument ? perDocumentSlices(dataset, questions) : [{ dataset, questions }];
  const runs: SliceRun[] = [];
  for (const slice of slices) runs.push(await runSlice(slice.dataset, slice.questions, options.model));
  const outcomes = runs.flatMap((r) => r.outcomes);
  const answerable = questions.filter((q) => !q.impossible).length;
  const info: DatasetRunInfo = {
    name: dataset.name,
    file,
    language: dataset.language,
    model: runs[0]?.model ?? options.model ?? '',
    documents: dataset.documents.length,
    bm25AnchorTop1: answerable === 0 ? 0 : runs.reduce((sum, r) => sum + r.anchorHits, 0) / answerable,
    perDocument: options.perDocument ?? false,
    indexSeconds: runs.reduce((sum, r) => sum + r.indexSeconds, 0),
    askSeconds: runs.reduce((sum, r) => sum + r.askSeconds, 0),
  };
  const report = summariseDataset(outcomes);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...info, ...report })}\n`);
  else process.stdout.write(`${formatDatasetReport(info, report)}\n\nFirst misses:\n${formatMisses(outcomes)}\n\n${dataset.source} (${dataset.license})\n`);
}

/** One set per document that has questions: that document alone, and its own questions. */
export function perDocumentSlices(dataset: Dataset, questions: readonly DatasetQuestion[]): Array<{ dataset: Dataset; questions: DatasetQuestion[] }> {
  return dataset.documents
    .map((document) => ({ dataset: { ...dataset, documents: [document] }, questions: questions.filter((q) => q.documentId === document.id) }))
    .filter((slice) => slice.questions.length > 0);
}

async function runSlice(dataset: Dataset, questions: readonly DatasetQuestion[], model: string | undefined): Promise<SliceRun> {
  const progress = progressBar();
  const indexStarted = performance.now();
  const opened = await openDatasetQantar(dataset, { model, onProgress: progress, onNotice: notice });
  progress.stop();
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  try {
    const askStarted = performance.now();
    const outcomes = await askDataset(opened.qantar, dataset, questions);
    const askSeconds = (performance.now() - askStarted) / 1000;
    const anchorHits = bm25AnchorTop1(dataset, questions) * questions.filter((q) => !q.impossible).length;
    return { outcomes, anchorHits, model: opened.qantar.embedder.id, indexSeconds, askSeconds };
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
  const shown = (quotes: readonly Quote[]) => quotes.map((q) => ({ ...q, documentId: documentIdFor(q.documentId) }));
  // Checked against the set's own text, not the index's copy: a quote must be a slice of what was published.
  const nonVerbatim = (quotes: ReturnType<typeof shown>) =>
    quotes.filter((q) => dataset.documents.find((d) => d.id === q.documentId)?.text.slice(q.start, q.end) !== q.text).length;
  const brief = ({ text, documentId }: { text: string; documentId: string }) => ({ text, documentId });
  if (answer.tier === 'answer') {
    const quotes = shown(answer.quotes);
    return { item, answered: true, quotes: quotes.map(brief), tookMs, nonVerbatim: nonVerbatim(quotes), closest: null };
  }
  const closest = shown(answer.tier === 'probably' ? [answer.closest] : []);
  return { item, answered: false, quotes: [], tookMs, nonVerbatim: nonVerbatim(closest), closest: closest[0] ? brief(closest[0]) : null };
}
