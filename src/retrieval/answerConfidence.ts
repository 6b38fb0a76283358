import { type FeatureName, FEATURE_NAMES } from './features.js';
import { type LearnedModel, predict } from './learnedModel.js';

/**
 * The second stage: how likely it is that the best-ranked sentence answers the question at all.
 * The sentence ranker compares candidates of one question; this reads the question's whole list:
 * how far the best stands above the next, whether it holds the kind of answer asked for, how much
 * of the question it covers through relations, and whether the question uses words the corpus
 * never does. None of these grows with the corpus or with how many words a question shares with
 * its answer, which is what made one probability threshold abstain on a paraphrase.
 */
export const CONFIDENCE_FEATURES = [
  'best', 'margin', 'secondRatio', 'kindFit', 'kindAsked', 'coverageRelated', 'coverageDocument',
  'missingMaxIdf', 'unknownShare', 'cosine', 'names', 'numbers', 'bestLexicalRank', 'bestDenseRank',
] as const;

export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/** What the confidence stage needs of a ranked candidate. */
export interface ScoredCandidate {
  probability: number;
  features: ArrayLike<number>;
  /** Identity of the sentence, so a sentence found by two readings is not its own runner-up. */
  row: number;
}

const AT = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<FeatureName, number>;
const KIND_FEATURES: readonly FeatureName[] = ['kindWho', 'kindWhen', 'kindWhere', 'kindCount', 'kindMoney', 'kindWhy'];

/** The question-level row for a ranked list, best first; all zeros for an empty list. */
export function confidenceFeatures(ranked: readonly ScoredCandidate[]): Float64Array {
  const row = new Float64Array(CONFIDENCE_FEATURES.length);
  const [best] = ranked;
  if (!best) return row;
  const second = ranked.find((r) => r.row !== best.row)?.probability ?? 0;
  const f = (name: FeatureName) => best.features[AT[name]] as number;
  const kind = KIND_FEATURES.map(f).find((value) => value !== 0) ?? 0;
  const values: Record<ConfidenceFeature, number> = {
    best: best.probability,
    margin: best.probability - second,
    secondRatio: best.probability === 0 ? 0 : second / best.probability,
    kindFit: kind,
    kindAsked: kind === 0 ? 0 : 1,
    coverageRelated: f('coverageRelated'),
    coverageDocument: f('coverageDocument'),
    missingMaxIdf: f('missingMaxIdf'),
    unknownShare: f('unknownShare'),
    cosine: f('cosine'),
    names: f('names'),
    numbers: f('numbers'),
    bestLexicalRank: f('lexicalRank'),
    bestDenseRank: f('denseRank'),
  };
  CONFIDENCE_FEATURES.forEach((name, i) => (row[i] = values[name]));
  return row;
}

/** When to answer and when to offer the best sentence as "probably", chosen by cross-validation. */
export interface ConfidenceThresholds {
  /** Confident answer from this confidence: chosen so confident answers are right `answerPrecision` of the time. */
  answer: number;
  /** "Probably" from this: chosen so that `probablyRecall` of the right first sentences are still shown. */
  probably: number;
  answerPrecision: number;
  probablyRecall: number;
}

export interface ConfidenceModel {
  features: string[];
  model: LearnedModel;
  thresholds: ConfidenceThresholds;
}

export type Tier = 'answer' | 'probably' | 'not-covered';

/** The model's confidence that the best sentence answers the question. */
export function confidenceOf(model: ConfidenceModel, ranked: readonly ScoredCandidate[]): number {
  return ranked.length === 0 ? 0 : predict(model.model, confidenceFeatures(ranked));
}

/** Pure: the tier a confidence falls in. */
export function tierOf(confidence: number, thresholds: Pick<ConfidenceThresholds, 'answer' | 'probably'>): Tier {
  if (confidence >= thresholds.answer) return 'answer';
  return confidence >= thresholds.probably ? 'probably' : 'not-covered';
}
