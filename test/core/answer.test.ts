import { describe, expect, it } from 'vitest';
import type { Answer, Answered, Quote, Unanswered } from '../../src/answer/answer.js';
import { type AnswerPolicy, composeAnswer } from '../../src/answer/composeAnswer.js';
import { leadClause } from '../../src/answer/lead.js';
import { renderAnswerText, sourceLine } from '../../src/answer/renderText.js';
import { questionFromSentence, suggestQuestions } from '../../src/answer/suggestQuestions.js';
import { type Figure, type FigureKind, extractFigures } from '../../src/chunking/figures.js';
import { SentenceVectors, poolRows } from '../../src/index/sentenceVectors.js';
import type { IndexedDocument, KnowledgeSnapshot } from '../../src/index/snapshot.js';
import { FEATURE_NAMES, type FeatureName } from '../../src/retrieval/features.js';
import { reciprocalRankFusion } from '../../src/retrieval/fuse.js';
import type { RankedSentence } from '../../src/retrieval/retrieve.js';
import { type EvalOutcome, type EvalQuestion, isCorrect, percentile, shownRight, summarise } from '../../scripts/evalMetrics.js';
import { understood } from '../language/understood.js';

// ---------------------------------------------------------------------------------------------
// Hand-made ranked sentences: plain data, offsets found in the document text.

const SENTENCES = [
  'According to the latest data, 230 people died during the riots.',
  'In total, over 3,000 weapons were stolen during the riots.',
  'Law enforcement agencies managed to find only a third of the stolen weapons.',
  'The damage from the January pogroms throughout the country amounted to about $200 million.',
  'Police seized 40 cars, and the damage reached $2 million.',
] as const;

function documentOf(id: string, title: string, sentences: readonly string[]): IndexedDocument {
  const text = `${title}\n\n${sentences.join(' ')}`;
  return {
    id,
    fileName: `${id}.md`,
    text,
    contentHash: '0'.repeat(64),
    title,
    publisher: 'Desk',
    url: `https://example.com/${id}`,
    date: null,
    language: 'en',
    addedBy: null,
    sentences: sentences.map((sentence, row) => {
      const start = text.indexOf(sentence);
      return { documentId: id, start, end: start + sentence.length, text: sentence, row };
    }),
    passages: [],
  };
}

const DOCUMENT = documentOf('report', 'Riots report', SENTENCES);
const TEXT = DOCUMENT.text;
/** Sentence 1 leans on sentence 0; sentence 2 leans on sentence 1. */
const RELEASES = documentOf('releases', 'Releases', [
  'About two thousand people were detained for various offenses.',
  'As a result, many citizens were released.',
  'They were later acquitted.',
]);

const POLICY: AnswerPolicy = { minProbability: 0.5, closestMinProbability: 0.25, quoteRatio: 0.8, targetPrecision: 0.8, maxQuotes: 3 };

/** A candidate as the ranker leaves it: its probability, and only the named features set. */
function ranked(index: number, probability: number, features: Partial<Record<FeatureName, number>> = {}, document = DOCUMENT): RankedSentence {
  const sentence = document.sentences[index]!;
  const row = new Float64Array(FEATURE_NAMES.length);
  for (const [name, value] of Object.entries(features)) row[FEATURE_NAMES.indexOf(name as FeatureName)] = value;
  return { sentence, document, index, figures: extractFigures(sentence.text), features: row, probability };
}
const holdsCount = { kindCount: 1 } as const;
const lacksCount = { kindCount: -1 } as const;

const SUGGESTIONS = ['How many people died during the riots?'];

function compose(question: string, list: readonly RankedSentence[], policy: Partial<AnswerPolicy> = {}, suggestions: readonly string[] = []): Answer {
  return composeAnswer(understood(question), list, suggestions, { ...POLICY, ...policy });
}

/** A sentence as the quote composeAnswer would make of it. */
function quoteOf(index: number, probability = 1): Quote {
  return answered(compose('q', [ranked(index, probability)], { minProbability: 0 })).quotes[0]!;
}

function answered(answer: Answer): Answered {
  if (!answer.answered) throw new Error(`expected an answer, got ${answer.tier}`);
  return answer;
}

const texts = (answer: Answer) => answered(answer).quotes.map((q) => q.text);

