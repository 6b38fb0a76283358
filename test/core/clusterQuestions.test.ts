import { describe, expect, it } from 'vitest';
import { countDistinct, mergeSimilar, questionKey } from '../../src/usage/clusterQuestions.js';

const unit = (...xs: number[]) => {
  const norm = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / norm));
};

describe('questionKey', () => {
  it.each([
    ['What is the capital of France?', 'what is the capital of france'],
    ['  what is   the capital of France ?! ', 'what is the capital of france'],
    ['СКОЛЬКО погибло…', 'сколько погибло'],
    ['Ｗhy?', 'why'],
  ])('%j → %j', (text, key) => expect(questionKey(text)).toBe(key));
});

describe('countDistinct and mergeSimilar', () => {
  const asked = [
    { question: 'Who is to blame?', askedAt: 5 },
    { question: 'who is to blame', askedAt: 4 },
    { question: 'Who is to blame?', askedAt: 3 },
    { question: 'Who was responsible?', askedAt: 2 },
    { question: 'Where is Almaty?', askedAt: 1 },
  ];

  it('merges exact duplicates and keeps the most frequent wording as the example', () => {
    expect(countDistinct(asked)).toEqual([
      { count: 3, example: 'Who is to blame?', lastAskedAt: 5 },
      { count: 1, example: 'Who was responsible?', lastAskedAt: 2 },
      { count: 1, example: 'Where is Almaty?', lastAskedAt: 1 },
    ]);
  });

  it.each([
    [0.9, [3, 1, 1]],
    [0.7, [4, 1]],
    [0.1, [5]],
  ])('at similarity %d the groups have counts %j', (threshold, counts) => {
    const groups = countDistinct(asked);
    const vectors = [unit(1, 0, 0), unit(1, 0.6, 0), unit(0.3, 0.3, 1)];
    const merged = mergeSimilar(groups, vectors, threshold);
    expect(merged.map((g) => g.count)).toEqual(counts);
    expect(merged[0]?.example).toBe('Who is to blame?');
  });

  it('needs one vector per group', () => {
    expect(() => mergeSimilar(countDistinct(asked), [], 0.5)).toThrow('one vector per group');
  });
});
