import { describe, expect, it } from 'vitest';
import {
  WORDNET_FORMAT_VERSION,
  closeRelations,
  irregularBase,
  parseEnglishRelations,
  relatedStems,
} from '../../src/language/englishRelations.js';
import { snowballStemmer } from '../../src/language/snowball.js';

const stem = snowballStemmer('english');
const related = (a: string, b: string) => relatedStems(stem(a)).includes(stem(b));

describe('relatedStems (the committed WordNet table)', () => {
  // Each pair follows from WordNet 3.1 (a synonym, hypernym, derivation or verb cause), none was added.
  it.each([
    ['gun', 'weapon'], // hypernym of gun sense 1
    ['custody', 'detention'], // synonyms
    ['kill', 'die'], // verb cause: kill > die
    ['death', 'die'], // derivation
    ['arrest', 'apprehend'], // synonyms
    ['riot', 'violence'], // hypernym of riot sense 1
    ['protest', 'demonstration'], // synonyms
    ['police', 'constabulary'], // synonyms
  ])('%s is related to %s, both ways', (a, b) => {
    expect(related(a, b)).toBe(true);
    expect(related(b, a)).toBe(true);
  });

  it.each([
    ['bank', 'river'], // only "riverbank" and "riverside" are
    ['gun', 'bank'],
    ['kill', 'protest'],
    ['police', 'river'],
    ['death', 'weapon'],
  ])('%s is not related to %s', (a, b) => {
    expect(related(a, b)).toBe(false);
  });

  it('relates no stem to itself and keeps stop words out', () => {
    for (const word of ['kill', 'death', 'gun']) expect(relatedStems(stem(word))).not.toContain(stem(word));
    for (const word of ['the', 'have', 'which']) expect(relatedStems(word)).toEqual([]);
  });

  it('drops general words related to almost everything rather than relating everything to them', () => {
    expect(relatedStems(stem('take'))).toEqual([]);
    expect(relatedStems(stem('form'))).toEqual([]);
  });
});

describe('irregularBase (WordNet exception lists)', () => {
  it.each([
    ['fought', 'fight'],
    ['men', undefined], // "men" is a WordNet noun of its own: related to man instead
    ['children', 'child'],
    ['mice', 'mouse'],
    ['killed', undefined], // regular: the stemmer handles it
  ])('%s → %s', (word, base) => {
    expect(irregularBase(word)).toBe(base === undefined ? undefined : stem(base));
  });

  it('relates an irregular form that is a word of its own to its base', () => {
    expect(related('men', 'man')).toBe(true);
    expect(related('found', 'find')).toBe(true);
  });
});

describe('parseEnglishRelations', () => {
  const table = (formatVersion: number) =>
    JSON.stringify({ formatVersion, stemmer: 'snowball-english', relations: { die: ['kill'] }, irregular: {} });

  it('refuses another format version, naming the file', () => {
    expect(() => parseEnglishRelations(table(WORDNET_FORMAT_VERSION + 1), '/x/wordnet-en.json')).toThrow(
      /\/x\/wordnet-en\.json: formatVersion 2, expected 1/,
    );
  });

  it('refuses a table made with another stemmer', () => {
    const russian = table(WORDNET_FORMAT_VERSION).replace('snowball-english', 'snowball-russian');
    expect(() => parseEnglishRelations(russian, 'ru.json')).toThrow(/ru\.json: not a snowball-english/);
  });

  it('closes the stored pairs symmetrically', () => {
    const closed = closeRelations(parseEnglishRelations(table(WORDNET_FORMAT_VERSION), 't.json'));
    expect(closed.related.get('die')).toEqual(['kill']);
    expect(closed.related.get('kill')).toEqual(['die']);
  });
});
