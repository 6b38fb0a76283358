import { describe, expect, it } from 'vitest';
import { CONFIDENCE_FEATURES, type ConfidenceFeature, type ScoredCandidate, confidenceFeatures, confidenceOf, tierOf } from '../../src/retrieval/answerConfidence.js';
import { FEATURE_NAMES, type FeatureName } from '../../src/retrieval/features.js';

function candidate(probability: number, row: number, features: Partial<Record<FeatureName, number>> = {}): ScoredCandidate {
  const values = new Float64Array(FEATURE_NAMES.length);
  for (const [name, value] of Object.entries(features)) values[FEATURE_NAMES.indexOf(name as FeatureName)] = value;
  return { probability, features: values, row };
}

const value = (row: Float64Array, name: ConfidenceFeature) => row[CONFIDENCE_FEATURES.indexOf(name)];

describe('confidenceFeatures: the question-level row of a ranked list', () => {
  it.each<[string, ScoredCandidate[], Partial<Record<ConfidenceFeature, number>>]>([
    ['nothing ranked', [], { best: 0, margin: 0, kindFit: 0, kindAsked: 0 }],
    ['one candidate: the whole probability is its margin', [candidate(0.6, 1)], { best: 0.6, margin: 0.6, secondRatio: 0 }],
    ['margin and ratio to the runner-up', [candidate(0.8, 1), candidate(0.2, 2)], { margin: 0.6000000000000001, secondRatio: 0.25 }],
    // Found by two readings, one sentence is not its own runner-up.
    ['the same sentence twice', [candidate(0.8, 1), candidate(0.7, 1), candidate(0.4, 2)], { margin: 0.4, secondRatio: 0.5 }],
    ['the kind asked for, held', [candidate(0.5, 1, { kindCount: 1 })], { kindFit: 1, kindAsked: 1 }],
    ['the kind asked for, not held', [candidate(0.5, 1, { kindWhy: -1 })], { kindFit: -1, kindAsked: 1 }],
    ['the best sentence\'s own evidence', [candidate(0.5, 1, { coverageRelated: 0.7, unknownShare: 0.2, missingMaxIdf: 0.3 })], { coverageRelated: 0.7, unknownShare: 0.2, missingMaxIdf: 0.3 }],
  ])('%s', (_, ranked, expected) => {
    const row = confidenceFeatures(ranked);
    expect(row).toHaveLength(CONFIDENCE_FEATURES.length);
    for (const [name, want] of Object.entries(expected)) expect(value(row, name as ConfidenceFeature), name).toBeCloseTo(want, 10);
  });
});

describe('tierOf', () => {
  const thresholds = { answer: 0.7, probably: 0.2 };
  it.each<[number, string]>([
    [0.95, 'answer'],
    [0.7, 'answer'],
    [0.69, 'probably'],
    [0.2, 'probably'],
    [0.19, 'not-covered'],
    [0, 'not-covered'],
  ])('confidence %d → %s', (confidence, tier) => {
    expect(tierOf(confidence, thresholds)).toBe(tier);
  });
});

describe('confidenceOf', () => {
  // A logistic stage that reads the margin only: a wide margin is confident, a narrow one is not.
  const weights = CONFIDENCE_FEATURES.map((name) => (name === 'margin' ? 10 : 0));
  const model = {
    features: [...CONFIDENCE_FEATURES],
    model: { kind: 'logistic-regression' as const, logistic: { mean: weights.map(() => 0), scale: weights.map(() => 1), weights, bias: -2 } },
    thresholds: { answer: 0.8, probably: 0.2, answerPrecision: 0.8, probablyRecall: 0.95 },
  };
  it('follows the fitted model, and is 0 for an empty list', () => {
    expect(confidenceOf(model, [candidate(0.9, 1), candidate(0.1, 2)])).toBeCloseTo(1 / (1 + Math.exp(-6)), 10);
    expect(confidenceOf(model, [candidate(0.5, 1), candidate(0.45, 2)])).toBeCloseTo(1 / (1 + Math.exp(1.5)), 10);
    expect(confidenceOf(model, [])).toBe(0);
  });
});
