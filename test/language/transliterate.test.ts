import { describe, expect, it } from 'vitest';
import { closestTerm, editDistance, type Vocabulary } from '../../src/language/fuzzyMatch.js';
import { cyrillicSpelling, latinSpellings, russianSpelling } from '../../src/language/transliterate.js';

const vocabularyOf = (terms: string[]): Vocabulary => {
  const set = new Set(terms);
  return { has: (t) => set.has(t), terms: () => set };
};

describe('latinSpellings', () => {
  it.each([
    ['Токаев', ['tokayev', 'tokaev']],
    ['Шевченко', ['shevchenko']],
    ['Джош', ['josh', 'dzhosh']],
    ['Норман', ['norman']],
    ['Мэннинг', ['manning']],
    ['Дмитрий', ['dmitriy', 'dmitry']],
    ['Жомарт', ['zhomart', 'jomart']],
    ['Қасым', ['kasym', 'qasym']],
    ['Алматы', ['almaty']],
    ['Щукин', ['shchukin']],
  ])('%s → %j among the spellings', (word, expected) => {
    const spellings = latinSpellings(word);
    for (const spelling of expected) expect(spellings).toContain(spelling);
    expect(spellings.length).toBeLessThanOrEqual(8);
  });

  it('puts the commonest spelling first', () => {
    expect(latinSpellings('Норман')[0]).toBe('norman');
    expect(latinSpellings('Токаев')[0]).toBe('tokayev');
  });
});

describe('cyrillicSpelling', () => {
  it.each([
    ['Tokayev', 'токаев'],
    ['Shevchenko', 'шевченко'],
    ['Almaty', 'алматы'],
    ['Kaysar', 'кайсар'],
    ['Zhomart', 'жомарт'],
  ])('%s → %s', (word, expected) => {
    expect(cyrillicSpelling(word)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['tokayev', 'tokaev', 1],
    ['same', 'same', 0],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('stops early past its limit, returning limit + 1', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('closestTerm', () => {
  const vocabulary = vocabularyOf(['josh', 'norman', 'tokayev', 'shevchenko', 'panther', 'newton', 'normal', 'torture']);

  it.each([
    [['tokaev'], 'tokayev'],
    [['normana', 'norman'], 'norman'],
    [['panter'], 'panther'],
    [['shevchenko'], 'shevchenko'],
  ])('%j → %s', (spellings, expected) => {
    expect(closestTerm(spellings, vocabulary)?.term).toBe(expected);
  });

  it('prefers an exact spelling, at distance 0', () => {
    expect(closestTerm(['dzhosh', 'josh'], vocabulary)).toEqual({ term: 'josh', distance: 0 });
  });

  it.each([[['petrov']], [['tk']], [['zzzzzz']]])('%j matches nothing', (spellings) => {
    expect(closestTerm(spellings, vocabulary)).toBeNull();
  });
});

describe('Kazakh letters', () => {
  it.each([
    ['Тоқаев', 'токаев', 'tokayev'],
    ['Қонаев', 'конаев', 'konayev'],
    ['Әуезов', 'ауезов', 'auezov'],
    ['Ұлытау', 'улытау', 'ulytau'],
    ['Өскемен', 'оскемен', 'oskemen'],
    ['Түркістан', 'туркистан', 'turkistan'],
    ['Жаңаөзен', 'жанаозен', 'zhanaozen'],
    ['Ғабит', 'габит', 'ghabit'],
    ['Һиджра', 'хиджра', 'hidzhra'],
  ])('%s → Russian %s, Latin %s', (word, russian, latin) => {
    expect(russianSpelling(word)).toBe(russian);
    expect(latinSpellings(word)).toContain(latin);
  });
});
