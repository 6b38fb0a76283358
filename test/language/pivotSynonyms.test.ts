import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/language/analyzer.js';
import { analyzerFor } from '../../src/language/analyzer.js';
import { type Lexicon, type WeightedTerm, loadLexicon } from '../../src/language/lexicon.js';
import { DEFAULT_PIVOT, pivotSynonyms } from '../../src/language/pivotSynonyms.js';

/** A lexicon over a few rows, so the arithmetic can be checked by hand. */
function tableLexicon(rows: Record<string, Array<[string, number]>>): Lexicon {
  const row = (key: string): WeightedTerm[] => (rows[key] ?? []).map(([term, weight]) => ({ term, weight }));
  return {
    translations: (term, from, to) => row(`${from}>${to}:${term}`),
    nearestTerms: (term, from, _to) => Object.keys(rows).filter((k) => k.startsWith(`${from}>`) && term.startsWith(k.split(':')[1]!.slice(0, 4))).map((k) => k.split(':')[1]!),
    word: (term) => term,
  };
}

const small = tableLexicon({
  'ru>en:погиба': [['die', 1], ['perish', 1]],
  'en>ru:die': [['умерет', 1], ['погиба', 1]],
  'en>ru:perish': [['погиба', 1], ['умерет', 1]],
  'ru>en:умерет': [['die', 1]],
  'ru>en:ущерб': [['damage', 1], ['loss', 1], ['harm', 1], ['detriment', 1], ['injury', 1], ['prejudice', 1]],
  'en>ru:damage': [['вред', 1], ['ущерб', 1]],
  'en>ru:loss': [['потер', 1]],
  'en>ru:harm': [['вред', 1]],
});

describe('pivot synonyms (Bannard & Callison-Burch): p(b|a) = Σ p(e|a) p(b|e)', () => {
  it.each<[string, Language, Array<[string, number]>]>([
    // die: ½·½ + perish: ½·½ = 0.5, through two shared translations.
    ['погиба', 'ru', [['умерет', 0.5]]],
    // вред through damage and harm: ⅙·½ + ⅙·1 = 0.25; потер through loss alone: ⅙ = 0.167 ≥ strongWeight? no (0.2): dropped.
    ['ущерб', 'ru', [['вред', 0.25]]],
    // A term the lexicon lacks, and a language without a pivot, give nothing.
    ['нет', 'ru', []],
    ['соғыс', 'kk', []],
  ])('%s (%s) → %j', (term, language, expected) => {
    const found = pivotSynonyms(small, term, language).map((s) => [s.term, Number(s.weight.toFixed(3))]);
    expect(found).toEqual(expected.map(([t, w]) => [t, Number(w.toFixed(3))]));
  });

  it('never returns the term itself, and keeps at most `limit`, best first', () => {
    const found = pivotSynonyms(small, 'ущерб', 'ru', { ...DEFAULT_PIVOT, minShared: 1, limit: 1 });
    expect(found.map((s) => s.term)).toEqual(['вред']);
  });

  it('an inflected form the dictionary does not list borrows the rows of its longest listed prefix, and the listed form is its synonym', () => {
    expect(pivotSynonyms(small, 'погибл', 'ru').map((s) => s.term)).toEqual(['погиба', 'умерет']);
  });
});

describe('pivot synonyms in the committed Russian–English lexicon', () => {
  const lexicon = loadLexicon();
  it.each<[string, Language, string]>([
    ['ущерб', 'ru', 'вред'],
    ['протест', 'ru', 'возражен'],
    ['weapons', 'en', 'arm'],
    ['damage', 'en', 'harm'],
    ['sentenced', 'en', 'condemn'],
  ])('%s (%s) has %s', (word, language, synonym) => {
    const term = analyzerFor(language).term(word)!;
    expect(pivotSynonyms(lexicon, term, language).map((s) => s.term)).toContain(synonym);
  });
});
