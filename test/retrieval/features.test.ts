import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/chunking/figures.js';
import { buildLexicalData } from '../../src/index/lexicalData.js';
import { type LexicalIndex, lexicalIndexFrom } from '../../src/index/lexicalIndex.js';
import type { IndexedDocument } from '../../src/index/snapshot.js';
import { analyzerFor, documentLanguage } from '../../src/language/analyzer.js';
import { answerKind } from '../../src/language/questionWords.js';
import { type CandidateView, FEATURE_NAMES, type FeatureName, candidateFeatures, holdsAskedFigure } from '../../src/retrieval/features.js';
import { analyseQuestion } from '../../src/retrieval/questionAnalysis.js';
import { indexedDocuments } from './indexedDocuments.js';
import { understood } from '../language/understood.js';

const analyse = (text: string) => {
  const question = understood(text, 'en');
  return analyseQuestion(question, question.readings[0]!, LEXICAL, () => []);
};

const DOCUMENTS = indexedDocuments([
  {
    id: 'riots',
    language: 'en',
    sentences: [
      'Riots broke out in Almaty in January.',
      'According to the latest data, 230 people died during the riots.',
      'The riots lasted a week, and people in the city said that many of their neighbours had died.',
    ],
  },
  // Alone in its document, so no neighbour mentions people.
  { id: 'police', language: 'en', sentences: ['Police seized 40 cars in Almaty.'] },
  { id: 'library', language: 'en', sentences: ['The library received 4,500 new books in March.', 'Volunteers catalogued the books.'] },
]);
const LEXICAL: LexicalIndex = lexicalIndexFrom(buildLexicalData(DOCUMENTS));
const ALL = DOCUMENTS.flatMap((document) => document.sentences.map((_, index) => [document, index] as const));
const ROW = { burst: 0, died: 1, scattered: 2, seized: 3, library: 4, catalogued: 5 } as const;

/** A candidate as retrieval describes it; cosines are given, everything lexical comes from the index. */
function viewOf(document: IndexedDocument, index: number, cosine = 0.5): CandidateView {
  const sentence = document.sentences[index]!;
  const neighbour = (offset: number) => {
    const other = document.sentences[index + offset];
    return other ? LEXICAL.sentenceTermIds(other.row) : null;
  };
  return {
    text: sentence.text,
    termIds: LEXICAL.sentenceTermIds(sentence.row),
    before: neighbour(-1),
    after: neighbour(1),
    analyzer: analyzerFor(documentLanguage(document.language)),
    termId: LEXICAL.termId,
    figures: extractFigures(sentence.text),
    cosine,
    passageCosine: cosine,
    readsLanguage: true,
    retrievalRank: 0,
    lexicalRank: 0,
    denseRank: 0,
    documentTerms: new Set(document.sentences.flatMap((s) => [...LEXICAL.sentenceTermIds(s.row)])),
    indexInDocument: index,
    documentLength: document.sentences.length,
    averageSentenceLength: LEXICAL.averageSentenceLength,
  };
}

/** The named feature of every sentence of the corpus, by row. */
function feature(question: string, name: FeatureName, cosines: readonly number[] = []): number[] {
  const analysed = analyse(question);
  const rows = candidateFeatures(analysed, ALL.map(([document, index], row) => viewOf(document, index, cosines[row] ?? 0.5)));
  return rows.map((r) => r[FEATURE_NAMES.indexOf(name)]!);
}

