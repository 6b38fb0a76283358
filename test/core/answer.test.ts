import { describe, expect, it } from 'vitest';
import type { Answer, Quote } from '../../src/answer/answer.js';
import { type AnswerPolicy, DEFAULT_POLICY, composeAnswer } from '../../src/answer/composeAnswer.js';
import { leadClause } from '../../src/answer/lead.js';
import { renderAnswerText, sourceLine } from '../../src/answer/renderText.js';
import { questionFromSentence, suggestQuestions } from '../../src/answer/suggestQuestions.js';
import { type Figure, type FigureKind, extractFigures } from '../../src/chunking/figures.js';
import { SentenceVectors, poolRows } from '../../src/index/sentenceVectors.js';
import type { IndexedDocument, KnowledgeSnapshot } from '../../src/index/snapshot.js';
import { reciprocalRankFusion } from '../../src/retrieval/fuse.js';
import type { RankedSentence } from '../../src/retrieval/retrieve.js';
import { contentTerms } from '../../src/retrieval/terms.js';
import { type EvalOutcome, type EvalQuestion, isCorrect, percentile, summarise } from '../../scripts/evalMetrics.js';

// ---------------------------------------------------------------------------------------------
// Hand-made ranked sentences: plain data, offsets found in the document text.

const SENTENCES = [
  'According to the latest data, 230 people died during the riots.',
  'In total, over 3,000 weapons were stolen during the riots.',
  'Law enforcement agencies managed to find only a third of the stolen weapons.',
  'The damage from the January pogroms throughout the country amounted to about $200 million.',
  'Police seized 40 cars, and the damage reached $2 million.',
] as const;
const TEXT = `Riots report\n\n${SENTENCES.join(' ')}`;

const DOCUMENT: IndexedDocument = {
  id: 'report',
  fileName: 'report.md',
  text: TEXT,
  contentHash: '0'.repeat(64),
  title: 'Riots report',
  publisher: 'Desk',
  url: 'https://example.com/report',
  date: null,
  language: 'en',
  addedBy: null,
  sentences: SENTENCES.map((text, row) => {
    const start = TEXT.indexOf(text);
    return { documentId: 'report', start, end: start + text.length, text, row };
  }),
  passages: [],
};

function ranked(index: number, score: number): RankedSentence {
  const sentence = DOCUMENT.sentences[index]!;
  const figures = extractFigures(sentence.text);
  const evidence = { cosine: score, passage: 0, lexical: 0, contextLexical: 0, unknownTerms: 0, namesAgent: false, mentionsFocus: false, mentionsCounted: true };
  return { ...evidence, sentence, document: DOCUMENT, figures, score };
}

const SUGGESTIONS = ['How many people died during the riots?'];

/** A sentence as the quote composeAnswer would make of it. */
function quoteOf(index: number): Quote {
  const answer = composeAnswer('q', [ranked(index, 1)], []);
  if (!answer.answered) throw new Error('expected an answer');
  return answer.quotes[0]!;
}

function answered(answer: Answer): Extract<Answer, { answered: true }> {
  if (!answer.answered) throw new Error(`expected an answer, got ${answer.reason}`);
  return answer;
}