describe('composeAnswer', () => {
  it.each<[string, RankedSentence[]]>([
    ['nothing was retrieved', []],
    ['the best probability is below the closest-match minimum', [ranked(0, POLICY.closestMinProbability - 0.001), ranked(1, 0.01)]],
  ])('abstains as not covered when %s, passing the suggestions on', (_, list) => {
    const answer = composeAnswer(understood('How many people died?'), list, SUGGESTIONS, POLICY);
    expect(answer).toEqual({ tier: 'not-covered', answered: false, question: 'How many people died?', reason: 'not-covered', suggestions: SUGGESTIONS });
    if (!answer.answered) expect(answer.suggestions).not.toBe(SUGGESTIONS);
  });

  it.each([POLICY.closestMinProbability, POLICY.minProbability - 0.001])(
    'offers the best sentence as "probably", not as an answer, at probability %d',
    (probability) => {
      const answer = compose('Were guns stolen?', [ranked(1, probability), ranked(2, 0.1)], {}, SUGGESTIONS);
      expect(answer).toEqual({ tier: 'probably', answered: false, question: 'Were guns stolen?', closest: quoteOf(1, probability), suggestions: SUGGESTIONS });
    },
  );

  it('answers when the best probability is exactly the minimum', () => {
    expect(compose('q', [ranked(0, POLICY.minProbability)]).answered).toBe(true);
  });

  it('follows the thresholds of the policy it is given, not fixed ones', () => {
    expect(compose('q', [ranked(0, 0.6)], { minProbability: 0.7 }).answered).toBe(false);
    expect(compose('q', [ranked(0, 0.3)], { minProbability: 0.2 }).answered).toBe(true);
    expect(compose('q', [ranked(0, 0.3)], { closestMinProbability: 0.4 }).tier).toBe('not-covered');
    expect(compose('q', [ranked(0, 0.3)], { closestMinProbability: 0.3 }).tier).toBe('probably');
  });

  describe('a count or money question is answered only by a sentence whose features say it holds the asked figure', () => {
    it('passes over a slightly more probable sentence without one', () => {
      expect(texts(compose('How many guns were stolen?', [ranked(1, 0.9, lacksCount), ranked(2, 0.85, holdsCount)]))).toEqual([SENTENCES[2]]);
    });

    it('passes over a sentence with a number of something else (its features say it lacks the figure)', () => {
      expect(texts(compose('How many guns were stolen?', [ranked(0, 0.9, lacksCount), ranked(1, 0.85, holdsCount)]))).toEqual([SENTENCES[1]]);
    });

    it('says "probably" with the best sentence when the best one with the figure is far less probable', () => {
      const list = [ranked(1, 0.9, lacksCount), ranked(2, 0.7, holdsCount)];
      expect(compose('How many guns were stolen?', list)).toMatchObject({ tier: 'probably', answered: false, closest: { text: SENTENCES[1] } });
    });

    it('says "probably" with the sentence holding the figure when it is close to the best but below the minimum', () => {
      const list = [ranked(1, 0.55, lacksCount), ranked(2, 0.45, holdsCount)];
      expect(compose('How many guns were stolen?', list)).toMatchObject({ tier: 'probably', answered: false, closest: { text: SENTENCES[2] } });
    });

    it('does not answer when no candidate holds the figure', () => {
      expect(compose('How many guns were stolen?', [ranked(1, 0.9, lacksCount), ranked(2, 0.85, lacksCount)]).tier).toBe('probably');
    });

    it('reads kindMoney for a money question', () => {
      const list = [ranked(1, 0.9, { kindMoney: -1 }), ranked(3, 0.88, { kindMoney: 1 })];
      expect(texts(compose('How much money was lost?', list))).toEqual([SENTENCES[3]]);
      expect(compose('How much money was lost?', [ranked(1, 0.9, { kindMoney: -1 })]).tier).toBe('probably');
    });

    it.each(['Were guns stolen?', 'When were the guns stolen?', 'Who stole the guns?'])('does not apply to %j', (question) => {
      expect(texts(compose(question, [ranked(1, 0.9, lacksCount)]))).toEqual([SENTENCES[1]]);
    });
  });

  it('quotes the best sentence verbatim with its source, rounded probability and figures', () => {
    const answer = answered(compose('How many people were killed?', [ranked(0, 0.87654321, holdsCount)]));
    const [quote] = answer.quotes;
    expect(quote).toEqual<Quote>({
      text: SENTENCES[0],
      documentId: 'report',
      title: 'Riots report',
      publisher: 'Desk',
      url: 'https://example.com/report',
      start: DOCUMENT.sentences[0]!.start,
      end: DOCUMENT.sentences[0]!.end,
      score: 0.8765,
      figures: ['230'],
    });
    expect(TEXT.slice(quote!.start, quote!.end)).toBe(quote!.text);
    expect(answer.lead).toBe('230 people died during the riots.');
    expect(answer.figures).toEqual(['230']);
    expect(answer.question).toBe('How many people were killed?');
  });

  it.each<[string, number[], Partial<AnswerPolicy>, number[]]>([
    ['keeps further quotes only above quoteRatio × the best', [0.9, 0.73, 0.71], {}, [0, 1]],
    ['keeps at most maxQuotes', [0.9, 0.89, 0.88, 0.87], {}, [0, 1, 2]],
    ['drops quotes under the minimum even within the ratio', [0.55, 0.5, 0.49], {}, [0, 1]],
    ['follows a stricter maxQuotes', [0.9, 0.85, 0.8], { maxQuotes: 1 }, [0]],
    ['follows a lower quoteRatio', [0.9, 0.5, 0.46, 0.44], { quoteRatio: 0.5, minProbability: 0.4 }, [0, 1, 2]],
    ['follows a quoteRatio of 1: only ties', [0.9, 0.9, 0.89], { quoteRatio: 1 }, [0, 1]],
  ])('%s', (_, probabilities, policy, expectedRows) => {
    const list = probabilities.map((p, i) => ranked(i, p));
    expect(texts(compose('q', list, policy))).toEqual(expectedRows.map((i) => SENTENCES[i]));
  });

  describe('a sentence that refers back', () => {
    const predecessor = RELEASES.sentences[0]!;
    const leaning = RELEASES.sentences[1]!;

    it('is quoted together with the sentence before it, as one verbatim span', () => {
      const [quote] = answered(compose('Were many detainees set free?', [ranked(1, 0.9, {}, RELEASES)])).quotes;
      expect(quote).toMatchObject({ documentId: 'releases', start: predecessor.start, end: leaning.end, score: 0.9 });
      expect(quote!.text).toBe(RELEASES.text.slice(predecessor.start, leaning.end));
      expect(quote!.text).toBe(`${predecessor.text} ${leaning.text}`);
    });

    it('is also shown with its predecessor under "probably"', () => {
      const answer = compose('Were many detainees set free?', [ranked(1, 0.3, {}, RELEASES)]);
      expect(answer).toMatchObject({ tier: 'probably', closest: { start: predecessor.start, end: leaning.end, text: `${predecessor.text} ${leaning.text}` } });
    });

    it('is quoted alone when it opens its document', () => {
      const opening = documentOf('opening', 'Opening', ['They were released.', 'Nothing else happened.']);
      expect(texts(compose('q', [ranked(0, 0.9, {}, opening)]))).toEqual(['They were released.']);
    });

    it.each<[string, RankedSentence[], string[]]>([
      ['the predecessor, ranked lower, is not quoted again', [ranked(1, 0.9, {}, RELEASES), ranked(0, 0.85, {}, RELEASES)], [`${predecessor.text} ${leaning.text}`]],
      ['it is not quoted when its predecessor already is', [ranked(0, 0.9, {}, RELEASES), ranked(1, 0.85, {}, RELEASES)], [predecessor.text]],
      // Sentence 2 leans on sentence 1, which the first quote already holds.
      ['a chain of two leaning sentences makes one quote', [ranked(1, 0.9, {}, RELEASES), ranked(2, 0.85, {}, RELEASES)], [`${predecessor.text} ${leaning.text}`]],
    ])('never overlaps another quote: %s', (_, list, expected) => {
      const answer = answered(compose('q', list));
      expect(answer.quotes.map((q) => q.text)).toEqual(expected);
    });
  });

  it('never quotes overlapping spans, whatever the ranking', () => {
    const list = [1, 0, 2].map((index, i) => ranked(index, 0.9 - i * 0.01, {}, RELEASES));
    const spans = answered(compose('q', list)).quotes.map((q) => [q.start, q.end] as const);
    for (const [i, [start, end]] of spans.entries()) {
      for (const [otherStart, otherEnd] of spans.slice(i + 1)) expect(end <= otherStart || otherEnd <= start).toBe(true);
    }
  });

  it('collects the figures of all quotes in quote order', () => {
    const answer = answered(compose('How many guns were stolen?', [ranked(1, 0.9, holdsCount), ranked(2, 0.88, holdsCount)]));
    expect(answer.figures).toEqual(['over 3,000', 'only a third']);
  });

  it.each<[string, string]>([
    ['How much damage was done?', 'and the damage reached $2 million.'],
    ['How many cars were seized?', 'Police seized 40 cars'],
  ])('leads %j with the clause stating the figure it asks for', (question, lead) => {
    const answer = answered(compose(question, [ranked(4, 0.9, { kindCount: 1, kindMoney: 1 })]));
    expect(answer.lead).toBe(lead);
    expect(SENTENCES[4]).toContain(answer.lead);
  });

  it('writes nothing of its own: every string of an answer is a slice of the document', () => {
    const list = SENTENCES.map((_, i) => ranked(i, 0.9 - i * 0.01, { kindCount: 1, kindMoney: 1 }));
    const answer = answered(compose('How much did it cost?', list));
    expect(TEXT).toContain(answer.lead);
    for (const quote of answer.quotes) {
      expect(TEXT.slice(quote.start, quote.end)).toBe(quote.text);
      for (const figure of quote.figures) expect(quote.text).toContain(figure);
    }
  });
});

