import { quotedSpan } from '../../src/answer/composeAnswer.js';
import { answeringIndices } from '../../src/answer/decideTier.js';
import { holdsAskedFigure } from '../../src/retrieval/features.js';
import { CONFIDENCE_FEATURES, type ConfidenceModel, type ConfidenceThresholds, type Tier, confidenceFeatures, tierOf } from '../../src/retrieval/answerConfidence.js';
import { fitTrees } from '../../src/retrieval/boostedTrees.js';
import { type LearnedModel, predict } from '../../src/retrieval/learnedModel.js';
import { DEFAULT_FIT, fitLogistic } from '../../src/retrieval/logisticRegression.js';
import { containsAnswer } from '../dataset.js';
import type { RankedSentence } from '../../src/retrieval/retrieve.js';
import { type Ranked, assignFolds } from './crossValidate.js';

/** One question for the confidence stage: its row, and whether the sentence the bot would show first is right. */
export interface ConfidenceRecord {
  set: string;
  group: string;
  impossible: boolean;
  row: Float64Array;
  right: boolean;
  /** A count or money question no sentence answers with such a figure: at most "probably". */
  capped: boolean;
}

export interface TierTargets {
  /** Confident answers must be right at least this often. */
  answerPrecision: number;
  /** "Probably" keeps at least this share of the right first sentences; below it, nothing is shown. */
  probablyRecall: number;
}

/** The confidence rows of out-of-fold rankings, through the same choice of first sentence as the bot. */
export function confidenceRecords(ranked: readonly Ranked[], quoteRatio: number): ConfidenceRecord[] {
  return ranked.map(({ record, ranked: list }) => {
    const candidates = list.map((r) => ({ probability: r.probability, holdsAskedFigure: holdsAskedFigure(record.understood.kind, r.features) }));
    const answering = answeringIndices(candidates, quoteRatio).map((i) => list[i] as RankedSentence);
    const shown = answering.length > 0 ? answering : list;
    const first = shown[0];
    const right = first !== undefined && !record.item.impossible && containsAnswer(quotedSpan(first), record.item.answers);
    const row = confidenceFeatures(shown.map((r) => ({ probability: r.probability, features: r.features, row: r.sentence.row })));
    return { set: record.set, group: record.group, impossible: record.item.impossible, row, right, capped: answering.length === 0 && first !== undefined };
  });
}

/**
 * The confidence learners: a few thousand question rows, so trees are kept shallow and few.
 * 'best-probability' fits nothing: the ranker's probability of the best sentence alone, as one
 * threshold on it decided before; it is the baseline the second stage has to beat.
 */
export type ConfidenceLearner = 'logistic-regression' | 'boosted-trees' | 'best-probability';
export const CONFIDENCE_BOOST = { rounds: 80, depth: 2, learningRate: 0.1, minLeaf: 30, bins: 32, l2: 1 };

export function fitConfidence(records: readonly ConfidenceRecord[], learner: Exclude<ConfidenceLearner, 'best-probability'>): LearnedModel {
  const rows = records.map((r) => r.row);
  const labels = records.map((r) => (r.right ? 1 : 0));
  return learner === 'boosted-trees'
    ? { kind: 'boosted-trees', trees: fitTrees(rows, labels, CONFIDENCE_BOOST) }
    : { kind: 'logistic-regression', logistic: fitLogistic(rows, labels, DEFAULT_FIT) };
}

/** Out-of-fold confidences: each question scored by a model fitted without its article. */
export function outOfFoldConfidence(records: readonly ConfidenceRecord[], folds: number, learner: ConfidenceLearner): number[] {
  if (learner === 'best-probability') return records.map((r) => r.row[0] as number);
  const foldOf = assignFolds(records, folds);
  const confidence = new Array<number>(records.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const model = fitConfidence(records.filter((r) => foldOf.get(r.group) !== fold), learner);
    records.forEach((r, i) => {
      if (foldOf.get(r.group) === fold) confidence[i] = predict(model, r.row);
    });
  }
  return confidence;
}

const GRID = Array.from({ length: 99 }, (_, i) => 0.01 + i * 0.01);

/** The lowest threshold at which the questions at or above it are right at least `precision` of the time. */
function lowestThreshold(scored: ReadonlyArray<{ confidence: number; right: boolean }>, precision: number): number {
  for (const threshold of GRID) {
    const above = scored.filter((s) => s.confidence >= threshold);
    if (above.length > 0 && above.filter((s) => s.right).length / above.length >= precision) return threshold;
  }
  return 1;
}

/** The highest threshold that keeps at least `recall` of the right questions at or above it. */
function highestKeeping(scored: ReadonlyArray<{ confidence: number; right: boolean }>, recall: number): number {
  const right = scored.filter((s) => s.right).map((s) => s.confidence).sort((a, b) => b - a);
  if (right.length === 0) return 0;
  const kept = right[Math.min(right.length - 1, Math.ceil(recall * right.length) - 1)] as number;
  return Math.floor(kept * 100) / 100;
}

