import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOST, fitTrees, predictTrees } from '../../src/retrieval/boostedTrees.js';
import { DEFAULT_FIT, fitLogistic, predictProbability } from '../../src/retrieval/logisticRegression.js';

/** 80 rows: feature 0 decides the label (> 0.5, with a margin of 0.1), feature 1 is noise, feature 2 is constant. */
const ROWS = Array.from({ length: 100 }, (_, i) => [(i + 0.5) / 100, ((i * 37) % 100) / 100, 1]).filter(([x]) => Math.abs(x! - 0.5) >= 0.1);
const LABELS = ROWS.map(([x]) => (x! > 0.5 ? 1 : 0));
const UNSEEN: Array<[number[], number]> = [
  [[0.95, 0.1, 1], 1],
  [[0.8, 0.9, 1], 1],
  [[0.2, 0.1, 1], 0],
  [[0.05, 0.9, 1], 0],
];

/** A bin per distinct value, so a split can fall in the gap between the classes (80 rows, fewer than 128 bins). */
const TREES = { ...DEFAULT_BOOST, rounds: 40, minLeaf: 5, bins: 128 };

type Predict = (row: readonly number[]) => number;

const LEARNERS: Array<[string, () => Predict, () => unknown]> = [
  [
    'fitLogistic',
    () => {
      const model = fitLogistic(ROWS, LABELS);
      return (row) => predictProbability(model, row);
    },
    () => fitLogistic(ROWS, LABELS),
  ],
  [
    'fitTrees',
    () => {
      const model = fitTrees(ROWS, LABELS, TREES);
      return (row) => predictTrees(model, row);
    },
    () => fitTrees(ROWS, LABELS, TREES),
  ],
];

describe.each(LEARNERS)('%s', (_, train, fit) => {
  it('separates a separable set: every training row on the right side of 0.5', () => {
    const predict = train();
    ROWS.forEach((row, i) => expect(predict(row) > 0.5 ? 1 : 0, `row ${i}`).toBe(LABELS[i]));
  });

  it('generalises to rows it was not trained on', () => {
    const predict = train();
    for (const [row, label] of UNSEEN) expect(predict(row) > 0.5 ? 1 : 0, JSON.stringify(row)).toBe(label);
  });

  it('gives probabilities in [0, 1], higher for rows further on the positive side', () => {
    const predict = train();
    const probabilities = [0.6, 0.8, 0.99].map((x) => predict([x, 0.5, 1]));
    for (const p of probabilities) expect(p).toBeGreaterThanOrEqual(0), expect(p).toBeLessThanOrEqual(1);
    expect(predict([0.99, 0.5, 1])).toBeGreaterThan(predict([0.01, 0.5, 1]));
  });

  it('is deterministic: the same rows give the same model', () => {
    expect(JSON.stringify(fit())).toBe(JSON.stringify(fit()));
  });
});

describe('fitLogistic', () => {
  it('standardises features: a constant feature gets scale 1 and no NaN', () => {
    const model = fitLogistic(ROWS, LABELS);
    expect(model.scale[2]).toBe(1);
    expect([...model.weights, model.bias].every(Number.isFinite)).toBe(true);
  });

  it('weighs the deciding feature above the noise', () => {
    const model = fitLogistic(ROWS, LABELS);
    expect(model.weights[0]!).toBeGreaterThan(Math.abs(model.weights[1]!) * 5);
  });

  it('positiveWeight moves the probability of a borderline row up', () => {
    const plain = fitLogistic(ROWS, LABELS);
    const weighted = fitLogistic(ROWS, LABELS, { ...DEFAULT_FIT, positiveWeight: 5 });
    expect(predictProbability(weighted, [0.5, 0.5, 1])).toBeGreaterThan(predictProbability(plain, [0.5, 0.5, 1]));
  });
});

describe('fitTrees', () => {
  it('splits on the deciding feature first', () => {
    const model = fitTrees(ROWS, LABELS, { ...TREES, rounds: 5 });
    const root = model.trees[0]![0]!;
    expect(root.feature).toBe(0);
    // In the gap between the last negative (0.395) and the first positive (0.605) row.
    expect(root.threshold).toBeGreaterThanOrEqual(0.395);
    expect(root.threshold).toBeLessThan(0.605);
  });

  it('with too few rows to split, makes leaves only and predicts the prior', () => {
    const model = fitTrees(ROWS.slice(0, 10), LABELS.slice(0, 10), { ...DEFAULT_BOOST, rounds: 3 });
    for (const tree of model.trees) expect(tree).toHaveLength(1);
    expect(predictTrees(model, ROWS[0]!)).toBeLessThan(0.5);
  });
});
