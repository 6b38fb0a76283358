import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/chunking/figures.js';
import { guessQuestionLanguage } from '../../src/answer/questionLanguage.js';
import { countedThing } from '../../src/retrieval/countedThing.js';
import { questionFocus } from '../../src/retrieval/questionFocus.js';
import { asksForAgent, quantityIntent } from '../../src/retrieval/questionIntent.js';
import { type QuestionShape, type SentenceEvidence, scoreSentence, weightedShare } from '../../src/retrieval/scoreSentence.js';
import { namesAgent, refersBack } from '../../src/retrieval/sentenceCues.js';

describe('questionFocus', () => {
  // Heads come back as content terms: stemmed, and mapped to their synonym group.
  it.each<[string, string | null]>([
    ['What is the population of Kazakhstan?', 'populat'],
    ['What is the GDP of Kazakhstan?', 'gdp'],
    ["What is today's tenge to dollar exchange rate?", 'teng'],
    ['What is the weather like in Astana?', 'weather'],
    // The head is mapped like any content term: "losses" and "damage" are one term.
    ['What were the economic losses from the January events?', 'damage'],
    ['What was the death toll of the unrest?', 'die'],
    ['What was the total damage in dollars?', 'damage'],
    ['What’s the total damage?', 'damage'],
    ["What's the death toll so far?", 'die'],
    ['In which cities were the rallies held?', null],
    // Participles and adverbs trail the head; they are not it.
    ['What was the damage estimated at?', 'damage'],
    ['What was the death toll overall?', 'die'],
    ['What were they accused of?', null],
    // A progressive verb: the thing asked about is not named.
    ['What were the protesters demanding?', null],
    ['What was the Ombudsman doing?', null],
    ['What were people rallying against at the start of January?', null],
    // Relational heads say nothing about what the documents must mention.
    ['What was the role of the Ombudsman?', null],
    ['What was the reason for the protests?', null],
    ['What were the reasons for the rallies?', null],
    ['What were the consequences of the riots?', null],
    // A relative "which" is not the question's.
    ['Who led the forces which were deployed in Almaty?', null],
    // Other shapes have no focus.
    ['What triggered the protests?', null],
    ['What did the president tell the Prosecutor General’s Office to do?', null],
    ['How many people died?', null],
    ['Who visited the detention centres?', null],
  ])('%s → %s', (question, focus) => {
    expect(questionFocus(question)).toBe(focus);
  });
});

describe('countedThing', () => {
  it.each<[string, string | null]>([
    ['How many police officers were killed?', 'polic'],
    ['How many people died?', 'peopl'],
    ['how many ppl got prosecuted after january', 'peopl'],
    ['How many of the people held were charged?', 'peopl'],
    ['Number of criminal cases against participants', 'criminal'],
    ['How many women were detained?', 'women'],
    ['Сколько оружия похитили?', 'weapon'],
    // Nothing named: nothing to check.
    ['How many were detained?', null],
    ['How much damage was done?', null],
    ['Who visited the detention centres?', null],
  ])('%s → %s', (question, counted) => {
    expect(countedThing(question)).toBe(counted);
  });
});

describe('quantityIntent', () => {
  it.each<[string, string | null]>([
    ['How many people died?', 'count'],
    ['How much damage did the pogroms cause?', 'money'],
    ['What share of the guns was found?', 'count'],
    ['When were the rallies held?', 'date'],
    ['Since when has the investigation run?', 'date'],
    ['In what year did it happen?', 'date'],
    ['Когда начались протесты?', 'date'],
    ['Наразылық қашан басталды?', 'date'],
    ['In which year did it happen?', 'date'],
    // A "when" clause inside another question does not ask for a date.
    ['What did the activists look into when they went to the detention centres?', null],
    ['When the riots started, how many people were detained?', 'count'],
    ['Когда-то было много протестов. Сколько задержано?', 'count'],
    // Money words count only as what is asked about.
    ['What was the total damage?', 'money'],
    ['What were the economic losses from the January events?', 'money'],
    ['What damage did the activists see in the detention centres?', null],
    ['What part did the Ombudsman play?', null],
    ['Что сказал Токаев, когда узнал о пытках?', null],
    ['Who visited the detention centres?', null],
  ])('%s → %s first', (question, preferred) => {
    const intent = quantityIntent(question);
    expect(intent.wants === 'figure' ? intent.kinds[0] : null).toBe(preferred);
  });
});

describe('asksForAgent', () => {
  it.each<[string, boolean]>([
    ['Who visited the detention centres?', true],
    ['Who was involved in checking the complaints?', true],
    ['To whom did the president give instructions?', true],
    ['Кто посещал изоляторы?', true],
    ['А кому поручили расследование?', true],
    ['Тергеуді кім жүргізді?', true],
    ['Кімнің бұйрығымен?', true],
    ['How many people died?', false],
    // A relative "who" or "кто" inside a question that asks for something else.
    ['How many people who took part in the riots died?', false],
    ['How many people, who were in Almaty, died?', false],
    ['Сколько тех, кто участвовал, осуждено?', false],
    // "who" inside another word is not a who-question.
    ['Is the whole story known?', false],
  ])('%s → %s', (question, expected) => {
    expect(asksForAgent(question)).toBe(expected);
  });
});

