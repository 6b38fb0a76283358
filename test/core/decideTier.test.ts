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
