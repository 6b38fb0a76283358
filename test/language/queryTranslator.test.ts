import { describe, expect, it } from 'vitest';
import { analyzerFor, type Language } from '../../src/language/analyzer.js';
import { loadKazakhLexicon, loadLexicon } from '../../src/language/lexicon.js';
import { createDictionaryTranslator, QUESTION_WORDS, type Vocabulary } from '../../src/language/queryTranslator.js';
import { loadSeed } from '../core/seed.js';

const vocabularyOf = (text: string, language: Language): Vocabulary => {
  const terms = new Set(analyzerFor(language).terms(text));
  return { has: (t) => terms.has(t), terms: () => terms };
};
const seed = vocabularyOf(loadSeed().text, 'en');
const translator = createDictionaryTranslator();
const termsOf = (question: string, from: Language, to: Language, vocabulary: Vocabulary) =>
  translator.translate(question, from, to, vocabulary).terms.map((t) => t.term);

describe('Russian → English through the lexicon, inflected forms stemmed', () => {
  it.each<[string, string, string[]]>([
    ['Сколько оружия похитили?', 'The weapons were stolen.', ['weapon', 'arm']],
    ['где это оружие', 'Arms and weapons.', ['weapon', 'arm']],
    ['Сколько людей погибли?', '230 people died during the riots.', ['die']],
    ['солдаты погибли', 'Many soldiers perished.', ['perish', 'die']],
    ['Сколько было задержанных?', 'The police detained and arrested them.', ['detain', 'arrest']],
    ['сколько уголовных дел', 'The office is handling criminal cases.', ['crimin']],
  ])('%s → one of %j', (question, corpus, expected) => {
    const terms = termsOf(question, 'ru', 'en', vocabularyOf(corpus, 'en'));
    expect(terms.some((t) => expected.includes(t))).toBe(true);
  });

  it('keeps only translations the corpus has, several per word, weighted at most 1; a word with none the corpus has stays as one unknown term', () => {
    const { terms } = translator.translate('Сколько уголовных дел возбуждено против участников?', 'ru', 'en', seed);
    const unknown = terms.filter((t) => !seed.has(t.term));
    // One term at most per word whose translations the corpus lacks: it marks what the corpus cannot answer.
    expect(new Set(unknown.map((t) => t.source)).size).toBe(unknown.length);
    for (const t of unknown) expect(terms.filter((other) => other.source === t.source)).toHaveLength(1);
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(['crimin', 'case', 'particip']));
    for (const t of terms) expect(t.weight).toBeGreaterThan(0);
    for (const t of terms) expect(t.weight).toBeLessThanOrEqual(1);
  });

  it('keeps a word the corpus has no translation of as an unknown term, so an off-topic question stays off-topic', () => {
    const { terms } = translator.translate('Какая погода в Астане?', 'ru', 'en', seed);
    expect(terms.some((t) => t.source === 'астане' && !seed.has(t.term))).toBe(true);
  });
});

describe('names: transliterated and matched against the corpus', () => {
  const bowl = vocabularyOf('Pro Bowl cornerback Josh Norman had four interceptions for the Panthers.', 'en');

  it.each<[string, Language, Vocabulary, string[]]>([
    ['Как зовут Джош Норман?', 'ru', bowl, ['josh', 'norman']],
    ['Сколько перехватов у Джоша Нормана?', 'ru', bowl, ['josh', 'norman']],
    ['За кого играли Пэнтерс?', 'ru', bowl, ['panther']],
    ['Что сказал Токаев?', 'ru', seed, ['tokayev']],
    ['что заявил токаев', 'ru', seed, ['tokayev']],
    ['Тоқаев азаптауды мойындады ма?', 'kk', seed, ['tokayev']],
    ['Сколько человек участвовало в Алматы?', 'ru', seed, ['almati']],
  ])('%s finds %j', (question, from, vocabulary, expected) => {
    expect(termsOf(question, from, 'en', vocabulary)).toEqual(expect.arrayContaining(expected));
  });

  it('puts the matched name in the text for the embedder', () => {
    expect(translator.translate('Что сказал Токаев?', 'ru', 'en', seed).text).toContain('tokayev');
  });
});

describe('English → Russian', () => {
  const russian = vocabularyOf('Токаев заявил, что похищено более 3000 единиц оружия и применялись пытки.', 'ru');

  it.each([
    ['How many weapons were stolen?', ['оруж']],
    ['Did Tokayev admit torture?', ['тока', 'пытк']],
    ['3000 weapons', ['3000', 'оруж']],
  ])('%s finds %j', (question, expected) => {
    expect(termsOf(question, 'en', 'ru', russian)).toEqual(expect.arrayContaining(expected));
  });
});

describe('question words set the shape and are not translated', () => {
  const words: [Language, string][] = [
    ...['сколько', 'кто', 'когда', 'где', 'почему', 'что', 'какой', 'какие', 'зачем'].map((w): [Language, string] => ['ru', w]),
    ...['what', 'who', 'when', 'where', 'why', 'how', 'which'].map((w): [Language, string] => ['en', w]),
    ...['қанша', 'неше', 'кім', 'қашан', 'қайда', 'неге', 'неліктен', 'себепті', 'қандай'].map((w): [Language, string] => ['kk', w]),
  ];

  it.each(words)('%s: %s is a question word', (language, word) => {
    expect(QUESTION_WORDS[language].has(word)).toBe(true);
  });

  it.each([
    ['Когда погибли люди?', 'ru'],
    ['Почему начались беспорядки?', 'ru'],
    ['Где задержали людей?', 'ru'],
    ['Кто пытал задержанных?', 'ru'],
    ['Какое оружие похитили?', 'ru'],
  ] as const)('%s: the question word gives no term, the content words do', (question, from) => {
    const { terms } = translator.translate(question, from, 'en', seed);
    const first = question.split(' ')[0]!.toLowerCase();
    expect(terms.some((t) => t.source === first)).toBe(false);
    expect(terms.length).toBeGreaterThan(0);
  });
});

