import { containsAnswer, type DatasetQuestion } from './dataset.js';
import { markdownTable, pct, percentile } from './evalMetrics.js';

/** What the answer path did with one question of a public set; documentIds are the set's own. */
export interface DatasetOutcome {
  item: DatasetQuestion;
  answered: boolean;
  quotes: Array<{ text: string; documentId: string }>;
  tookMs: number;
  /** Quotes that are not a slice of their document's text at the offsets given. */
  nonVerbatim: number;
  /** The sentence shown under "probably" when there was no confident answer; absent or null when none was shown. */
  closest?: { text: string; documentId: string } | null;
}

export interface DatasetReport {
  questions: number;
  answerable: number;
  impossible: number;
  /** The rates below are shares of answerable questions, except where said. */
  top1: number;
  /** The first sentence shown, a confident answer's first quote or the "probably" sentence, holds a gold answer. */
  shownAt1: number;
  /** Of the questions answered confidently (answerable and impossible), the share whose first quote holds a gold answer; null when none was. */
  confidentPrecision: number | null;
  /** Answerable questions answered confidently. */
  coverage: number;
  /** Share of impossible questions answered confidently (always wrong). */
  impossibleAnswered: number;
  /** Share of all questions given a "probably". */
  probably: number;
  anyQuote: number;
  wrongAnswer: number;
  abstentionOnAnswerable: number;
  abstentionOnImpossible: number;
  rightDocumentFirstQuote: number;
  rightDocumentAnyQuote: number;
  nonVerbatimQuotes: number;
  p50Ms: number;
  p95Ms: number;
  misses: { wrongSentence: number; missedAbstention: number; wrongAbstention: number };
}

export type MissKind = 'wrong sentence' | 'missed abstention' | 'wrong abstention';

const firstRight = (o: DatasetOutcome) => o.quotes[0] !== undefined && containsAnswer(o.quotes[0].text, o.item.answers);
const anyRight = (o: DatasetOutcome) => o.quotes.some((q) => containsAnswer(q.text, o.item.answers));
const firstShown = (o: DatasetOutcome) => (o.answered ? o.quotes[0] : (o.closest ?? undefined));
const shownRight = (o: DatasetOutcome) => {
  const shown = firstShown(o);
  return shown !== undefined && containsAnswer(shown.text, o.item.answers);
};

/** Impossible questions are never right: their `answers` are SQuAD's plausible wrong spans. */
export function missKind(o: DatasetOutcome): MissKind | null {
  if (o.item.impossible) return o.answered ? 'missed abstention' : null;
  if (!o.answered) return 'wrong abstention';
  return firstRight(o) ? null : 'wrong sentence';
}

export function summariseDataset(outcomes: readonly DatasetOutcome[]): DatasetReport {
  const answerable = outcomes.filter((o) => !o.item.impossible);
  const impossible = outcomes.filter((o) => o.item.impossible);
  const share = (items: readonly DatasetOutcome[], test: (o: DatasetOutcome) => boolean) =>
    items.length === 0 ? 0 : items.filter(test).length / items.length;
  const times = outcomes.map((o) => o.tookMs).sort((a, b) => a - b);
  const kinds = outcomes.map(missKind);
  const confident = outcomes.filter((o) => o.answered);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    impossible: impossible.length,
    top1: share(answerable, (o) => o.answered && firstRight(o)),
    shownAt1: share(answerable, shownRight),
    confidentPrecision: confident.length === 0 ? null : share(confident, (o) => !o.item.impossible && firstRight(o)),
    coverage: share(answerable, (o) => o.answered),
    impossibleAnswered: share(impossible, (o) => o.answered),
    probably: share(outcomes, (o) => !o.answered && firstShown(o) !== undefined),
    anyQuote: share(answerable, (o) => o.answered && anyRight(o)),
    wrongAnswer: share(answerable, (o) => o.answered && !anyRight(o)),
    abstentionOnAnswerable: share(answerable, (o) => !o.answered),
    abstentionOnImpossible: share(impossible, (o) => !o.answered),
    rightDocumentFirstQuote: share(answerable, (o) => o.answered && o.quotes[0]?.documentId === o.item.documentId),
    rightDocumentAnyQuote: share(answerable, (o) => o.answered && o.quotes.some((q) => q.documentId === o.item.documentId)),
    nonVerbatimQuotes: outcomes.reduce((sum, o) => sum + o.nonVerbatim, 0),
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    misses: {
      wrongSentence: kinds.filter((k) => k === 'wrong sentence').length,
      missedAbstention: kinds.filter((k) => k === 'missed abstention').length,
      wrongAbstention: kinds.filter((k) => k === 'wrong abstention').length,
    },
  };
}