describe('leadClause', () => {
  it.each<[string, FigureKind[], string]>([
    [SENTENCES[0], ['count'], '230 people died during the riots.'],
    ['Thus, according to the Prosecutor General’s Office, about 30,000 people took part in the riots in Almaty.', ['count'], 'about 30,000 people took part in the riots in Almaty.'],
    // "3,660" has a comma but no clause boundary.
    [
      'The Prosecutor General’s Office is handling 3,660 criminal cases against the participants in these events.',
      ['count'],
      'The Prosecutor General’s Office is handling 3,660 criminal cases against the participants in these events.',
    ],
    // Opening quotation marks do not open the lead.
    ['“About two thousand people were detained for various offenses during the January events.', ['count'], 'About two thousand people were detained for various offenses during the January events.'],
    // The wanted kind wins over the first figure; without one the first figure is used.
    [SENTENCES[4], ['money'], 'and the damage reached $2 million.'],
    [SENTENCES[4], ['count'], 'Police seized 40 cars'],
    [SENTENCES[4], ['date'], 'Police seized 40 cars'],
    // Wanted kinds are in order of preference, whatever the order of the figures in the sentence.
    [SENTENCES[4], ['money', 'count', 'fraction', 'percent'], 'and the damage reached $2 million.'],
    [SENTENCES[4], ['count', 'fraction', 'percent', 'money'], 'Police seized 40 cars'],
    ['The damage reached $2 million, and police seized 40 cars.', ['count', 'money'], 'and police seized 40 cars.'],
    [SENTENCES[4], [], 'Police seized 40 cars'],
    // A clause too short to say anything falls back to the whole sentence.
    ['In 2023, 40 cars, mostly new, were seized.', ['count'], 'In 2023, 40 cars, mostly new, were seized.'],
    // No figures: the sentence without its outer quotation marks.
    ['“We will act,” he said.', ['count'], 'We will act,” he said.'],
    ['“Now we act.”', [], 'Now we act.'],
  ])('%j wanting %j → %j', (sentence, kinds, expected) => {
    const lead = leadClause(sentence, extractFigures(sentence), kinds);
    expect(lead).toBe(expected);
    expect(sentence).toContain(lead);
  });

  it('uses the figures it is given rather than finding its own', () => {
    const sentence = 'Police seized 40 cars, and the damage reached $2 million.';
    const onlyMoney: Figure[] = extractFigures(sentence).filter((f) => f.kind === 'money');
    expect(leadClause(sentence, onlyMoney, ['count'])).toBe('and the damage reached $2 million.');
  });
});

