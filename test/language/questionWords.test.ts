import { describe, expect, it } from 'vitest';
import { type AnswerKind, answerKind, statesCause, statesDate, statesNumberWord } from '../../src/language/questionWords.js';

describe('answerKind', () => {
  it.each<[string, AnswerKind]>([
    // English
    ['Who visited the detention centres?', 'who'],
    ['To whom did the president give instructions?', 'who'],
    ['Whose troops arrived?', 'who'],
    ['When did the protests start?', 'when'],
    ['In what year did it happen?', 'when'],
    ['Since when has the investigation run?', 'when'],
    ['Where were the rallies held?', 'where'],
    ['In which city did it start?', 'where'],
    ['How many people died?', 'count'],
    ['How much money was stolen?', 'money'],
    ['How much did the damage cost?', 'money'],
    ['What was the cost of the damage?', 'money'],
    ['Why did people protest?', 'why'],
    ['What caused the protests?', 'why'],
    ['How did Tokayev react?', 'how'],
    ['What did Tokayev order?', 'other'],
    // Tricky: a relative "who" and a "when" clause do not decide the kind; a leading clause does not either.
    ['How many people who took part died?', 'count'],
    ['How many people who took part in the riots died?', 'count'],
    ['What did they do when they visited the detention centres?', 'other'],
    ['When the riots started, how many people were detained?', 'count'],
    // "who" inside another word is not a who-question.
    ['Is the whole story known?', 'other'],
    // Russian
    ['Кто посещал изоляторы?', 'who'],
    ['А кому поручили расследование?', 'who'],
    ['Когда начались протесты?', 'when'],
    ['В каком году это случилось?', 'when'],
    ['Где проходили митинги?', 'where'],
    ['Сколько человек погибло?', 'count'],
    ['Сколько тех, кто участвовал, осуждено?', 'count'],
    ['Сколько денег похитили?', 'money'],
    ['Почему люди протестовали?', 'why'],
    ['Как отреагировал Токаев?', 'how'],
    ['Что сказал Токаев?', 'other'],
    ['Что сказал Токаев, когда узнал о пытках?', 'other'],
    // Kazakh
    ['Тергеуді кім жүргізді?', 'who'],
    ['Наразылық қашан басталды?', 'when'],
    ['Митинг қайда өтті?', 'where'],
    ['Қанша адам қаза тапты?', 'count'],
    ['Неше адам ұсталды?', 'count'],
    ['Қанша ақша ұрланды?', 'money'],
    ['Адамдар неге наразылық білдірді?', 'why'],
    ['Тоқаев қалай әрекет етті?', 'how'],
    ['Тоқаев не деді?', 'other'],
    // Kazakh as typed in chats: lower case, no question mark
    ['қанша қару ұрланды', 'count'],
    ['неше қылмыстық іс бар', 'count'],
    ['кімдер ұсталды', 'who'],
    ['қашан басталды', 'when'],
    ['митинг қайда болды', 'where'],
    ['митингілер не себепті басталды', 'why'],
    ['неліктен наразылық болды', 'why'],
    ['қандай қару ұрланды', 'other'],
  ])('%s → %s', (question, kind) => {
    expect(answerKind(question)).toBe(kind);
  });
});

describe('statesCause', () => {
  it.each<[string, boolean]>([
    ['They protested because gas prices rose.', true],
    ['People rallied against the increase in gas prices.', true],
    ['The rallies were held due to the price rise.', true],
    ['Люди вышли из-за цен на газ.', true],
    ['Митинги прошли в знак протеста.', true],
    ['Митинг газ бағасына қарсы өтті.', true],
    ['Police seized 40 cars.', false],
    ['Митинги начались в январе.', false],
    // A word that merely contains a marker is not one.
    ['Its reasoning was unclear.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(statesCause(sentence)).toBe(expected);
  });
});

describe('statesDate', () => {
  it.each<[string, boolean]>([
    ['The rallies began on 2 January.', true],
    ['It happened in 1986.', true],
    ['In 2022 the riots ended.', true],
    ['Митинги начались в январе.', true],
    ['Это было в прошлом веке.', true],
    ['Наразылық қаңтарда басталды.', true],
    ['Police seized 40 cars.', false],
    ['He gave instructions.', false],
    // A count is not a year.
    ['About 230 people died.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(statesDate(sentence)).toBe(expected);
  });
});

describe('statesNumberWord', () => {
  it.each<[string, boolean]>([
    ['Nine nations joined.', true],
    ['Two thousand people were detained.', true],
    ['About a third were found.', true],
    ['Thousands came to the square.', true],
    ['Задержаны две тысячи человек.', true],
    ['Екі мың адам ұсталды.', true],
    ['Many people were detained.', false],
    ['He gave instructions.', false],
    // Digits are figures, not number words.
    ['Police seized 40 cars.', false],
    // A number word inside another word is not one.
    ['Someone came along.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(statesNumberWord(sentence)).toBe(expected);
  });
});
