import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Dataset, datasetProblem } from '../../scripts/dataset.js';
import type { EvalQuestion } from '../../scripts/evalMetrics.js';
import { projectRoot } from '../../src/config.js';
import { loadSeed } from './seed.js';

/** The eval sets only mean something if every expected quote and figure really is in the corpus. */
const SETS = ['eval-questions.json', 'eval-holdout.json', 'eval-blind.json', 'eval-ru.json', 'eval-kk.json'];
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

it('the Kazakh seed set has 25 or more Kazakh questions, 6 or more unanswerable', () => {
  const set = load('eval-kk.json') as (EvalQuestion & { language: string })[];
  expect(set.every((q) => q.language === 'kk')).toBe(true);
  expect(set.length).toBeGreaterThanOrEqual(25);
  expect(set.filter((q) => q.support === null).length).toBeGreaterThanOrEqual(6);
});

describe('kk-xquad-ru.json: Kazakh questions over the XQuAD Russian articles', () => {
  const set = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/kk-xquad-ru.json'), 'utf8')) as Dataset;
  const textOf = new Map(set.documents.map((d) => [d.id, d.text]));

  it('answers with verbatim spans of the question\'s own article, none for an impossible question', () => {
    expect(datasetProblem(set)).toBeNull();
    expect(set.language).toBe('kk->ru');
    for (const { question, answers, impossible, documentId } of set.questions) {
      if (impossible) expect(answers, question).toEqual([]);
      for (const answer of answers) expect(textOf.get(documentId), question).toContain(answer);
    }
  });

  it('has 40 or more questions over 10 or more articles, 8 or more impossible, each asked once', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.questions.map((q) => q.documentId)).size).toBeGreaterThanOrEqual(10);
    expect(set.questions.filter((q) => q.impossible).length).toBeGreaterThanOrEqual(8);
    const asked = set.questions.map((q) => q.question.toLowerCase());
    expect(new Set(asked).size).toBe(asked.length);
  });

  const shared = path.join(projectRoot, '..', 'shared', 'benchmarks', 'xquad-dev-ru.json');
  it.skipIf(!existsSync(shared))('copies its articles verbatim from the shared XQuAD ru set', () => {
    const source = JSON.parse(readFileSync(shared, 'utf8')) as Dataset;
    const original = new Map(source.documents.map((d) => [d.id, d]));
    for (const doc of set.documents) expect(doc, doc.id).toEqual(original.get(doc.id));
  });
});
