import { composeAnswer } from '../../src/answer/composeAnswer.js';
import { DEFAULT_BOOST, fitTrees } from '../../src/retrieval/boostedTrees.js';
import { DEFAULT_FIT, fitLogistic } from '../../src/retrieval/logisticRegression.js';
import type { RankedSentence } from '../../src/retrieval/retrieve.js';
import { type AnswerThresholds, type RankerModel, rankerFrom } from '../../src/retrieval/sentenceRanker.js';
import { containsAnswer, documentIdFor } from '../dataset.js';
import { type DatasetOutcome, type DatasetReport, summariseDataset } from '../datasetReport.js';
import type { QuestionRecord } from './collectCandidates.js';

export const MAX_QUOTES = 3;

/** Folds by article: a stable order of the groups, dealt round-robin. */
export function assignFolds(records: ReadonlyArray<{ group: string }>, folds: number): Map<string, number> {
  const groups = [...new Set(records.map((r) => r.group))].sort();
  return new Map(groups.map((group, i) => [group, i % folds]));
}

export type LearnerName = RankerModel['kind'];
type Learner = (rows: readonly Float64Array[], labels: readonly number[]) => RankerModel;

export const LEARNERS: Record<LearnerName, Learner> = {
  'logistic-regression': (rows, labels) => ({ kind: 'logistic-regression', logistic: fitLogistic(rows, labels, DEFAULT_FIT) }),
  'boosted-trees': (rows, labels) => ({ kind: 'boosted-trees', trees: fitTrees(rows, labels, DEFAULT_BOOST) }),
};

export function fitRecords(records: readonly QuestionRecord[], learner: LearnerName): RankerModel {
  const rows = records.flatMap((r) => r.candidates.map((c) => c.features));
  const labels = records.flatMap((r) => r.labels);
  return LEARNERS[learner](rows, labels);
}

/** Each question's candidates ranked by a model's probability, as the bot ranks them. */
export function rankWith(model: RankerModel, record: QuestionRecord): RankedSentence[] {
  const { probability } = rankerFrom({ model, thresholds: { minProbability: 0, closestMinProbability: 0, quoteRatio: 1, targetPrecision: 0 } });
  return record.candidates.map((c) => ({ ...c, probability: probability(c.features) })).sort((a, b) => b.probability - a.probability);
}

export interface Ranked {
  record: QuestionRecord;
  ranked: RankedSentence[];
}

/** Out-of-fold rankings: every question ranked by a model that never saw its article. */
export function outOfFold(records: readonly QuestionRecord[], folds: number, learner: LearnerName): Ranked[] {
  const foldOf = assignFolds(records, folds);
  const result: Ranked[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = fitRecords(records.filter((r) => foldOf.get(r.group) !== fold), learner);
    for (const record of records.filter((r) => foldOf.get(r.group) === fold)) result.push({ record, ranked: rankWith(model, record) });
  }
  return result;
}

/** The answer the bot would give with these thresholds, as an eval outcome. */
export function outcomeOf({ record, ranked }: Ranked, thresholds: AnswerThresholds): DatasetOutcome {
  const answer = composeAnswer(record.understood, ranked, [], { ...thresholds, maxQuotes: MAX_QUOTES });
  const quotes = answer.answered ? answer.quotes.map((q) => ({ text: q.text, documentId: documentIdFor(q.documentId) })) : [];
  return { item: record.item, answered: answer.answered, quotes, tookMs: 0, nonVerbatim: 0 };
}

const CANDIDATE_THRESHOLDS = Array.from({ length: 91 }, (_, i) => 0.05 + i * 0.01);

/**
 * The lowest probability threshold whose answered questions are right at least `targetPrecision`
 * of the time (right: the first quote holds a gold answer; impossible questions answered are wrong).
 * The first quote does not depend on the threshold, only whether there is one: each question is
 * composed once, and its first quote's probability decides from which threshold it is answered.
 */
export function chooseThreshold(ranked: readonly Ranked[], base: Omit<AnswerThresholds, 'minProbability'>): number {
  const composed = ranked.map((r) => outcomeOf(r, { ...base, minProbability: 0 }));
  const firsts = composed.map((o, i) => ({ probability: o.answered ? (firstProbability(ranked[i] as Ranked, o) ?? -1) : -1, right: !o.item.impossible && firstHolds(o) }));
  for (const minProbability of CANDIDATE_THRESHOLDS) {
    const answered = firsts.filter((f) => f.probability >= minProbability);
    if (answered.length > 0 && answered.filter((f) => f.right).length / answered.length >= base.targetPrecision) return minProbability;
  }
  return CANDIDATE_THRESHOLDS.at(-1) as number;
}

/** The probability of the candidate the first quote was made from. */
function firstProbability(r: Ranked, o: DatasetOutcome): number | undefined {
  const first = o.quotes[0]?.text ?? '';
  return r.ranked.find((c) => first.endsWith(c.sentence.text))?.probability;
}

function firstHolds(o: DatasetOutcome): boolean {
  return containsAnswer(o.quotes[0]?.text ?? '', o.item.answers);
}

/**
 * Cross-validated report per set: the threshold applied to a fold is chosen on the other folds'
 * out-of-fold rankings, so neither the model nor the threshold has seen the questions it is scored on.
 */
export function crossValidatedReports(ranked: readonly Ranked[], folds: number, base: Omit<AnswerThresholds, 'minProbability'>): Record<string, DatasetReport> {
  const foldOf = assignFolds(ranked.map((r) => r.record), folds);
  const outcomes: Array<{ set: string; outcome: DatasetOutcome }> = [];
  for (let fold = 0; fold < folds; fold++) {
    const minProbability = chooseThreshold(ranked.filter((r) => foldOf.get(r.record.group) !== fold), base);
    for (const r of ranked.filter((x) => foldOf.get(x.record.group) === fold)) {
      outcomes.push({ set: r.record.set, outcome: outcomeOf(r, { ...base, minProbability }) });
    }
  }
  const sets = [...new Set(outcomes.map((o) => o.set))];
  return Object.fromEntries(sets.map((set) => [set, summariseDataset(outcomes.filter((o) => o.set === set).map((o) => o.outcome))]));
}