describe('questionFromSentence', () => {
  it.each<[string, string | undefined]>([
    [SENTENCES[0], 'How many people died during the riots?'],
    ['62 people have already been sentenced to various terms.', 'How many people have already been sentenced to various terms?'],
    ['Several hundred people have been prosecuted.', 'How many people have been prosecuted?'],
    ['“About two thousand people were detained for various offenses during the January events.', 'How many people were detained for various offenses during the January events?'],
    [SENTENCES[1], 'How many weapons were stolen during the riots?'],
    ['Thus, according to the Prosecutor General’s Office, about 30,000 people took part in the riots in Almaty.', 'How many people took part in the riots in Almaty?'],
    // Shapes that do not turn into a question without guesswork.
    ['The Prosecutor General’s Office is handling 3,660 criminal cases against the participants in these events.', undefined],
    [SENTENCES[3], undefined],
    [SENTENCES[2], undefined],
    ['As a result, many citizens were released.', undefined],
    ['230 people died.', undefined],
    ['Police said 40 cars, mostly new, were seized.', undefined],
    ['The protests of 2022 changed the country.', undefined],
  ])('%j → %j', (sentence, expected) => {
    expect(questionFromSentence(sentence)).toBe(expected);
  });
});

describe('suggestQuestions', () => {
  // Only the documents are read; the rest of a snapshot does not matter here.
  const snapshotOf = () => ({ documents: [DOCUMENT] }) as unknown as KnowledgeSnapshot;
  const ALL = ['How many people died during the riots?', 'How many weapons were stolen during the riots?'];

  it('scans only as far as it needs, and always returns the same questions in document order', () => {
    const snapshot = snapshotOf();
    expect(suggestQuestions(snapshot, 1)).toEqual(ALL.slice(0, 1));
    expect(suggestQuestions(snapshot, 5)).toEqual(ALL);
    expect(suggestQuestions(snapshot, 1)).toEqual(ALL.slice(0, 1));
    expect(suggestQuestions(snapshotOf(), 5)).toEqual(ALL);
  });
});

