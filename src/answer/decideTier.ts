import type { AnswerThresholds } from '../retrieval/sentenceRanker.js';
import type { Tier } from './answer.js';

/** What the tier decision reads of one ranked sentence. */
export interface TierCandidate {
  /** The ranker's probability that this sentence answers the question. */
  probability: number;
  /**
   * For a count or money question: whether the sentence states such a figure of the thing asked
   * about. null when the question asks for no figure.
   */
  holdsAskedFigure: boolean | null;
}

/**
 * The trained confidence stage: the probability that the first sentence of a list answers at all,
 * read from the whole list (margin to the next, answer kind, coverage), and the thresholds of its tiers.
 */
export interface TierConfidence {
  thresholds: { answer: number; probably: number };
  of(indices: readonly number[]): number;
}

export type TierPolicy = Pick<AnswerThresholds, 'minProbability' | 'closestMinProbability' | 'quoteRatio'> & { confidence?: TierConfidence };

/** Indices into the candidates: the quotes of an answer, best first, or the one sentence shown as "probably". */
export type TierDecision = { tier: 'answer'; quotes: number[] } | { tier: 'probably'; closest: number } | { tier: Extract<Tier, 'not-covered'> };

/**
 * Pure: how sure a reply may be, from candidates in ranked order.
 * - 'answer': the sentences that can answer (for a figure question, those stating the asked figure
 *   and about as likely as the best sentence) are confidently the answer.
 * - 'probably': otherwise, the first of them (or the best sentence, when none can answer) is likely
 *   enough to be worth showing under a hedge.
 * - 'not-covered': nothing is worth showing.
 * How sure is the trained confidence stage's call when the policy has one, else the best
 * sentence's probability against `minProbability` and `closestMinProbability`.
 */
export function decideTier(candidates: readonly TierCandidate[], policy: TierPolicy): TierDecision {
  const answering = answeringIndices(candidates, policy.quoteRatio);
  const all = candidates.map((_, i) => i);
  const thresholds = policy.confidence?.thresholds ?? { answer: policy.minProbability, probably: policy.closestMinProbability };
  const first = answering[0];
  if (first !== undefined && howSure(candidates, answering, policy) >= thresholds.answer) {
    const floor = Math.max(policy.confidence ? 0 : policy.minProbability, (candidates[first] as TierCandidate).probability * policy.quoteRatio);
    return { tier: 'answer', quotes: answering.filter((i) => (candidates[i] as TierCandidate).probability >= floor) };
  }
  // The sentence holding the asked kind of answer is the better guess; the best-ranked one the fallback.
  for (const shown of answering.length > 0 && answering.length < all.length ? [answering, all] : [all]) {
    if (shown.length > 0 && howSure(candidates, shown, policy) >= thresholds.probably) return { tier: 'probably', closest: shown[0] as number };
  }
  return { tier: 'not-covered' };
}

/** How sure the first of `shown` answers: the confidence stage's call, or its probability without one. */
function howSure(candidates: readonly TierCandidate[], shown: readonly number[], policy: TierPolicy): number {
  return policy.confidence ? policy.confidence.of(shown) : (candidates[shown[0] as number] as TierCandidate).probability;
}

/**
 * A count or money question is answered only by a sentence that states such a figure of the thing
 * counted ("How many police officers were killed?" is not answered by "230 people died"), and only
 * if it is about as likely as the best sentence: "How many people were released?" must not fall
 * through to a sentence the model ranks far lower.
 */
export function answeringIndices(candidates: readonly TierCandidate[], quoteRatio: number): number[] {
  const top = candidates[0];
  if (top === undefined) return [];
  const all = candidates.map((_, i) => i);
  if (top.holdsAskedFigure === null) return all;
  return all.filter((i) => {
    const c = candidates[i] as TierCandidate;
    return c.holdsAskedFigure === true && c.probability >= top.probability * quoteRatio;
  });
}
