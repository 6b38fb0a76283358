import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetQuestion } from '../../scripts/dataset.js';
import { type DatasetOutcome, formatMisses, missKind, summariseDataset } from '../../scripts/datasetReport.js';
import { perDocumentSlices } from '../../scripts/evalDataset.js';

const answerable: DatasetQuestion = { question: 'Where?', answers: ['Caspian Sea'], impossible: false, documentId: 'river' };
const impossible: DatasetQuestion = { question: 'Who founded it?', answers: ['Caspian Sea'], impossible: true, documentId: 'river' };
const right = { text: 'It flows into the Caspian Sea.', documentId: 'river' };
const wrongSameDoc = { text: 'It is long.', documentId: 'river' };
const wrongOtherDoc = { text: 'Bread is baked.', documentId: 'bakery' };

function outcome(item: DatasetQuestion, quotes: DatasetOutcome['quotes'], tookMs = 10): DatasetOutcome {
  return { item, answered: quotes.length > 0, quotes, tookMs, nonVerbatim: 0 };
}

describe('missKind', () => {
  const cases: Array<[string, DatasetOutcome, ReturnType<typeof missKind>]> = [
    ['right first quote', outcome(answerable, [right]), null],
    ['right only in the second quote', outcome(answerable, [wrongSameDoc, right]), 'wrong sentence'],
    ['answered wrong', outcome(answerable, [wrongOtherDoc]), 'wrong sentence'],
    ['abstained on answerable', outcome(answerable, []), 'wrong abstention'],
    ['impossible, abstained', outcome(impossible, []), null],
    // Its "answers" are plausible wrong spans: quoting one is still a miss.
    ['impossible, quoted its plausible span', outcome(impossible, [right]), 'missed abstention'],
  ];
  it.each(cases)('%s', (_, o, expected) => expect(missKind(o)).toBe(expected));
});

describe('summariseDataset', () => {
  it('scores answerable questions and impossible ones separately', () => {
    const report = summariseDataset([
      outcome(answerable, [right], 10),
      outcome(answerable, [wrongSameDoc, right], 20),
      outcome(answerable, [wrongOtherDoc], 30),
      outcome(answerable, [], 40),
      outcome(impossible, [right], 50),
      outcome(impossible, [], 60),
    ]);
    expect(report).toMatchObject({
      questions: 6,
      answerable: 4,
      impossible: 2,
      top1: 0.25,
      anyQuote: 0.5,
      wrongAnswer: 0.25,
      abstentionOnAnswerable: 0.25,
      abstentionOnImpossible: 0.5,
      rightDocumentFirstQuote: 0.5,
      rightDocumentAnyQuote: 0.5,
      nonVerbatimQuotes: 0,
      p50Ms: 30,
      p95Ms: 60,
      misses: { wrongSentence: 2, missedAbstention: 1, wrongAbstention: 1 },
    });
  });
});

describe('what the user sees: the three tiers', () => {
  /** A question with no confident answer, shown `closest` under "probably" (or nothing). */
  const hedged = (item: DatasetQuestion, closest: DatasetOutcome['closest']): DatasetOutcome => ({ item, answered: false, quotes: [], tookMs: 10, nonVerbatim: 0, closest });

  it.each<[string, DatasetOutcome[], Partial<ReturnType<typeof summariseDataset>>]>([
    [
      'a right "probably" counts for shown@1, not for top-1 or coverage',
      [hedged(answerable, right), outcome(answerable, [right])],
      { top1: 0.5, shownAt1: 1, coverage: 0.5, confidentPrecision: 1, probably: 0.5 },
    ],
    ['a wrong "probably" is no better than nothing shown', [hedged(answerable, wrongSameDoc), hedged(answerable, null)], { shownAt1: 0, coverage: 0, probably: 0.5 }],
    ['an outcome without the field shows nothing (the trainer\'s folds)', [outcome(answerable, [])], { shownAt1: 0, probably: 0 }],
    ['shown@1 reads only the first quote of an answer', [outcome(answerable, [wrongSameDoc, right])], { shownAt1: 0, top1: 0 }],
    [
      'an impossible question answered confidently is a wrong confident answer',
      [outcome(answerable, [right]), outcome(impossible, [right]), outcome(impossible, [])],
      { confidentPrecision: 0.5, impossibleAnswered: 0.5, abstentionOnImpossible: 0.5, coverage: 1 },
    ],
    ['a "probably" on an impossible question is not a confident answer', [hedged(impossible, right)], { impossibleAnswered: 0, confidentPrecision: null, probably: 1 }],
    ['no confident answer at all: precision is not measured', [hedged(answerable, right)], { confidentPrecision: null, coverage: 0, shownAt1: 1 }],
  ])('%s', (_, outcomes, expected) => {
    expect(summariseDataset(outcomes)).toMatchObject(expected);
  });

  it('names a "probably" in the misses, with the sentence it showed', () => {
    expect(formatMisses([hedged(answerable, wrongOtherDoc)])).toBe(
      'wrong abstention:\n  - Where? — wanted ["Caspian Sea"] in river; abstained, "probably" [bakery] "Bread is baked."',
    );
  });
});

describe('perDocumentSlices', () => {
  const document = (id: string) => ({ id, title: id, text: `${id} text.` });
  const ask = (question: string, documentId: string): DatasetQuestion => ({ question, answers: ['x'], impossible: false, documentId });
  const dataset: Dataset = {
    name: 'set',
    language: 'en',
    source: 's',
    license: 'l',
    documents: [document('a'), document('b'), document('c')],
    questions: [ask('q1', 'a'), ask('q2', 'c'), ask('q3', 'a')],
  };

  it('gives each document with questions its own set: that document alone and only its questions, in order', () => {
    const slices = perDocumentSlices(dataset, dataset.questions);
    expect(slices.map((s) => [s.dataset.documents.map((d) => d.id), s.questions.map((q) => q.question)])).toEqual([
      [['a'], ['q1', 'q3']],
      [['c'], ['q2']],
    ]);
    expect(slices[0]?.dataset).toMatchObject({ name: 'set', language: 'en', source: 's', license: 'l' });
  });

  it('follows the questions it is given (--limit), not the whole set', () => {
    expect(perDocumentSlices(dataset, dataset.questions.slice(0, 1)).map((s) => s.questions.map((q) => q.question))).toEqual([['q1']]);
  });
});