describe('numbers and dates pass through', () => {
  it.each([
    ['Сколько погибло 5 января 2022 года?', ['5', '2022', 'januari']],
    ['3 660 уголовных дел — это правда?', ['3660', 'crimin']],
    ['Было ли 230 погибших?', ['230']],
  ])('%s keeps %j', (question, expected) => {
    const { terms, text } = translator.translate(question, 'ru', 'en', seed);
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(expected));
    for (const n of expected.filter((e) => /\d/.test(e))) expect(text).toContain(n);
  });
});

describe('the lexicons are loaded lazily', () => {
  it('reads none to create a translator or for a same-language question, and each only when a question needs it', () => {
    const loads = { ruEn: 0, kkRu: 0 };
    const counting = createDictionaryTranslator({
      ruEn: () => (loads.ruEn++, loadLexicon()),
      kkRu: () => (loads.kkRu++, loadKazakhLexicon()),
    });
    expect(loads).toEqual({ ruEn: 0, kkRu: 0 });
    expect(counting.translate('How many weapons were stolen?', 'en', 'en', seed).terms.map((t) => t.term)).toContain('weapon');
    expect(loads).toEqual({ ruEn: 0, kkRu: 0 });
    counting.translate('Сколько оружия?', 'ru', 'en', seed);
    expect(loads.kkRu).toBe(0);
    expect(loads.ruEn).toBeGreaterThan(0);
    counting.translate('қанша қару ұрланды', 'kk', 'en', seed);
    expect(loads.kkRu).toBeGreaterThan(0);
  });
});

describe('Kazakh questions, word by word through the Kazakh lexicon', () => {
  const russian = vocabularyOf('Токаев заявил, что похищено более 3000 единиц оружия. Применялись пытки. 230 человек погибли во время беспорядков.', 'ru');
  const kazakh = vocabularyOf('Тоқаев 3000 қару ұрланғанын айтты. Азаптау фактілері мойындалды. Тәртіпсіздік кезінде 230 адам қаза тапты.', 'kk');

  it.each<[string, Language, Language, Vocabulary, string[]]>([
    ['қанша қару ұрланды', 'kk', 'en', seed, ['weapon', 'steal']],
    ['қанша адам өлді', 'kk', 'en', seed, ['peopl', 'die']],
    ['тәртіпсіздік кезінде қанша адам қаза тапты', 'kk', 'en', seed, ['die']],
    ['залал қанша болды', 'kk', 'en', seed, ['damag']],
    ['қанша қару ұрланды', 'kk', 'ru', russian, ['оруж']],
    ['адамдар өлді ме', 'kk', 'ru', russian, ['человек', 'погибл']],
    ['Сколько оружия похитили?', 'ru', 'kk', kazakh, ['қару']],
    ['применялись ли пытки', 'ru', 'kk', kazakh, ['азап']],
    ['сколько человек погибло', 'ru', 'kk', kazakh, ['адам']],
    ['How many weapons were stolen?', 'en', 'kk', kazakh, ['қару']],
  ])('%s (%s → %s) finds %j', (question, from, to, vocabulary, expected) => {
    expect(termsOf(question, from, to, vocabulary)).toEqual(expect.arrayContaining(expected));
  });

  it('says so of every pair: English, Russian and Kazakh each reach the other two', () => {
    for (const from of ['en', 'ru', 'kk'] as const) for (const to of ['en', 'ru', 'kk'] as const) expect(translator.translates(from, to)).toBe(true);
  });

  it.each<[string, Language, Vocabulary, string[]]>([
    ['Тоқаевтың сөзі', 'en', seed, ['tokayev']],
    ['тоқаев не деді', 'en', seed, ['tokayev']],
    ['алматыда не болды', 'en', seed, ['almati']],
    ['Тоқаев не деді', 'ru', russian, ['тока']],
  ])('the name in %s is transliterated into %s: %j', (question, to, vocabulary, expected) => {
    expect(termsOf(question, 'kk', to, vocabulary)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['230 адам қаза тапты ма', ['230']],
    ['3 660 қылмыстық іс бар ма', ['3660', 'crimin']],
  ])('numbers pass through: %s keeps %j', (question, expected) => {
    const { terms, text } = translator.translate(question, 'kk', 'en', seed);
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(expected));
    for (const n of expected.filter((e) => /\d/.test(e))) expect(text).toContain(n);
  });

  it.each(['митингілер не себепті басталды', 'неліктен митинг болды', 'митинг қашан болды', 'кімдер ұсталды', 'қандай қару ұрланды'])(
    '%s: its question words give no term',
    (question) => {
      const sources = translator.translate(question, 'kk', 'en', seed).terms.map((t) => t.source);
      for (const word of ['не', 'себепті', 'неліктен', 'қашан', 'кімдер', 'қандай']) expect(sources).not.toContain(word);
      expect(sources.length).toBeGreaterThan(0);
    },
  );

  it('keeps a word the corpus has no translation of as one unknown term, so an off-topic question stays off-topic', () => {
    const { terms } = translator.translate('ауа райы қандай', 'kk', 'en', seed);
    expect(terms.some((t) => t.source === 'ауа' && !seed.has(t.term))).toBe(true);
  });
});