describe('candidateFeatures', () => {
  it('gives one row of FEATURE_NAMES.length per candidate, and none for no candidates', () => {
    const analysed = analyse('How many people died?');
    const rows = candidateFeatures(analysed, ALL.map(([document, index]) => viewOf(document, index)));
    expect(rows).toHaveLength(ALL.length);
    for (const row of rows) expect(row).toHaveLength(FEATURE_NAMES.length);
    expect(candidateFeatures(analysed, [])).toEqual([]);
  });

  it('coverage: 1 for a sentence with every question term, 0 for one with none, in between otherwise', () => {
    const coverage = feature('How many people died during the riots?', 'coverage');
    expect(coverage[ROW.died]).toBe(1);
    expect(coverage[ROW.library]).toBe(0);
    expect(coverage[ROW.scattered]).toBeGreaterThan(0);
    expect(coverage[ROW.scattered]).toBeLessThan(1);
  });

  it('bigrams: 1 when adjacent question words stand together, 0 when the same words are scattered', () => {
    const bigrams = feature('How many people died during the riots?', 'bigrams');
    expect(bigrams[ROW.died]).toBe(1);
    expect(bigrams[ROW.scattered]).toBe(0);
    expect(bigrams[ROW.library]).toBe(0);
  });

  it.each<[string, Partial<Record<keyof typeof ROW, number>>]>([
    // A new figure in the sentence; what it counts is the countedThing feature's business.
    ['How many people died?', { died: 1, seized: 1, burst: -1, library: 1 }],
    // Nothing named is counted: any new figure will do.
    ['How many were there?', { died: 1, seized: 1, library: 1, burst: -1, catalogued: -1 }],
    // A figure the question already states is not an answer to it.
    ['How many of the 230 people died?', { died: -1 }],
  ])('kindCount for %j', (question, expected) => {
    const kindCount = feature(question, 'kindCount');
    for (const [name, value] of Object.entries(expected)) expect(kindCount[ROW[name as keyof typeof ROW]], name).toBe(value);
  });

  it.each<[string, Partial<Record<keyof typeof ROW, number>>]>([
    // What is counted ("people") is in the sentence or a neighbour: +1; not: −1.
    ['How many people died?', { died: 1, scattered: 1, burst: 1, seized: -1, library: -1 }],
    // Nothing named is counted, or the question counts nothing: 0.
    ['How many were there?', { died: 0, seized: 0, library: 0 }],
    ['When did the riots break out?', { died: 0, burst: 0 }],
  ])('countedThing for %j', (question, expected) => {
    const counted = feature(question, 'countedThing');
    for (const [name, value] of Object.entries(expected)) expect(counted[ROW[name as keyof typeof ROW]], name).toBe(value);
  });

  it('countedThing counts a relation of the counted word as the thing itself ("cars" for "vehicles")', () => {
    const question = understood('How many vehicles did the police take?', 'en');
    const analysed = analyseQuestion(question, question.readings[0]!, LEXICAL, (term) => (term === 'vehicl' ? ['car'] : []));
    const rows = candidateFeatures(analysed, ALL.map(([document, index]) => viewOf(document, index)));
    expect(rows[ROW.seized]![FEATURE_NAMES.indexOf('countedThing')]).toBe(1);
    expect(rows[ROW.library]![FEATURE_NAMES.indexOf('countedThing')]).toBe(-1);
  });

  it('kind features are 0 except for the kind the question asks', () => {
    const asked = answerKind('How many people died?');
    expect(asked).toBe('count');
    for (const name of ['kindWho', 'kindWhen', 'kindWhere', 'kindMoney', 'kindWhy'] as const) {
      expect(feature('How many people died?', name).every((value) => value === 0), name).toBe(true);
    }
    expect(feature('When did the riots break out?', 'kindWhen')[ROW.burst]).toBe(1);
    expect(feature('When did the riots break out?', 'kindWhen')[ROW.seized]).toBe(-1);
  });

  it('holdsAskedFigure reads the kind feature for count and money questions only', () => {
    const analysed = analyse('How many people died?');
    const rows = candidateFeatures(analysed, ALL.map(([document, index]) => viewOf(document, index)));
    expect(holdsAskedFigure('count', rows[ROW.died]!)).toBe(true);
    expect(holdsAskedFigure('count', rows[ROW.burst]!)).toBe(false);
    // A figure of another thing than the one counted ("40 cars" for "how many people"): not the answer.
    expect(holdsAskedFigure('count', rows[ROW.seized]!)).toBe(false);
    expect(holdsAskedFigure('why', rows[ROW.died]!)).toBeNull();
  });

  it.each<[string, FeatureName, Partial<Record<keyof typeof ROW, number>>]>([
    ['Did 230 people die?', 'numbers', { died: 1, seized: -1, library: -1 }],
    ['Did people die?', 'numbers', { died: 0, seized: 0 }],
    // A name counts when the sentence or a neighbour has it.
    ['What happened to the police in Almaty?', 'names', { seized: 1, burst: 1, library: -1 }],
    ['What happened to the police?', 'names', { seized: 0, library: 0 }],
  ])('%j: %s', (question, name, expected) => {
    const values = feature(question, name);
    for (const [row, value] of Object.entries(expected)) expect(values[ROW[row as keyof typeof ROW]], row).toBe(value);
  });

  it.each<[FeatureName, readonly number[]]>([
    ['cosineGap', [0.2, 0.9, 0.4, 0.1, 0.3, 0.6]],
    ['coverageGap', []],
  ])('%s is ≤ 0, and 0 for the best candidate', (name, cosines) => {
    const gaps = feature('How many people died during the riots?', name, cosines);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(0);
    expect(gaps[ROW.died]).toBe(0);
    expect(gaps[ROW.library]).toBeLessThan(0);
  });

  it('bm25Ratio is at most 1, and 1 for the best BM25 sentence', () => {
    const ratios = feature('How many people died during the riots?', 'bm25Ratio');
    expect(Math.max(...ratios)).toBe(1);
    expect(ratios[ROW.died]).toBe(1);
    expect(ratios[ROW.library]).toBe(0);
  });

  it('is deterministic: the same question and candidates give the same rows', () => {
    const once = feature('How many people died during the riots?', 'proximity');
    expect(feature('How many people died during the riots?', 'proximity')).toEqual(once);
  });
});
