import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detectLanguage.js';
import { type Language, analyzerFor } from '../../src/language/analyzer.js';
import { countedWord } from '../../src/language/countedThing.js';
import { quantityIntent } from '../../src/language/quantityIntent.js';
import { refersBack } from '../../src/retrieval/sentenceCues.js';

describe('countedWord', () => {
  // A stop word of the question's analyzer after "how many" names nothing.
  it.each<[string, Language, string | null]>([
    ['How many police officers were killed?', 'en', 'police'],
    ['How many people died?', 'en', 'people'],
    ['how many ppl got prosecuted after january', 'en', 'ppl'],
    ['How many of the people held were charged?', 'en', 'people'],
    ['Number of criminal cases against participants', 'en', 'criminal'],
    ['How many women were detained?', 'en', 'women'],
    ['Сколько оружия похитили?', 'ru', 'оружия'],
    ['Сколько всего задержанных?', 'ru', 'задержанных'],
    ['Қанша адам қаза тапты?', 'kk', 'адам'],
    ['Неше адам ұсталды?', 'kk', 'адам'],
    // Nothing named: nothing to check.
    ['How many were detained?', 'en', null],
    ['How much damage was done?', 'en', null],
    ['Who visited the detention centres?', 'en', null],
  ])('%s (%s) counts %s', (question, language, word) => {
    expect(countedWord(question, (w) => analyzerFor(language).term(w) === null)).toBe(word);
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

describe('detectLanguage', () => {
  it.each<[string, 'en' | 'ru' | 'kk' | null]>([
    ['How many people died?', 'en'],
    ['Сколько человек погибло?', 'ru'],
    ['Қанша адам қаза тапты?', 'kk'],
    ['Сколько погибло в Almaty?', 'ru'],
    ['How many died in Алматы?', 'en'],
    ['2022?', null],
  ])('%s → %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});