describe('renderAnswerText', () => {
  it('prints the lead, then each quote with its source', () => {
    const answer = answered(compose('How many guns were stolen?', [ranked(1, 0.9, holdsCount), ranked(2, 0.88, holdsCount)]));
    expect(renderAnswerText(answer).split('\n')).toEqual([
      'over 3,000 weapons were stolen during the riots.',
      `> "${SENTENCES[1]}"`,
      '  — Riots report (Desk) https://example.com/report',
      `> "${SENTENCES[2]}"`,
      '  — Riots report (Desk) https://example.com/report',
    ]);
  });

  it('says so first when the quotes are in another language than the question', () => {
    const answer = answered(compose('Сколько оружия похитили?', [ranked(1, 0.9, holdsCount)]));
    const lines = renderAnswerText({ ...answer, documentLanguages: ['en'] }).split('\n');
    expect(lines.slice(0, 3)).toEqual(['(From documents in English.)', 'over 3,000 weapons were stolen during the riots.', `> "${SENTENCES[1]}"`]);
  });

  it('prints "probably" above the sentence, without the suggestions, since it may be the answer', () => {
    const answer: Answer = { tier: 'probably', answered: false, question: 'q', closest: quoteOf(1), suggestions: ['How many people died?'] };
    expect(renderAnswerText(answer).split('\n')).toEqual([
      'Probably (not sure, this may not answer it):',
      `> "${SENTENCES[1]}"`,
      '  — Riots report (Desk) https://example.com/report',
    ]);
    expect(renderAnswerText({ ...answer, documentLanguages: ['en'] }).split('\n')[0]).toBe('(From documents in English.)');
  });

  it.each<[Unanswered, string[]]>([
    [
      { tier: 'not-covered', answered: false, question: 'q', reason: 'not-covered', suggestions: ['How many people died?', 'How many weapons were stolen?'] },
      [
        'The documents do not cover this question, so there is no answer to quote.',
        'Questions they do answer:',
        '  • How many people died?',
        '  • How many weapons were stolen?',
      ],
    ],
    [{ tier: 'not-covered', answered: false, question: 'q', reason: 'not-covered', suggestions: [] }, ['The documents do not cover this question, so there is no answer to quote.']],
    [{ tier: 'not-covered', answered: false, question: '', reason: 'empty-question', suggestions: [] }, ['Ask a question about the documents.']],
    [{ tier: 'not-covered', answered: false, question: 'q', reason: 'empty-corpus', suggestions: [] }, ['There are no documents to answer from yet.']],
    [
      { tier: 'not-covered', answered: false, question: 'Сколько?', reason: 'unsupported-language', suggestions: [], languages: ['en'] },
      ['Nothing could be matched: questions about these documents can be asked in English.'],
    ],
  ])('explains an abstention (%j)', (answer, lines) => {
    expect(renderAnswerText(answer).split('\n')).toEqual(lines);
  });

  it.each<[string | null, string | null, string]>([
    ['ACCA', 'https://acca.media/x', 'T (ACCA) https://acca.media/x'],
    ['ACCA', null, 'T (ACCA)'],
    [null, 'https://acca.media/x', 'T https://acca.media/x'],
    [null, null, 'T'],
  ])('sourceLine with publisher %j and url %j', (publisher, url, expected) => {
    expect(sourceLine({ title: 'T', publisher, url })).toBe(expected);
  });
});

