import type { Answer } from '../src/answer/answer.js';

export interface EvalQuestion {
  question: string;
  /**
   * A distinctive part of the supporting sentence, or of each sentence that answers equally well;
   * null when the documents do not answer.
   */
  support: string | string[] | null;
  figure?: string;
}

export interface EvalOutcome {
  item: EvalQuestion;
  /** Rank (0-based) of the first retrieved sentence containing `support`, or -1. */
  supportRank: number;
  answer: Answer;
  tookMs: number;
  /** Every quote is a slice of its stored document. */
  verbatim: boolean;
}

export interface EvalReport {
  questions: number;
  answerable: number;
  unanswerable: number;
  recallAt1: number;
  recallAt3: number;
  answerAccuracy: number;
  /** Answerable: the first sentence shown, a confident answer's first quote or the "probably" one, is right. */
  shownAt1: number;
  /** Of the confident answers, the share right (an answered unanswerable question is wrong); null when there are none. */
  confidentPrecision: number | null;
  /** Answerable questions answered confidently. */
  coverage: number;
  /** Unanswerable questions answered confidently. */
  unanswerableAnswered: number;
  /** All questions given a "probably". */
  probably: number;
  /** The same run's plain BM25 over the corpus sentences: its first sentence is right (its shown@1); null when not measured. */
  bm25AnchorShownAt1: number | null;
  abstentionPrecision: number;
  abstentionRecall: number;
  nonVerbatimQuotes: number;
  p50Ms: number;
  p95Ms: number;
  failures: string[];
}

/** Whether a sentence is (one of) the supporting sentence(s) of a question. */
export function supports(item: EvalQuestion, sentence: string): boolean {
  if (item.support === null) return false;
  const parts = Array.isArray(item.support) ? item.support : [item.support];
  return parts.some((part) => sentence.includes(part));
}

/** An answerable question is answered correctly when its first quote is the supporting sentence with the figure. */
export function isCorrect(outcome: EvalOutcome): boolean {
  const { item, answer } = outcome;
  if (item.support === null) return !answer.answered;
  if (!answer.answered) return false;
  const first = answer.quotes[0];
  return first !== undefined && supports(item, first.text) && (item.figure === undefined || answer.figures.includes(item.figure));
}

/** The first sentence shown is right: a confident answer that `isCorrect`, or a "probably" sentence that supports, with the figure. */
export function shownRight(outcome: EvalOutcome): boolean {
  const { item, answer } = outcome;
  if (answer.tier === 'answer') return item.support !== null && isCorrect(outcome);
  if (answer.tier !== 'probably') return false;
  return supports(item, answer.closest.text) && (item.figure === undefined || answer.closest.figures.includes(item.figure));
}

export function summarise(outcomes: readonly EvalOutcome[], bm25AnchorShownAt1: number | null = null): EvalReport {
  const answerable = outcomes.filter((o) => o.item.support !== null);
  const unanswerable = outcomes.filter((o) => o.item.support === null);
  const abstained = outcomes.filter((o) => !o.answer.answered);
  const confident = outcomes.filter((o) => o.answer.answered);
  const correctAbstentions = abstained.filter((o) => o.item.support === null).length;
  const times = outcomes.map((o) => o.tookMs).sort((a, b) => a - b);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt1: share(answerable, (o) => o.supportRank === 0),
    recallAt3: share(answerable, (o) => o.supportRank >= 0 && o.supportRank < 3),
    answerAccuracy: share(outcomes, isCorrect),
    shownAt1: share(answerable, shownRight),
    confidentPrecision: confident.length === 0 ? null : share(confident, isCorrect),
    coverage: share(answerable, (o) => o.answer.answered),
    unanswerableAnswered: unanswerable.length === 0 ? 0 : share(unanswerable, (o) => o.answer.answered),
    probably: share(outcomes, (o) => o.answer.tier === 'probably'),
    bm25AnchorShownAt1,
    abstentionPrecision: abstained.length === 0 ? 1 : correctAbstentions / abstained.length,
    abstentionRecall: unanswerable.length === 0 ? 1 : correctAbstentions / unanswerable.length,
    nonVerbatimQuotes: outcomes.filter((o) => !o.verbatim).length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    failures: outcomes.filter((o) => !isCorrect(o)).map(describeFailure),
  };
}

function describeFailure(outcome: EvalOutcome): string {
  const { answer } = outcome;
  const got = answer.tier === 'answer' ? `quoted "${answer.quotes[0]?.text}"` : answer.tier === 'probably' ? `abstained, "probably" "${answer.closest.text}"` : 'abstained';
  const wanted = outcome.item.support === null ? 'abstain' : `${JSON.stringify(outcome.item.support)} (rank ${outcome.supportRank})`;
  return `${outcome.item.question} — wanted ${wanted}, ${got}`;
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 1 : items.filter(test).length / items.length;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A two-column markdown table under a title row, as every eval report prints it. */
export function markdownTable(title: string, rows: ReadonlyArray<readonly [string, string]>): string {
  return [`| ${title} | |`, '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

export function formatReport(model: string, report: EvalReport): string {
  const rows: Array<[string, string]> = [
    ['questions (answerable / not)', `${report.questions} (${report.answerable} / ${report.unanswerable})`],
    ['recall@1 of supporting sentence', pct(report.recallAt1)],
    ['recall@3 of supporting sentence', pct(report.recallAt3)],
    ['answer accuracy', pct(report.answerAccuracy)],
    ['shown@1 (first sentence shown, answer or "probably", is right)', pct(report.shownAt1)],
    ['BM25 anchor shown@1 (same run)', report.bm25AnchorShownAt1 === null ? '—' : pct(report.bm25AnchorShownAt1)],
    ['confident precision (of confident answers, right)', report.confidentPrecision === null ? '—' : pct(report.confidentPrecision)],
    ['coverage (answerable answered confidently)', pct(report.coverage)],
    ['unanswerable answered confidently', report.unanswerable === 0 ? '—' : pct(report.unanswerableAnswered)],
    ['"probably" (of all questions)', pct(report.probably)],
    ['abstention precision', pct(report.abstentionPrecision)],
    ['abstention recall', pct(report.abstentionRecall)],
    ['quotes not verbatim', String(report.nonVerbatimQuotes)],
    ['latency p50 / p95', `${report.p50Ms.toFixed(1)} ms / ${report.p95Ms.toFixed(1)} ms`],
  ];
  const table = markdownTable(model, rows);
  const failures = report.failures.length ? `\nMisses:\n${report.failures.map((f) => `  - ${f}`).join('\n')}` : '';
  return table + failures;
}