describe('composeAnswer', () => {
  it.each<[string, RankedSentence[]]>([
    ['nothing was retrieved', []],
    ['the best score is below the closest-match minimum', [ranked(0, DEFAULT_POLICY.closestMinScore - 0.001), ranked(1, 0.01)]],
  ])('abstains as not covered when %s, passing the suggestions on', (_, list) => {
    const answer = composeAnswer('How many people died?', list, SUGGESTIONS);
    expect(answer).toEqual({ answered: false, question: 'How many people died?', reason: 'not-covered', suggestions: SUGGESTIONS });
    if (!answer.answered) expect(answer.suggestions).not.toBe(SUGGESTIONS);
  });

  it.each([DEFAULT_POLICY.closestMinScore, DEFAULT_POLICY.minScore - 0.001])(
    'offers the best sentence as the closest match, not as an answer, at score %d',
    (score) => {
      const answer = composeAnswer('How many guns?', [ranked(1, score), ranked(2, 0.1)], SUGGESTIONS);
      expect(answer).toMatchObject({ answered: false, reason: 'not-covered', closest: { text: SENTENCES[1], score: Number(score.toFixed(4)) } });
    },
  );

  describe('a quantity question is answered only by a sentence that states a quantity', () => {
    const withoutFigures = (r: RankedSentence): RankedSentence => ({ ...r, figures: [] });

    it('passes over a slightly higher-scored sentence without one', () => {
      const answer = answered(composeAnswer('How many guns?', [withoutFigures(ranked(1, 0.9)), ranked(2, 0.85)], []));
      expect(answer.quotes.map((q) => q.text)).toEqual([SENTENCES[2]]);
    });

    it.each([
      ['scores too little', 0.2],
      // A far weaker sentence with a number answers another question ("how many released" → "230 died").
      ['is a far weaker match than the best sentence', 0.7],
    ])('abstains when the best sentence with one %s, offering the best sentence as the closest', (_, score) => {
      const answer = composeAnswer('How many guns?', [withoutFigures(ranked(1, 0.9)), ranked(2, score)], []);
      expect(answer).toMatchObject({ answered: false, reason: 'not-covered', closest: { text: SENTENCES[1] } });
    });

    it('passes over a sentence with a number that does not mention what is counted', () => {
      const countsSomethingElse = { ...ranked(0, 0.9), mentionsCounted: false };
      const answer = answered(composeAnswer('How many guns?', [countsSomethingElse, ranked(1, 0.85)], []));
      expect(answer.quotes.map((q) => q.text)).toEqual([SENTENCES[1]]);
    });

    it.each(['Were guns stolen?', 'When were the guns stolen?'])('does not apply to %j', (question) => {
      expect(composeAnswer(question, [withoutFigures(ranked(1, 0.9))], []).answered).toBe(true);
    });
  });

  it('answers when the best score is exactly the minimum', () => {
    expect(composeAnswer('q', [ranked(0, DEFAULT_POLICY.minScore)], []).answered).toBe(true);
  });

  it('quotes the best sentence verbatim with its source, rounded score and figures', () => {
    const answer = answered(composeAnswer('How many people were killed?', [ranked(0, 1.234567)], SUGGESTIONS));
    const [quote] = answer.quotes;
    expect(quote).toEqual<Quote>({
      text: SENTENCES[0],
      documentId: 'report',
      title: 'Riots report',
      publisher: 'Desk',
      url: 'https://example.com/report',
      start: DOCUMENT.sentences[0]!.start,
      end: DOCUMENT.sentences[0]!.end,
      score: 1.2346,
      figures: ['230'],
    });
    expect(TEXT.slice(quote!.start, quote!.end)).toBe(quote!.text);
    expect(answer.lead).toBe('230 people died during the riots.');
    expect(answer.figures).toEqual(['230']);
    expect(answer.question).toBe('How many people were killed?');
  });

  it.each<[string, number[], Partial<AnswerPolicy>, number[]]>([
    ['keeps quotes within the margin of the best', [0.9, 0.8, 0.7], {}, [0, 1]],
    ['keeps at most maxQuotes', [0.9, 0.89, 0.88, 0.87], {}, [0, 1, 2]],
    ['drops quotes under the minimum even within the margin', [0.4, 0.32], {}, [0]],
    ['follows a stricter policy', [0.9, 0.85, 0.8], { maxQuotes: 1 }, [0]],
    ['follows a wider margin', [0.9, 0.5, 0.45], { quoteMargin: 0.5 }, [0, 1, 2]],
  ])('%s', (_, scores, policy, expectedRows) => {
    const list = scores.map((score, i) => ranked(i, score));
    const answer = answered(composeAnswer('q', list, [], { ...DEFAULT_POLICY, ...policy }));
    expect(answer.quotes.map((q) => q.text)).toEqual(expectedRows.map((i) => SENTENCES[i]));
  });

  it('collects the figures of all quotes once each, in quote order', () => {
    const answer = answered(composeAnswer('How many guns were stolen?', [ranked(1, 1.4), ranked(2, 1.35), ranked(1, 1.3)], []));
    expect(answer.figures).toEqual(['over 3,000', 'only a third']);
  });

  it.each<[string, string]>([
    ['How much damage was done?', 'and the damage reached $2 million.'],
    ['How many cars were seized?', 'Police seized 40 cars'],
  ])('leads %j with the clause stating the figure it asks for', (question, lead) => {
    const answer = answered(composeAnswer(question, [ranked(4, 1)], []));
    expect(answer.lead).toBe(lead);
    expect(SENTENCES[4]).toContain(answer.lead);
  });

  it('writes nothing of its own: every string of an answer is a slice of the document', () => {
    const list = SENTENCES.map((_, i) => ranked(i, 1 - i * 0.01));
    const answer = answered(composeAnswer('How much did it cost?', list, []));
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
    const answer = answered(composeAnswer('How many guns were stolen?', [ranked(1, 1.4), ranked(2, 1.35)], []));
    expect(renderAnswerText(answer).split('\n')).toEqual([
      'over 3,000 weapons were stolen during the riots.',
      `> "${SENTENCES[1]}"`,
      '  — Riots report (Desk) https://example.com/report',
      `> "${SENTENCES[2]}"`,
      '  — Riots report (Desk) https://example.com/report',
    ]);
  });

  it.each<[Answer & { answered: false }, string[]]>([
    [
      { answered: false, question: 'q', reason: 'not-covered', suggestions: ['How many people died?', 'How many weapons were stolen?'] },
      [
        'The documents do not cover this question, so there is no answer to quote.',
        'Questions they do answer:',
        '  • How many people died?',
        '  • How many weapons were stolen?',
      ],
    ],
    [{ answered: false, question: 'q', reason: 'not-covered', suggestions: [] }, ['The documents do not cover this question, so there is no answer to quote.']],
    [{ answered: false, question: '', reason: 'empty-question', suggestions: [] }, ['Ask a question about the documents.']],
    [
      { answered: false, question: 'q', reason: 'not-covered', suggestions: [], closest: quoteOf(1) },
      [
        'No sentence of the documents answers this clearly enough to quote as an answer.',
        'The closest sentence, which may not answer it:',
        `> "${SENTENCES[1]}"`,
        '  — Riots report (Desk) https://example.com/report',
      ],
    ],
    [{ answered: false, question: 'q', reason: 'empty-corpus', suggestions: [] }, ['There are no documents to answer from yet.']],
    [
      { answered: false, question: 'Сколько?', reason: 'unsupported-language', suggestions: [], languages: ['en'] },
      ['The embedding model reads English only, so nothing answered this question; please ask in English.'],
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

describe('contentTerms', () => {
  it.each<[string, string[]]>([
    ['How many people were killed?', ['peopl', 'die']],
    ['The Prosecutor General’s Office', ['prosecutor', 'general', 'offic']],
    ['3,660 criminal cases', ['3660', 'criminal', 'cas']],
    ['about 30 000 people', ['30000', 'peopl']],
    ['Сколько человек погибло?', ['peopl', 'die']],
    // Prefixes shorter than 4 letters and other forms of listed whole words stay apart.
    ['Он пытался уйти', ['пыталс', 'уйти']],
    ['права человека', ['права', 'челове']],
    ['What is the capital of France?', ['capital', 'franc']],
    ['the of and is', []],
    // Chat fillers say nothing about the topic; kept, they would count as words the corpus never uses.
    ['has anyone actually got a sentence yet? how many', ['sentenc']],
    ['how many arms went missing while the riots were going on', ['weapon', 'miss', 'riot']],
    ['Were many detainees set free?', ['detain', 'releas']],
  ])('%j → %j', (text, expected) => {
    expect(contentTerms(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['detain', ['arrested', 'detained', 'detention', 'custody', 'detainee', 'задержаны']],
    ['die', ['killed', 'died', 'dead', 'deaths', 'fatalities', 'casualties', 'погибли']],
    ['releas', ['free', 'released', 'releases']],
    ['weapon', ['weapons', 'guns', 'firearms', 'arms']],
    ['steal', ['stolen', 'looted', 'stole']],
    ['riot', ['riots', 'rioters', 'protesters', 'unrest', 'pogroms']],
    ['damage', ['damage', 'losses', 'cost']],
    ['president', ['Tokayev', 'Tokayev’s', 'President']],
    ['center', ['centre', 'centers']],
    ['polic', ['police', 'policemen', 'cops', 'officers']],
    ['peopl', ['people', 'persons', 'citizens', 'ppl']],
    ['cas', ['cases', 'proceedings']],
    ['damage', ['destruction', 'destroyed']],
    ['investigation', ['inquiries', 'checked', 'reviewed', 'verified', 'расследование']],
    // Cyrillic entries of 4–6 letters are prefixes of the forms a sentence uses.
    ['weapon', ['оружие', 'оружия', 'қару']],
    ['steal', ['похищено', 'похитили', 'хищение']],
    ['prosecut', ['обвинение', 'обвинили', 'преследование']],
    ['torture', ['пытки', 'пыток']],
    ['president', ['президента', 'Токаев']],
  ])('maps words of one meaning to the same term %j', (term, words) => {
    for (const word of words) expect(contentTerms(word), word).toEqual([term]);
  });

  it('keeps unrelated words apart', () => {
    expect(contentTerms('arrested')).not.toEqual(contentTerms('released'));
    expect(contentTerms('killed')).not.toEqual(contentTerms('stolen'));
    // "free" is looked up as a word before stemming, so it does not shrink to an unknown "fre".
    expect(contentTerms('free')).toEqual(contentTerms('released'));
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
  const yes = (question: string, text: string, figures: string[] = []): Answer => ({ answered: true, question, lead: text, quotes: [quote(text)], figures });
  const no = (question: string): Answer => ({ answered: false, question, reason: 'not-covered', suggestions: [] });
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
    const report = summarise([
      outcome(died, yes(died.question, 'So 230 people died then.', ['230']), 0, 10),
      outcome(guns, yes(guns.question, 'Some other sentence.'), 2, 30),
      outcome(cases, no(cases.question), -1, 20),
      outcome(paris, no(paris.question), -1, 40),
      outcome(cup, yes(cup.question, 'Made up.'), -1, 50, false),
    ]);
    expect(report).toEqual({
      questions: 5,
      answerable: 3,
      unanswerable: 2,
      recallAt1: 1 / 3,
      recallAt3: 2 / 3,
      answerAccuracy: 2 / 5,
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

  it('summarise of nothing is a clean report, not NaN', () => {
    expect(summarise([])).toMatchObject({ questions: 0, recallAt1: 1, answerAccuracy: 1, abstentionPrecision: 1, abstentionRecall: 1, p50Ms: 0, failures: [] });
  });
});
