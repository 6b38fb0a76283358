import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { summariseDataset } from '../../scripts/datasetReport.js';
import { askDataset } from '../../scripts/evalDataset.js';
import { containsAnswer, corpusIdFor, type Dataset, type DatasetLanguage, documentIdFor, documentsLanguage, openDatasetQantar, readDataset } from '../../scripts/dataset.js';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

const tiny: Dataset = {
  name: 'tiny',
  language: 'en',
  source: 'written for this test',
  license: 'CC0',
  documents: [
    { id: 'river/1', title: 'The river', text: 'The Ural River flows into the Caspian Sea. It is 2,428 kilometres long.' },
    { id: 'bakery', title: 'The bakery', text: 'The bakery opens at seven in the morning. Its bread is baked with rye flour.' },
  ],
  questions: [
    { question: 'Where does the Ural River flow?', answers: ['Caspian Sea'], impossible: false, documentId: 'river/1' },
    { question: 'What flour is the bread baked with?', answers: ['rye'], impossible: false, documentId: 'bakery' },
    { question: 'Who founded the bakery?', answers: ['seven'], impossible: true, documentId: 'bakery' },
  ],
};

async function writeSet(content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qantar-set-'));
  temps.push(dir);
  const file = path.join(dir, 'set.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('readDataset', () => {
  const withDoc = (doc: object) => ({ ...tiny, documents: [doc, ...tiny.documents.slice(1)] });
  const withQuestion = (q: object) => ({ ...tiny, questions: [q] });
  const cases: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{ nope', /set\.json is not JSON/],
    ['an array', [], /set\.json: the top level is not an object/],
    ['no name', { ...tiny, name: 3 }, /"name" is not a string/],
    ['an unknown language', { ...tiny, language: 'de' }, /"language" is "de"/],
    ['no documents', { ...tiny, documents: [] }, /"documents" is not a non-empty array/],
    ['a document without id', withDoc({ title: 't', text: 'x' }), /documents\[0\]\.id/],
    ['a duplicate id', { ...tiny, documents: [tiny.documents[1], tiny.documents[1]] }, /documents\[1\]\.id "bakery" is used twice/],
    ['an empty text', withDoc({ id: 'a', title: 't', text: '  ' }), /documents\[0\]\.text/],
    ['answers not strings', withQuestion({ ...tiny.questions[0], answers: [1] }), /questions\[0\]\.answers is not an array of strings/],
    ['answerable without answers', withQuestion({ ...tiny.questions[0], answers: [] }), /questions\[0\]\.answers is empty/],
    ['impossible not boolean', withQuestion({ ...tiny.questions[0], impossible: 'no' }), /questions\[0\]\.impossible/],
    ['an unknown documentId', withQuestion({ ...tiny.questions[0], documentId: 'nope' }), /questions\[0\]\.documentId "nope" names no document/],
  ];
  it.each(cases)('rejects %s, naming the file and the field', async (_, content, message) => {
    const file = await writeSet(content);
    const error = await readDataset(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a missing file by name', async () => {
    await expect(readDataset('/nonexistent/set.json')).rejects.toThrow(/\/nonexistent\/set\.json cannot be read \(ENOENT\)/);
  });

  it('reads a well-formed set unchanged', async () => {
    expect(await readDataset(await writeSet(tiny))).toEqual(tiny);
  });

  const benchmarks = path.join(projectRoot, '..', 'shared', 'benchmarks');
  it.skipIf(!existsSync(benchmarks))('reads every shared benchmark set', async () => {
    const files = (await readdir(benchmarks)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect((await readDataset(path.join(benchmarks, name))).questions.length).toBeGreaterThan(0);
  });
});

describe('containsAnswer', () => {
  const cases: Array<[string, string[], boolean]> = [
    ['The Ural flows into the Caspian Sea.', ['caspian sea'], true],
    ['The Ural flows into the CASPIAN\n  Sea.', ['Caspian Sea'], true],
    ['It is 2,428 kilometres long.', ['2,428  kilometres'], true],
    ['It is 2,428 kilometres long.', ['2428'], false],
    ['The bakery opens at seven.', ['eight', 'seven'], true],
    ['The bakery opens at seven.', [], false],
    ['The bakery opens at seven.', ['', '  '], false],
    ['Алматы — крупнейший город.', ['АЛМАТЫ'], true],
  ];
  it.each(cases)('%j contains one of %j: %s', (text, answers, expected) => {
    expect(containsAnswer(text, answers)).toBe(expected);
  });
});

describe('documentsLanguage', () => {
  const cases: Array<[DatasetLanguage, string]> = [['en', 'en'], ['ru', 'ru'], ['kk', 'kk'], ['ru->en', 'en'], ['kk->ru', 'ru']];
  it.each(cases)('a %s set indexes its documents as %s', (language, documents) => {
    expect(documentsLanguage(language)).toBe(documents);
  });
});

describe('corpus ids of dataset documents', () => {
  it.each(['river/1', 'kk-0000', 'a_b c', 'Ünïcode.x', '_7f_'])('%j maps to a safe file name and back', (id) => {
    const corpusId = corpusIdFor(id);
    expect(corpusId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(documentIdFor(corpusId)).toBe(id);
  });
});

async function corpusState(): Promise<string[]> {
  const dir = path.join(projectRoot, 'corpus');
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => `${name}:${(await readFile(path.join(dir, name))).toString('base64')}`));
}

describe('openDatasetQantar', () => {
  it('answers over the set in a temp folder it removes, leaving corpus/ alone', async () => {
    const before = await corpusState();
    const opened = await openDatasetQantar(tiny);
    try {
      expect(opened.folder.startsWith(tmpdir())).toBe(true);
      const ids = opened.qantar.knowledge.snapshot.documents.map((d) => documentIdFor(d.id)).sort();
      expect(ids).toEqual(['bakery', 'river/1']);
      const outcomes = await askDataset(opened.qantar, tiny, tiny.questions);
      const first = outcomes[0];
      expect(first?.answered).toBe(true);
      expect(first?.quotes[0]?.text).toContain('Caspian Sea');
      expect(first?.quotes[0]?.documentId).toBe('river/1');
      const report = summariseDataset(outcomes);
      expect({ questions: report.questions, answerable: report.answerable, impossible: report.impossible }).toEqual({ questions: 3, answerable: 2, impossible: 1 });
      expect(report.nonVerbatimQuotes).toBe(0);
      expect(report.top1).toBeGreaterThanOrEqual(0.5);
    } finally {
      await opened.close();
    }
    expect(await stat(opened.folder).then(() => true, () => false)).toBe(false);
    expect(await corpusState()).toEqual(before);
  });
});
