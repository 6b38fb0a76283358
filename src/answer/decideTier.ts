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

export type TierPolicy = Pick<AnswerThresholds, 'minProbability' | 'closestMinProbability' | 'quoteRatio'>;

/** Indices into the candidates: the quotes of an answer, best first, or the one sentence shown as "probably". */
export type TierDecision = { tier: 'answer'; quotes: number[] } | { tier: 'probably'; closest: number } | { tier: Extract<Tier, 'not-covered'> };

/**
 * Pure: how sure a reply may be, from candidates in ranked order.
 * - 'answer': a sentence that can answer (for a figure question, one stating the asked figure and
 *   about as likely as the best sentence) reaches `minProbability`.
 * - 'probably': otherwise, a sentence reaches `closestMinProbability`; the one that can answer is
 *   preferred, since it holds the kind of answer asked for.
 * - 'not-covered': nothing is worth showing.
 */
export function decideTier(candidates: readonly TierCandidate[], policy: TierPolicy): TierDecision {
  const answering = answeringIndices(candidates, policy.quoteRatio);
  const best = answering[0];
  const bestProbability = best === undefined ? -Infinity : (candidates[best] as TierCandidate).probability;
  if (bestProbability >= policy.minProbability) {
    const floor = Math.max(policy.minProbability, bestProbability * policy.quoteRatio);
    return { tier: 'answer', quotes: answering.filter((i) => (candidates[i] as TierCandidate).probability >= floor) };
  }
  const closest = [best, 0].find((i) => i !== undefined && (candidates[i]?.probability ?? -Infinity) >= policy.closestMinProbability);
  return closest === undefined ? { tier: 'not-covered' } : { tier: 'probably', closest };
}

/**
 * A count or money question is answered only by a sentence that states such a figure of the thing
 * counted ("How many police officers were killed?" is not answered by "230 people died"), and only
 * if it is about as likely as the best sentence: "How many people were released?" must not fall
 * through to a sentence the model ranks far lower.
 */
function answeringIndices(candidates: readonly TierCandidate[], quoteRatio: number): number[] {
  const top = candidates[0];
  if (top === undefined) return [];
  const all = candidates.map((_, i) => i);
  if (top.holdsAskedFigure === null) return all;
  return all.filter((i) => {
    const c = candidates[i] as TierCandidate;
    return c.holdsAskedFigure === true && c.probability >= top.probability * quoteRatio;
  });
}