describe('reciprocalRankFusion', () => {
  it.each<[string, string[][], string[]]>([
    ['an item found by both lists beats one found by a single list', [['a', 'b'], ['b', 'c']], ['b', 'a', 'c']],
    ['mirror-image lists tie their ends above the shared middle', [['a', 'b', 'c'], ['c', 'b', 'a']], ['a', 'c', 'b']],
    ['a single list keeps its order', [['x', 'y', 'z']], ['x', 'y', 'z']],
    ['an empty list adds nothing', [['x', 'y'], []], ['x', 'y']],
    ['no lists give nothing', [], []],
    ['agreement on the top item keeps it first', [['a', 'b', 'c'], ['a', 'c', 'b']], ['a', 'b', 'c']],
  ])('%s', (_, rankings, expected) => {
    expect(reciprocalRankFusion(rankings)).toEqual(expected);
  });

  it('damps the top ranks with k: a second list can overturn a lone first place only when k is large', () => {
    const rankings = [['a', 'x', 'y', 'b'], ['x', 'y', 'z', 'b']];
    // k = 60: b (ranks 4 and 4) beats a (rank 1 only). k = 1: a's first place wins.
    expect(reciprocalRankFusion(rankings).indexOf('b')).toBeLessThan(reciprocalRankFusion(rankings).indexOf('a'));
    expect(reciprocalRankFusion(rankings, 1).indexOf('a')).toBeLessThan(reciprocalRankFusion(rankings, 1).indexOf('b'));
  });

  it('works on passage labels (numbers)', () => {
    expect(reciprocalRankFusion([[3, 1, 2], [1, 3]])).toEqual([3, 1, 2]);
  });
});

