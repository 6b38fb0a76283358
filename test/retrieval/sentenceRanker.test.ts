import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/retrieval/features.js';
import { RANKER_FILE, RANKER_FORMAT_VERSION, RankerModelError, checkRankerFile, defaultRanker, rankerFrom } from '../../src/retrieval/sentenceRanker.js';

const committed = (): Record<string, unknown> => JSON.parse(readFileSync(RANKER_FILE, 'utf8'));
const COPY = '/tmp/copied-ranker.json';

describe('the committed ranker file', () => {
  it('is accepted by checkRankerFile: this version, the features the code computes, a complete model with thresholds', () => {
    const file = checkRankerFile(committed(), RANKER_FILE);
    expect(file.formatVersion).toBe(RANKER_FORMAT_VERSION);
    expect(file.features).toEqual([...FEATURE_NAMES]);
    const { minProbability, closestMinProbability, quoteRatio } = file.thresholds;
    expect(closestMinProbability).toBeLessThanOrEqual(minProbability);
    for (const value of [minProbability, closestMinProbability, quoteRatio]) expect(value >= 0 && value <= 1, String(value)).toBe(true);
  });

  it('loads as the default ranker, which gives a probability for a row of features', () => {
    const p = defaultRanker().probability(new Float64Array(FEATURE_NAMES.length));
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });
});

describe('checkRankerFile refuses a file this code cannot use, naming the file', () => {
  /** The committed file's metadata around a model of the features this code computes, so every refusal below is caused by its one change. */
  const valid = (): Record<string, unknown> => {
    const zero = FEATURE_NAMES.map(() => 0);
    return { ...committed(), features: [...FEATURE_NAMES], model: { kind: 'logistic-regression', logistic: { mean: zero, scale: zero.map(() => 1), weights: zero, bias: 0 } } };
  };
  const renamed = () => ({ ...valid(), features: FEATURE_NAMES.map((name, i) => (i === 3 ? `${name}Renamed` : name)) });

  it('accepts the unchanged copy', () => {
    expect(checkRankerFile(valid(), COPY).features).toEqual([...FEATURE_NAMES]);
  });

  it.each<[string, () => unknown]>([
    ['a feature renamed', renamed],
    ['a feature missing', () => ({ ...valid(), features: FEATURE_NAMES.slice(1) })],
    ['features reordered', () => ({ ...valid(), features: [...FEATURE_NAMES].reverse() })],
    ['another format version', () => ({ ...valid(), formatVersion: RANKER_FORMAT_VERSION + 1 })],
    ['no format version', () => ({ ...valid(), formatVersion: undefined })],
    ['no thresholds', () => ({ ...valid(), thresholds: undefined })],
    ['weights for other features', () => ({ ...valid(), model: { kind: 'logistic-regression', logistic: { mean: [0], scale: [1], weights: [0], bias: 0 } } })],
    ['no model', () => ({ ...valid(), model: { kind: 'logistic-regression' } })],
    ['not a model at all', () => null],
  ])('%s', (_, json) => {
    expect(() => checkRankerFile(json(), COPY)).toThrow(RankerModelError);
    expect(() => checkRankerFile(json(), COPY)).toThrow(COPY);
  });
});

describe('rankerFrom', () => {
  const zero = FEATURE_NAMES.map(() => 0);
  const thresholds = { minProbability: 0.6, closestMinProbability: 0.3, quoteRatio: 0.8, targetPrecision: 0.9 };

  it('a logistic model: the sigmoid of its standardised weighted sum, with the file’s thresholds', () => {
    const weights = FEATURE_NAMES.map((name) => (name === 'coverage' ? 2 : 0));
    const ranker = rankerFrom({ model: { kind: 'logistic-regression', logistic: { mean: zero, scale: zero.map(() => 1), weights, bias: -1 } }, thresholds });
    const row = new Float64Array(FEATURE_NAMES.length);
    row[FEATURE_NAMES.indexOf('coverage')] = 1;
    expect(ranker.probability(row)).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(ranker.probability(new Float64Array(FEATURE_NAMES.length))).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(ranker.thresholds).toEqual(thresholds);
  });

  it('boosted trees: the base plus the leaf each tree sends the row to', () => {
    const at = FEATURE_NAMES.indexOf('kindCount');
    const tree = [
      { feature: at, threshold: 0, left: 1, right: 2, value: 0 },
      { feature: -1, threshold: 0, left: -1, right: -1, value: -2 },
      { feature: -1, threshold: 0, left: -1, right: -1, value: 2 },
    ];
    const ranker = rankerFrom({ model: { kind: 'boosted-trees', trees: { base: 0, trees: [tree] } }, thresholds });
    const row = new Float64Array(FEATURE_NAMES.length);
    row[at] = 1;
    expect(ranker.probability(row)).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    row[at] = -1;
    expect(ranker.probability(row)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
  });
});