export interface DatasetRunInfo {
  name: string;
  file: string;
  language: string;
  model: string;
  documents: number;
  bm25AnchorTop1: number;
  /** Each document indexed alone and asked its own questions, as a one-article bot would be. */
  perDocument?: boolean;
  indexSeconds: number;
  askSeconds: number;
}

export function formatDatasetReport(info: DatasetRunInfo, report: DatasetReport): string {
  const rows: Array<[string, string]> = [
    ['questions (answerable / impossible)', `${report.questions} (${report.answerable} / ${report.impossible})`],
    ['top-1 (first quote holds a gold answer)', pct(report.top1)],
    ['shown@1 (first sentence shown, answer or "probably", holds one)', pct(report.shownAt1)],
    ['confident precision (of confident answers, right)', report.confidentPrecision === null ? '—' : pct(report.confidentPrecision)],
    ['coverage (answerable answered confidently)', pct(report.coverage)],
    ['"probably" (of all questions)', pct(report.probably)],
    ['any quote holds a gold answer', pct(report.anyQuote)],
    ['wrong answer (answered, no quote holds one)', pct(report.wrongAnswer)],
    ['abstention on answerable', pct(report.abstentionOnAnswerable)],
    ['abstention on impossible', report.impossible === 0 ? '—' : pct(report.abstentionOnImpossible)],
    ['impossible answered confidently', report.impossible === 0 ? '—' : pct(report.impossibleAnswered)],
    ['first quote from the right document', pct(report.rightDocumentFirstQuote)],
    ['some quote from the right document', pct(report.rightDocumentAnyQuote)],
    ['BM25 anchor top-1 = its shown@1 (same run)', pct(info.bm25AnchorTop1)],
    ['quotes not verbatim', String(report.nonVerbatimQuotes)],
    ['ask latency p50 / p95', `${report.p50Ms.toFixed(1)} ms / ${report.p95Ms.toFixed(1)} ms`],
    ['index build / all questions', `${info.indexSeconds.toFixed(1)} s / ${info.askSeconds.toFixed(1)} s`],
  ];
  const indexed = info.perDocument ? `${info.documents} documents, each indexed alone` : `${info.documents} documents`;
  return markdownTable(`${info.name} (${info.language}, ${indexed}, model ${info.model})`, rows);
}

/** The first `limit` misses, grouped by kind, each with what was wanted and what came back. */
export function formatMisses(outcomes: readonly DatasetOutcome[], limit = 15): string {
  const missed = outcomes.flatMap((o) => {
    const kind = missKind(o);
    return kind === null ? [] : [{ kind, o }];
  }).slice(0, limit);
  const groups: MissKind[] = ['wrong sentence', 'missed abstention', 'wrong abstention'];
  return groups.flatMap((kind) => {
    const items = missed.filter((m) => m.kind === kind);
    if (items.length === 0) return [];
    return [`${kind}:`, ...items.map(({ o }) => `  - ${describe(o)}`)];
  }).join('\n');
}

function describe(o: DatasetOutcome): string {
  const wanted = o.item.impossible ? 'abstain' : JSON.stringify(o.item.answers);
  const first = firstShown(o);
  const how = o.answered ? 'quoted' : 'abstained, "probably"';
  const got = first ? `${how} [${first.documentId}] "${first.text.slice(0, 200)}"` : 'abstained';
  return `${o.item.question} — wanted ${wanted} in ${o.item.documentId}; ${got}`;
}