describe('SentenceVectors', () => {
  const DIM = 8;
  const v = (...values: number[]) => Float32Array.from(values);
  const unit = (vector: Float32Array) => {
    const norm = Math.hypot(...vector);
    return vector.map((x) => x / norm);
  };
  const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
  const ROWS = [
    unit(v(0.5, -0.25, 0.125, 0, 0.9, -0.3, 0.01, 0.2)),
    unit(v(1, 0, 0, 0, 0, 0, 0, 0)),
    unit(v(-0.1, 0.2, -0.3, 0.4, -0.5, 0.6, -0.7, 0.8)),
  ];

  function filled(): SentenceVectors {
    const store = new SentenceVectors(DIM, ROWS.length);
    ROWS.forEach((row, i) => store.set(i, row));
    return store;
  }

  it.each(ROWS.map((row, i) => [i, row] as const))('row %i: get returns the vector within half a quantisation step', (i, row) => {
    const store = filled();
    const back = store.get(i);
    const scale = store.scales[i]!;
    expect(scale).toBeCloseTo(Math.max(...row.map(Math.abs)) / 127, 7);
    row.forEach((x, j) => expect(Math.abs(back[j]! - x)).toBeLessThanOrEqual(scale / 2 + 1e-7));
    expect(Math.max(...store.codes.subarray(i * DIM, (i + 1) * DIM).map(Math.abs))).toBe(127);
  });

  it.each(ROWS.map((_, i) => [i] as const))('row %i: dot equals the dot product of the stored row, and approximates the original', (i) => {
    const store = filled();
    const query = unit(v(0.3, 0.1, -0.2, 0.5, 0.4, -0.1, 0.2, 0.6));
    expect(store.dot(i, query)).toBeCloseTo(dot(store.get(i), query), 5);
    expect(Math.abs(store.dot(i, query) - dot(ROWS[i]!, query))).toBeLessThan(0.02);
  });

  it('gives back the same bytes when a dequantised row is stored again, so reused vectors never drift', () => {
    const store = filled();
    const again = new SentenceVectors(DIM, ROWS.length);
    for (let i = 0; i < ROWS.length; i++) again.set(i, store.get(i));
    expect([...again.codes]).toEqual([...store.codes]);
    expect([...again.scales]).toEqual([...store.scales]);
  });

  it('stores a zero vector as zeros, and rows independently', () => {
    const store = filled();
    store.set(1, new Float32Array(DIM));
    expect([...store.get(1)]).toEqual(new Array(DIM).fill(0));
    expect(store.dot(1, ROWS[0]!)).toBe(0);
    expect(Math.abs(dot(store.get(0), ROWS[0]!) - 1)).toBeLessThan(0.01);
  });

  it('rejects storage of the wrong size', () => {
    expect(() => new SentenceVectors(DIM, 2, new Int8Array(DIM), new Float32Array(2))).toThrow(RangeError);
    expect(() => new SentenceVectors(DIM, 2, new Int8Array(DIM * 2), new Float32Array(1))).toThrow(RangeError);
  });

  it('poolRows: a unit-length normalised sum of the rows', () => {
    const store = new SentenceVectors(2, 3);
    store.set(0, v(1, 0));
    store.set(1, v(0, 1));
    store.set(2, v(0.6, 0.8));
    const pooled = poolRows(store, [0, 1]);
    expect(pooled[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(pooled[1]).toBeCloseTo(Math.SQRT1_2, 6);
    const single = poolRows(store, [2]);
    expect(single[0]).toBeCloseTo(0.6, 2);
    expect(single[1]).toBeCloseTo(0.8, 2);
    expect(Math.hypot(...poolRows(filled(), [0, 1, 2]))).toBeCloseTo(1, 6);
  });

  it('poolRows of no rows is a zero vector, not NaN', () => {
    expect([...poolRows(filled(), [])]).toEqual(new Array(DIM).fill(0));
  });
});

describe('eval metrics', () => {
  it.each<[number[], number, number]>([
    [[], 0.5, 0],
    [[7], 0.95, 7],
    [[1, 2, 3, 4], 0.5, 2],
    [[10, 20, 30, 40, 50], 0.5, 30],
    [[10, 20, 30, 40, 50], 0.95, 50],
    [Array.from({ length: 20 }, (_, i) => i + 1), 0.95, 19],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
    [[1, 2, 3], 0, 1],
    [[1, 2, 3], 1, 3],
  ])('percentile(%j, %d) = %d', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  const quote = (text: string): Quote => ({ text, documentId: 'd', title: 't', publisher: null, url: null, start: 0, end: text.length, score: 1, figures: [] });
  const yes = (question: string, text: string, figures: string[] = []): Answer => ({ tier: 'answer', answered: true, question, lead: text, quotes: [quote(text)], figures });
  const no = (question: string): Answer => ({ tier: 'not-covered', answered: false, question, reason: 'not-covered', suggestions: [] });
  const maybe = (question: string, text: string, figures: string[] = []): Answer => ({
    tier: 'probably',
    answered: false,
    question,
    closest: { ...quote(text), figures },
    suggestions: [],
  });
  const outcome = (item: EvalQuestion, answer: Answer, supportRank: number, tookMs: number, verbatim = true): EvalOutcome => ({ item, answer, supportRank, tookMs, verbatim });

  const died: EvalQuestion = { question: 'How many died?', support: '230 people died', figure: '230' };
  const guns: EvalQuestion = { question: 'How many guns?', support: 'over 3,000 weapons' };
  const cases: EvalQuestion = { question: 'How many cases?', support: '3,660 criminal cases', figure: '3,660' };
  const paris: EvalQuestion = { question: 'Capital of France?', support: null };
  const cup: EvalQuestion = { question: 'Who won the cup?', support: null };

  it.each<[string, EvalOutcome, boolean]>([
    ['the supporting sentence with the figure', outcome(died, yes(died.question, 'So 230 people died then.', ['230']), 0, 1), true],
    ['the supporting sentence without the wanted figure', outcome(died, yes(died.question, 'So 230 people died then.', []), 0, 1), false],
    ['another sentence first', outcome(died, yes(died.question, 'Other text.', ['230']), 1, 1), false],
    ['no figure wanted', outcome(guns, yes(guns.question, 'In total, over 3,000 weapons were stolen.'), 0, 1), true],
    ['an abstention on an answerable question', outcome(died, no(died.question), -1, 1), false],
    ['an abstention on an unanswerable question', outcome(paris, no(paris.question), -1, 1), true],
    ['an answer to an unanswerable question', outcome(paris, yes(paris.question, 'Something.'), -1, 1), false],
  ])('isCorrect: %s → %s', (_, item, expected) => {
    expect(isCorrect(item)).toBe(expected);
  });

  it('summarise computes recall, accuracy, abstention, verbatim and latency figures', () => {
    const report = summarise(
      [
        outcome(died, yes(died.question, 'So 230 people died then.', ['230']), 0, 10),
        outcome(guns, yes(guns.question, 'Some other sentence.'), 2, 30),
        outcome(cases, no(cases.question), -1, 20),
        outcome(paris, no(paris.question), -1, 40),
        outcome(cup, yes(cup.question, 'Made up.'), -1, 50, false),
      ],
      0.25,
    );
    expect(report).toEqual({
      questions: 5,
      answerable: 3,
      unanswerable: 2,
      recallAt1: 1 / 3,
      recallAt3: 2 / 3,
      answerAccuracy: 2 / 5,
      shownAt1: 1 / 3,
      confidentPrecision: 1 / 3,
      coverage: 2 / 3,
      unanswerableAnswered: 1 / 2,
      probably: 0,
      bm25AnchorShownAt1: 0.25,
      abstentionPrecision: 1 / 2,
      abstentionRecall: 1 / 2,
      nonVerbatimQuotes: 1,
      p50Ms: 30,
      p95Ms: 50,
      failures: [
        'How many guns? — wanted "over 3,000 weapons" (rank 2), quoted "Some other sentence."',
        'How many cases? — wanted "3,660 criminal cases" (rank -1), abstained',
        'Who won the cup? — wanted abstain, quoted "Made up."',
      ],
    });
  });

  it.each<[string, EvalOutcome, boolean]>([
    ['a right confident answer', outcome(died, yes(died.question, 'So 230 people died then.', ['230']), 0, 1), true],
    ['a wrong confident answer', outcome(died, yes(died.question, 'Other text.', ['230']), 1, 1), false],
    ['a right "probably" sentence, with the figure', outcome(died, maybe(died.question, 'So 230 people died then.', ['230']), 0, 1), true],
    ['a "probably" sentence that supports but lacks the wanted figure', outcome(died, maybe(died.question, 'So 230 people died then.'), 0, 1), false],
    ['a right "probably" sentence, no figure wanted', outcome(guns, maybe(guns.question, 'In total, over 3,000 weapons were stolen.'), 0, 1), true],
    ['a wrong "probably" sentence', outcome(guns, maybe(guns.question, 'Other text.'), 1, 1), false],
    ['nothing shown', outcome(died, no(died.question), -1, 1), false],
    ['an unanswerable question', outcome(paris, maybe(paris.question, 'Something.'), -1, 1), false],
  ])('shownRight: %s → %s', (_, item, expected) => {
    expect(shownRight(item)).toBe(expected);
  });

  it('summarise separates the tiers: shown@1 counts "probably" sentences, precision and coverage only confident answers', () => {
    const report = summarise([
      outcome(died, maybe(died.question, 'So 230 people died then.', ['230']), 0, 10),
      outcome(guns, maybe(guns.question, 'Other text.'), 1, 10),
      outcome(cases, yes(cases.question, 'There are 3,660 criminal cases.', ['3,660']), 0, 10),
      outcome(paris, maybe(paris.question, 'Something.'), -1, 10),
      outcome(cup, no(cup.question), -1, 10),
    ]);
    expect(report).toMatchObject({
      // As before the tiers: a "probably" is no confident answer, so on an unanswerable question it counts as abstaining.
      answerAccuracy: 3 / 5,
      shownAt1: 2 / 3,
      confidentPrecision: 1,
      coverage: 1 / 3,
      unanswerableAnswered: 0,
      probably: 3 / 5,
      bm25AnchorShownAt1: null,
    });
    expect(report.failures).toContain('How many died? — wanted "230 people died" (rank 0), abstained, "probably" "So 230 people died then."');
    expect(summarise([outcome(died, no(died.question), -1, 1)]).confidentPrecision).toBeNull();
  });

  it('summarise of nothing is a clean report, not NaN', () => {
    expect(summarise([])).toMatchObject({ questions: 0, recallAt1: 1, answerAccuracy: 1, abstentionPrecision: 1, abstentionRecall: 1, p50Ms: 0, failures: [] });
  });
});