describe('namesAgent', () => {
  it.each<[string, boolean]>([
    ['“From the first days, the Commissioner for Human Rights has been actively involved in this work.', true],
    ['Then I instructed the Prosecutor General’s Office to establish the degree of guilt.', true],
    // The first word is capitalised in every sentence: it names no one by that alone.
    ['Such work showed the transparency and democracy of the investigative process.', false],
    ['“As a result, many citizens were released.', false],
    ['Его задержали сотрудники МВД.', true],
    ['CSTO troops arrived.', true],
    ['Его задержали сотрудники Министерства.', true],
    // Months are capitalised without naming anyone.
    ['The rallies began in early January.', false],
    ['Это случилось в Январе.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(namesAgent(sentence)).toBe(expected);
  });
});

describe('refersBack', () => {
  it.each<[string, boolean]>([
    ['According to him, such barbaric manifestations of the Middle Ages are contrary to the principles.', true],
    ['As a result, many citizens were released.', true],
    ['“Such work showed the transparency.', true],
    ['They were released.', true],
    ['По его словам, это недопустимо.', true],
    ['According to the latest data, 230 people died during the riots.', false],
    ['Theft of weapons was widespread.', false],
    ['Thereafter the riots ended.', false],
    ['This year, the riots ended.', false],
    ['That day the rallies began.', false],
    ['Then-president Nazarbayev resigned.', false],
    ['There were 230 deaths.', false],
    ['It was reported that 230 people died.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(refersBack(sentence)).toBe(expected);
  });
});

const PLAIN: SentenceEvidence = {
  cosine: 0.5,
  passage: 0,
  lexical: 0,
  contextLexical: 0,
  unknownTerms: 0,
  figures: [],
  namesAgent: false,
  mentionsFocus: false,
  mentionsCounted: true,
};
const NO_SHAPE: QuestionShape = { quantity: { wants: 'none' }, wantsAgent: false, focus: null, counted: null };
const COUNT: Figure = { text: '230', kind: 'count', start: 0, end: 3 };
const MONEY: Figure = { text: '$200 million', kind: 'money', start: 0, end: 12 };
const WEIGHTS = { lexical: 0.8, context: 0.5, passage: 0.1, figure: 0.1, agent: 0.1, focus: 0.1, unknownTerms: 0.8 };

describe('scoreSentence', () => {
  it.each<[string, Partial<SentenceEvidence>, Partial<QuestionShape>, number]>([
    ['cosine alone', {}, {}, 0.5],
    ['own words count fully', { lexical: 0.5 }, {}, 0.5 + 0.8 * 0.5],
    ['words only in the sentence referred back to count half', { contextLexical: 0.5 }, {}, 0.5 + 0.8 * 0.5 * 0.5],
    ['words the corpus lacks are subtracted', { unknownTerms: 1 }, {}, 0.5 - 0.8],
    ['the preferred figure kind is added', { figures: [MONEY] }, { quantity: quantityIntent('How much damage?') }, 0.6],
    ['an accepted figure kind is added at half', { figures: [COUNT] }, { quantity: quantityIntent('How much damage?') }, 0.55],
    ['no figure for a figure question is subtracted', {}, { quantity: quantityIntent('How many died?') }, 0.4],
    ['a named agent for a who-question is added', { namesAgent: true }, { wantsAgent: true }, 0.6],
    // Bonus only: "the head of state" names someone in lower case.
    ['no named agent for a who-question changes nothing', {}, { wantsAgent: true }, 0.5],
    ['a named agent without a who-question is ignored', { namesAgent: true }, {}, 0.5],
    ['mentioning the focus is added', { mentionsFocus: true }, { focus: 'damage' }, 0.6],
  ])('%s', (_, evidence, shape, expected) => {
    expect(scoreSentence({ ...PLAIN, ...evidence }, { ...NO_SHAPE, ...shape }, WEIGHTS)).toBeCloseTo(expected, 10);
  });
});

describe('weightedShare', () => {
  const idf = (term: string) => ({ rare: 3, common: 1 })[term] ?? 2;
  it.each<[string[], string[], number]>([
    [['rare', 'common'], ['rare'], 0.75],
    [['rare', 'common'], ['common'], 0.25],
    [['rare', 'rare', 'common'], ['rare'], 0.75],
    [[], [], 0],
  ])('%j with %j found → %d', (terms, found, expected) => {
    expect(weightedShare(terms, (term) => found.includes(term), idf)).toBeCloseTo(expected, 10);
  });
});

describe('guessQuestionLanguage', () => {
  it.each<[string, 'en' | 'ru' | 'kk' | null]>([
    ['How many people died?', 'en'],
    ['Сколько человек погибло?', 'ru'],
    ['Қанша адам қаза тапты?', 'kk'],
    ['Сколько погибло в Almaty?', 'ru'],
    ['How many died in Алматы?', 'en'],
    ['2022?', null],
  ])('%s → %s', (question, language) => {
    expect(guessQuestionLanguage(question)).toBe(language);
  });
});
