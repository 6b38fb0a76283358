import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/language/analyzer.js';
import { type ReadingContext, understandQuestion } from '../../src/language/question.js';
import type { QueryTranslator } from '../../src/language/queryTranslator.js';

/** A translator that marks what it was asked, so readings can be checked without a dictionary. */
const marking: QueryTranslator = {
  translates: () => true,
  translate: (question, from, to) => ({ terms: [{ source: 'x', term: `${from}>${to}`, weight: 1 }], text: `${question} (${to})` }),
};

function context(languages: Language[], known: string[] = ['en>ru', 'ru>en', 'kk>ru', 'kk>en'], crossLingual = false): ReadingContext {
  return { documentLanguages: new Set(languages), crossLingual, translator: marking, vocabulary: { has: (t) => known.includes(t), terms: () => known } };
}

describe('understandQuestion: the shape of a question, read once', () => {
  it.each<[string, Partial<ReturnType<typeof understandQuestion>>]>([
    ['How many police officers were killed in Almaty?', { language: 'en', kind: 'count', countedWord: 'police', names: ['almaty'] }],
    ['How much damage did the riots cause?', { language: 'en', kind: 'money', countedWord: null }],
    ['Why did people protest in January?', { language: 'en', kind: 'why', names: ['january'] }],
    ['Сколько оружия похитили?', { language: 'ru', kind: 'count', countedWord: 'оружия' }],
    ['Қанша адам қаза тапты?', { language: 'kk', kind: 'count', countedWord: 'адам' }],
    ['Когда Токаев выступил?', { language: 'ru', kind: 'when', names: ['токаев'] }],
    ['  what happened in 2022  ', { text: 'what happened in 2022', language: 'en', kind: 'other' }],
  ])('%j', (text, expected) => {
    expect(understandQuestion(text, context(['en']))).toMatchObject(expected);
  });

  it('reads the figures a question states, and whether its letters told the language', () => {
    expect([...understandQuestion('Did 230 people die in 2022?', context(['en'])).numbers]).toEqual(['230', '2022']);
    expect(understandQuestion('230?', context(['en'])).languageDetected).toBe(false);
    expect(understandQuestion('230 people?', context(['en'])).languageDetected).toBe(true);
  });

  it('asks for a figure of the right kinds', () => {
    expect(understandQuestion('How much did it cost?', context(['en'])).quantity).toEqual({ wants: 'figure', kinds: ['money', 'count', 'fraction', 'percent'] });
    expect(understandQuestion('Who spoke?', context(['en'])).quantity).toEqual({ wants: 'none' });
  });
});

describe('understandQuestion: readings in the corpus languages', () => {
  const readingsOf = (text: string, ctx: ReadingContext) =>
    understandQuestion(text, ctx).readings.map((r) => [r.language, r.translated, r.terms.map((t) => t.term).join(' ')]);

  it.each<[string, string, ReadingContext, Array<[Language, boolean, string]>]>([
    ['own language only', 'Who died?', context(['en']), [['en', false, 'die']]],
    ['own and the other document language', 'Who died?', context(['en', 'ru']), [['en', false, 'die'], ['ru', true, 'en>ru']]],
    ['no document in its language: the translations only', 'Кто погиб?', context(['en']), [['en', true, 'ru>en']]],
    ['a translation reaching no corpus term is dropped', 'Кто погиб?', context(['en'], []), [['ru', false, 'погиб']]],
    ['a cross-lingual model reads it as written', 'Кто погиб?', context(['en'], undefined, true), [['ru', false, 'погиб']]],
  ])('%s', (_, text, ctx, expected) => {
    expect(readingsOf(text, ctx)).toEqual(expected);
  });
});