export function chooseTierThresholds(records: readonly ConfidenceRecord[], confidence: readonly number[], targets: TierTargets): ConfidenceThresholds {
  const scored = records.map((r, i) => ({ confidence: confidence[i] as number, right: r.right }));
  const answer = lowestThreshold(scored.filter((_, i) => !(records[i] as ConfidenceRecord).capped), targets.answerPrecision);
  const probably = Math.min(answer, highestKeeping(scored, targets.probablyRecall));
  return { answer, probably, answerPrecision: targets.answerPrecision, probablyRecall: targets.probablyRecall };
}

export function tierFor(record: ConfidenceRecord, confidence: number, thresholds: ConfidenceThresholds): Tier {
  const tier = tierOf(confidence, thresholds);
  return record.capped && tier === 'answer' ? 'probably' : tier;
}

/** Each question's tier with thresholds chosen on the other folds: nothing is scored by what saw it. */
export function crossValidatedTiers(records: readonly ConfidenceRecord[], confidence: readonly number[], folds: number, targets: TierTargets): Tier[] {
  const foldOf = assignFolds(records, folds);
  const tiers = new Array<Tier>(records.length).fill('not-covered');
  for (let fold = 0; fold < folds; fold++) {
    const others = records.map((r, i) => [r, confidence[i] as number] as const).filter(([r]) => foldOf.get(r.group) !== fold);
    const thresholds = chooseTierThresholds(others.map(([r]) => r), others.map(([, c]) => c), targets);
    records.forEach((r, i) => {
      if (foldOf.get(r.group) === fold) tiers[i] = tierFor(r, confidence[i] as number, thresholds);
    });
  }
  return tiers;
}

export interface TierMetrics {
  shownAt1: number;
  top1: number;
  confidentPrecision: number;
  coverage: number;
  impossibleConfident: number;
  /** Impossible questions given a "probably" sentence. */
  impossibleShown: number;
  probably: number;
  notCovered: number;
}

/** What the user sees, per set: shown@1 counts an answer or a "probably" whose sentence holds the answer. */
export function tierMetrics(records: readonly ConfidenceRecord[], tiers: readonly Tier[]): TierMetrics {
  const rows = records.map((r, i) => ({ r, tier: tiers[i] as Tier }));
  const answerable = rows.filter(({ r }) => !r.impossible);
  const impossible = rows.filter(({ r }) => r.impossible);
  const confident = rows.filter(({ tier }) => tier === 'answer');
  const share = <T>(items: readonly T[], test: (item: T) => boolean) => (items.length === 0 ? 0 : items.filter(test).length / items.length);
  return {
    shownAt1: share(answerable, ({ r, tier }) => tier !== 'not-covered' && r.right),
    top1: share(answerable, ({ r, tier }) => tier === 'answer' && r.right),
    confidentPrecision: share(confident, ({ r }) => r.right),
    coverage: share(answerable, ({ tier }) => tier === 'answer'),
    impossibleConfident: share(impossible, ({ tier }) => tier === 'answer'),
    impossibleShown: share(impossible, ({ tier }) => tier === 'probably'),
    probably: share(rows, ({ tier }) => tier === 'probably'),
    notCovered: share(rows, ({ tier }) => tier === 'not-covered'),
  };
}

/** The committed second stage, fitted on every question, with thresholds from all out-of-fold confidences. */
export function confidenceModel(
  records: readonly ConfidenceRecord[],
  confidence: readonly number[],
  targets: TierTargets,
  learner: Exclude<ConfidenceLearner, 'best-probability'>,
): ConfidenceModel {
  return { features: [...CONFIDENCE_FEATURES], model: fitConfidence(records, learner), thresholds: chooseTierThresholds(records, confidence, targets) };
}

/** Per learner and target precision of the confident tier: shown@1 / top-1 / confident precision per set, and impossible answered confidently. */
export function formatTierTradeoff(records: readonly ConfidenceRecord[], folds: number, probablyRecall: number): string {
  const lines: string[] = [];
  for (const learner of ['best-probability', 'boosted-trees'] as const) {
    const confidence = outOfFoldConfidence(records, folds, learner);
    for (const answerPrecision of [0.7, 0.75, 0.8, 0.85, 0.9]) {
      const tiers = crossValidatedTiers(records, confidence, folds, { answerPrecision, probablyRecall });
      const sets = [...new Set(records.map((r) => r.set))];
      const cells = sets.map((set) => {
        const own = records.flatMap((r, i) => (r.set === set ? [i] : []));
        const m = tierMetrics(own.map((i) => records[i] as ConfidenceRecord), own.map((i) => tiers[i] as Tier));
        const pct = (x: number) => (100 * x).toFixed(0);
        return `${set} ${pct(m.shownAt1)}/${pct(m.top1)}/${pct(m.confidentPrecision)}${own.some((i) => records[i]?.impossible) ? `/${pct(m.impossibleConfident)}/${pct(m.impossibleShown)}` : ''}`;
      });
      lines.push(`- ${learner} @${answerPrecision}: ${cells.join(', ')}`);
    }
  }
  return `Tier trade-off (shown@1 / top-1 / confident precision, and for impossible questions answered confidently / shown as probably, %, cross-validated):\n${lines.join('\n')}`;
}
