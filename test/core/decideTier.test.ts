import { describe, expect, it } from 'vitest';
import { type TierCandidate, type TierDecision, type TierPolicy, decideTier } from '../../src/answer/decideTier.js';

const POLICY: TierPolicy = { minProbability: 0.5, closestMinProbability: 0.25, quoteRatio: 0.8 };

/** [probability, holdsAskedFigure] in ranked order. */
const candidates = (...rows: Array<[number, boolean | null]>): TierCandidate[] => rows.map(([probability, holdsAskedFigure]) => ({ probability, holdsAskedFigure }));

describe('decideTier', () => {
  it.each<[string, TierCandidate[], TierDecision]>([
    ['nothing ranked', [], { tier: 'not-covered' }],
    ['best below the "probably" minimum', candidates([0.249, null], [0.1, null]), { tier: 'not-covered' }],
    ['best exactly at the "probably" minimum', candidates([0.25, null]), { tier: 'probably', closest: 0 }],
    ['best just below the answer minimum', candidates([0.499, null], [0.45, null]), { tier: 'probably', closest: 0 }],
    ['best exactly at the answer minimum', candidates([0.5, null]), { tier: 'answer', quotes: [0] }],
    ['further quotes within quoteRatio of the best and above the minimum', candidates([0.9, null], [0.73, null], [0.71, null]), { tier: 'answer', quotes: [0, 1] }],
    ['further quotes never under the minimum', candidates([0.55, null], [0.5, null], [0.49, null]), { tier: 'answer', quotes: [0, 1] }],
    // A count or money question: only a sentence holding the asked figure answers.
    ['the top sentence lacks the figure, the next one holds it', candidates([0.9, false], [0.85, true]), { tier: 'answer', quotes: [1] }],
    ['the one holding the figure is far less probable than the top', candidates([0.9, false], [0.7, true]), { tier: 'probably', closest: 0 }],
    ['the one holding the figure is close to the top but below the minimum', candidates([0.55, false], [0.45, true]), { tier: 'probably', closest: 1 }],
    ['the one holding the figure is below the "probably" minimum', candidates([0.3, false], [0.24, true]), { tier: 'probably', closest: 0 }],
    ['no sentence holds the figure', candidates([0.9, false], [0.85, false]), { tier: 'probably', closest: 0 }],
    ['no sentence holds the figure and the best is weak', candidates([0.2, false], [0.1, false]), { tier: 'not-covered' }],
    ['every sentence holds the figure', candidates([0.9, true], [0.8, true], [0.6, true]), { tier: 'answer', quotes: [0, 1] }],
  ])('%s', (_, list, expected) => {
    expect(decideTier(list, POLICY)).toEqual(expected);
  });

  it.each<[Partial<TierPolicy>, TierDecision]>([
    [{ minProbability: 0.7 }, { tier: 'probably', closest: 0 }],
    [{ minProbability: 0.2 }, { tier: 'answer', quotes: [0] }],
    [{ minProbability: 0.7, closestMinProbability: 0.65 }, { tier: 'not-covered' }],
    [{ minProbability: 0, closestMinProbability: 0 }, { tier: 'answer', quotes: [0] }],
  ])('reads its thresholds from the policy it is given (%j)', (policy, expected) => {
    expect(decideTier(candidates([0.6, null], [0.3, null]), { ...POLICY, ...policy })).toEqual(expected);
  });
});

describe('decideTier with a trained confidence stage', () => {
  /** A stage whose confidence is a fixed value per first index: the decision must follow it, not the probabilities. */
  const stage = (byFirst: Record<number, number>) => ({
    thresholds: { answer: 0.8, probably: 0.3 },
    of: (indices: readonly number[]) => byFirst[indices[0] as number] ?? 0,
  });

  it.each<[string, TierCandidate[], Record<number, number>, TierDecision]>([
    // A low probability does not stop a confident answer: the stage reads margin, kind and coverage.
    ['confident although the probability is low', candidates([0.2, null], [0.05, null]), { 0: 0.85 }, { tier: 'answer', quotes: [0] }],
    ['a high probability is only "probably" when the stage is unsure', candidates([0.9, null], [0.85, null]), { 0: 0.5 }, { tier: 'probably', closest: 0 }],
    ['below the "probably" threshold nothing is shown', candidates([0.9, null]), { 0: 0.29 }, { tier: 'not-covered' }],
    // Figure questions: the stage judges the sentence that holds the figure first, then the best-ranked one.
    ['the figure sentence is confident', candidates([0.9, false], [0.8, true]), { 1: 0.9, 0: 0.1 }, { tier: 'answer', quotes: [1] }],
    ['the figure sentence is unsure, the best one worth a hedge', candidates([0.9, false], [0.8, true]), { 1: 0.1, 0: 0.4 }, { tier: 'probably', closest: 0 }],
    ['nothing holds the figure: never more than "probably"', candidates([0.9, false], [0.8, false]), { 0: 0.99 }, { tier: 'probably', closest: 0 }],
    ['further quotes still need a probability near the best', candidates([0.5, null], [0.45, null], [0.3, null]), { 0: 0.9 }, { tier: 'answer', quotes: [0, 1] }],
  ])('%s', (_, list, byFirst, expected) => {
    expect(decideTier(list, { ...POLICY, confidence: stage(byFirst) })).toEqual(expected);
  });
});
