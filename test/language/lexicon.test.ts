import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withHeader } from './lexiconHeader.js';
import { analyzerFor } from '../../src/language/analyzer.js';
import { LEXICON_PATH, loadLexicon } from '../../src/language/lexicon.js';
import { entryTranslations, irregularFormOf } from '../../src/language/muellerEntry.js';

const lexicon = loadLexicon();
const ru = analyzerFor('ru');
const en = analyzerFor('en');
const targets = (word: string, from: 'ru' | 'en', to: 'ru' | 'en') =>
  lexicon.translations((from === 'ru' ? ru : en).term(word)!, from, to).map((t) => t.term);

describe('translations of inflected forms', () => {
  it.each([
    ['оружия', ['weapon', 'arm']],
    ['оружие', ['weapon', 'arm']],
    ['пытки', ['tortur']],
    ['уголовных', ['crimin']],
    ['беспорядков', ['disord', 'riot']],
    ['январе', ['januari']],
    ['президента', ['presid']],
  ])('ru %s → one of %j', (word, expected) => {
    expect(targets(word, 'ru', 'en').some((t) => expected.includes(t))).toBe(true);
  });

  it.each([
    ['weapons', ['оруж']],
    ['died', ['умерет', 'умира']],
    ['detained', ['задержива']],
    ['torture', ['пытк']],
    ['stolen', ['краст', 'ворова']],
  ])('en %s → one of %j', (word, expected) => {
    expect(targets(word, 'en', 'ru').some((t) => expected.includes(t))).toBe(true);
  });

  it('gives weights in (0, 1], best first, and nothing for a pair it does not hold', () => {
    const row = lexicon.translations('оруж', 'ru', 'en');
    expect(row[0]!.weight).toBe(1);
    for (let i = 1; i < row.length; i++) expect(row[i]!.weight).toBeLessThanOrEqual(row[i - 1]!.weight);
    expect(lexicon.translations('оруж', 'ru', 'kk')).toEqual([]);
    expect(lexicon.translations('несуществующийтерм', 'ru', 'en')).toEqual([]);
  });

  it('finds the terms sharing the longest prefix, for stems a dictionary does not list', () => {
    expect(lexicon.translations(ru.term('погибли')!, 'ru', 'en')).toEqual([]);
    expect(lexicon.nearestTerms(ru.term('погибли')!, 'ru', 'en', 5)).toContain('погиба');
    expect(lexicon.nearestTerms('щщщщщ', 'ru', 'en', 5)).toEqual([]);
  });

  it('gives an English word for a stem that is not one', () => {
    expect(lexicon.word('presid', 'en')).toBe('president');
    expect(lexicon.word('weapon', 'en')).toBe('weapon');
  });

  it('is read once', () => {
    expect(loadLexicon()).toBe(lexicon);
  });
});

describe('the file', () => {
  const real = readFileSync(LEXICON_PATH, 'utf8');

  it.each(['#qantar-lexicon\t99\t1', '#qantar-lexicon\t1\t99', 'not a lexicon'])('refuses header %j, naming the file', (header) => {
    const file = withHeader(LEXICON_PATH, header);
    expect(() => loadLexicon(file)).toThrow(file);
  });

  it('states its source and license', () => {
    expect(real).toMatch(/^#license\tGPL-2\.0-or-later/m);
    expect(real).toMatch(/^#source\t.*mueller7-dict/m);
  });
});

describe('entryTranslations', () => {
  const weapon = `weapon\n   [x] _n.\n   1) оружие; _перен. средство; weapon of mass destruction оружие массового\n   уничтожения\n   2) средства самозащиты (у животных и насекомых)\n`;
  const riot = `riot\n   [x]\n   1. _n.\n      1) бунт; мятеж\n      3) разгул; to run riot\n         а) вести себя буйно;\n         б) свирепствовать (о болезни);\n   2. _v.\n      1) бунтовать\n`;

  it('reads senses in order, the first sense first', () => {
    const pairs = entryTranslations('weapon', weapon);
    expect(pairs[0]).toMatchObject({ en: 'weapon', ru: 'оруж', weight: 1 });
    expect(pairs.map((p) => p.ru)).toContain('средств');
  });

  it.each([
    ['usage examples', weapon, ['массов', 'уничтожен', 'животн']],
    ['translations of idioms', riot, ['вест', 'буйн', 'свирепствова']],
  ])('leaves out %s', (_, entry, absent) => {
    const found = entryTranslations(entry.split('\n')[0]!, entry).map((p) => p.ru);
    for (const term of absent) expect(found).not.toContain(term);
    expect(found.length).toBeGreaterThan(0);
  });

  it.each([
    ['mail-coach', 'mail-coach\n   [x] = mail-cart 1\n'],
    ['the', 'the\n   определённый артикль\n'],
  ])('gives nothing for %s (hyphenated or a stop word)', (headword, entry) => {
    expect(entryTranslations(headword, entry)).toEqual([]);
  });
});

describe('irregularFormOf', () => {
  it.each([
    ['stolen\n   [x] _p-p. от steal 1\n', 'steal'],
    ['went\n   [x] _p. от go 1\n', 'go'],
    ['found\n   _III[x]\n         1. _p. и _p-p. от find 1\n', 'find'],
    ['weapon\n   [x] _n. оружие\n', null],
  ])('%j → %s', (entry, expected) => {
    expect(irregularFormOf(entry)).toBe(expected);
  });
});
