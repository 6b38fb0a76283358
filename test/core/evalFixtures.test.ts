import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../scripts/evalMetrics.js';
import { projectRoot } from '../../src/config.js';
import { loadSeed } from './seed.js';

/** The eval sets only mean something if every expected quote and figure really is in the corpus. */
const SETS = ['eval-questions.json', 'eval-holdout.json', 'eval-blind.json', 'eval-ru.json'];
const text = loadSeed().text;

function load(file: string): EvalQuestion[] {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures', file), 'utf8')) as { questions: EvalQuestion[] }).questions;
}

describe.each(SETS)('%s', (file) => {
  const questions = load(file);

  it('quotes only text the seed document contains, and figures inside those quotes', () => {
    for (const { question, support, figure } of questions) {
      const parts = support === null ? [] : Array.isArray(support) ? support : [support];
      for (const part of parts) expect(text, question).toContain(part);
      if (figure !== undefined) expect(parts.some((part) => part.includes(figure)), question).toBe(true);
      if (support === null) expect(figure, question).toBeUndefined();
    }
  });

  it('asks each question once', () => {
    const asked = questions.map((q) => q.question.toLowerCase());
    expect(new Set(asked).size).toBe(asked.length);
  });
});

it('the Russian set has 30 Russian and 10 Kazakh questions, 8 or more unanswerable', () => {
  const set = load('eval-ru.json') as (EvalQuestion & { language: string })[];
  expect(set.filter((q) => q.language === 'ru').length).toBeGreaterThanOrEqual(30);
  expect(set.filter((q) => q.language === 'kk').length).toBeGreaterThanOrEqual(10);
  expect(set.filter((q) => q.support === null).length).toBeGreaterThanOrEqual(8);
});

it('the dev set is as large as the eval needs: 30 or more questions, 8 or more unanswerable', () => {
  const dev = load('eval-questions.json');
  expect(dev.length).toBeGreaterThanOrEqual(30);
  expect(dev.filter((q) => q.support === null).length).toBeGreaterThanOrEqual(8);
});
