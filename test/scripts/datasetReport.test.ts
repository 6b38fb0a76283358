import { describe, expect, it } from 'vitest';
import type { DatasetQuestion } from '../../scripts/dataset.js';
import { type DatasetOutcome, missKind, summariseDataset } from '../../scripts/datasetReport.js';

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
