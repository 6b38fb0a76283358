import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withHeader } from './lexiconHeader.js';
import { analyzerFor } from '../../src/language/analyzer.js';
import { dixEntries, russianPastForms } from '../../src/language/apertiumDix.js';
import {
  KAZAKH_LEXICON_ANALYZER_VERSION,
  KAZAKH_LEXICON_PATH,
  KK_RU,
  LEXICON_ANALYZER_VERSION,
  type LexiconSpec,
  RU_EN,
  loadKazakhLexicon,
  parseLexicon,
} from '../../src/language/lexicon.js';
import { routedLexicon } from '../../src/language/routedLexicon.js';

const kazakh = loadKazakhLexicon();
const routed = routedLexicon();
const kk = analyzerFor('kk');
const ru = analyzerFor('ru');
const toRussian = (word: string) => kazakh.translations(kk.term(word)!, 'kk', 'ru').map((t) => t.term);
const toKazakh = (word: string) => kazakh.translations(ru.term(word)!, 'ru', 'kk').map((t) => t.term);

describe('Kazakh → Russian: inflected forms through the Kazakh analyzer', () => {
  it.each([
    ['қаруы', 'оруж'],
    ['қарулар', 'оруж'],
    ['адамдар', 'человек'],
    ['адамның', 'человек'],
    ['тәртіпсіздікке', 'беспорядок'],
    ['қылмыстық', 'уголовн'],
    ['залалы', 'ущерб'],
    ['қаңтарда', 'январ'],
  ])('%s → %s among its translations', (word, expected) => {
    expect(toRussian(word)).toContain(expected);
  });

  it('gives several weighted translations, best first, the best at 1', () => {
    const row = kazakh.translations('адам', 'kk', 'ru');
    expect(row.length).toBeGreaterThan(1);
    expect(row[0]!.weight).toBe(1);
    for (let i = 1; i < row.length; i++) expect(row[i]!.weight).toBeLessThanOrEqual(row[i - 1]!.weight);
  });

  it('keys two-word lemmas by both terms: қаза бол, to die', () => {
    expect(kazakh.translations('қаза_бол', 'kk', 'ru').map((t) => t.term)).toContain('погиба');
  });
});

describe('Russian → Kazakh: inflected forms through Snowball, past forms of verbs included', () => {
  it.each([
    ['оружия', 'қару'],
    ['пытки', 'азап'],
    ['уголовных', 'қылмыстық'],
    ['января', 'қаңтар'],
    ['ущерба', 'залал'],
    ['погибли', 'өл'],
    ['погиб', 'өл'],
  ])('%s → %s among its translations', (word, expected) => {
    expect(toKazakh(word)).toContain(expected);
  });

  it('holds no pair it was not built for', () => {
    expect(kazakh.translations('оруж', 'ru', 'en')).toEqual([]);
    expect(kazakh.translations('несуществующийтерм', 'ru', 'kk')).toEqual([]);
  });
});

describe('Kazakh ↔ English through Russian, the weights multiplied', () => {
  it.each([
    ['қару', 'weapon'],
    ['залал', 'damag'],
    ['қылмыстық', 'crimin'],
    ['қаңтар', 'januari'],
  ])('kk %s → en %s', (term, expected) => {
    expect(routed.translations(kk.term(term)!, 'kk', 'en').map((t) => t.term)).toContain(expected);
  });

  it('weighs each English term by its paths, each the product of its two legs, summed and rescaled to the best at 1', () => {
    const file = (spec: LexiconSpec, version: number, rows: string[]) =>
      parseLexicon(Buffer.from([`#qantar-lexicon\t1\t${version}`, ...rows.sort()].join('\n')), 'tiny', spec);
    const tiny = routedLexicon({
      kkRu: () => file(KK_RU, KAZAKH_LEXICON_ANALYZER_VERSION, ['k\tадам\tчеловек:100 личност:40']),
      ruEn: () => file(RU_EN, LEXICON_ANALYZER_VERSION, ['r\tчеловек\tman:100 person:50', 'r\tличност\tperson:100 self:50']),
    });
    // man 1.0 × 1.0; person 1.0 × 0.5 + 0.4 × 1.0; self 0.4 × 0.5
    expect(tiny.translations('адам', 'kk', 'en')).toEqual([
      { term: 'man', weight: 1 },
      { term: 'person', weight: 0.9 },
      { term: 'self', weight: 0.2 },
    ]);
  });

  it('ranks the real lexicons\' paths by their products', () => {
    const pivoted = routed.translations('залал', 'kk', 'en');
    expect(pivoted[0]!.weight).toBe(1);
    // вред 1.0 → harm 1.0 outweighs ущерб 0.96 → damage 0.71
    expect(pivoted.find((t) => t.term === 'harm')!.weight).toBeGreaterThan(pivoted.find((t) => t.term === 'damag')!.weight);
  });

  it.each([
    ['weapon', 'қару'],
    ['januari', 'қаңтар'],
    ['tortur', 'азап'],
  ])('en %s → kk %s', (term, expected) => {
    expect(routed.translations(term, 'en', 'kk').map((t) => t.term)).toContain(expected);
  });
});

describe('the file', () => {
  const real = readFileSync(KAZAKH_LEXICON_PATH, 'utf8');

  it.each(['#qantar-lexicon\t99\t3', '#qantar-lexicon\t1\t99', 'not a lexicon'])('refuses header %j, naming the file and its build script', (header) => {
    const file = withHeader(KAZAKH_LEXICON_PATH, header);
    expect(() => loadKazakhLexicon(file)).toThrow(file);
    expect(() => loadKazakhLexicon(file)).toThrow('scripts/build-kazakh-lexicon.ts');
  });

  it('states its source and license, and stays small', () => {
    expect(real).toMatch(/^#license\tGPL-3\.0/m);
    expect(real).toMatch(/^#source\tApertium apertium-kaz-rus/m);
    expect(Buffer.byteLength(real)).toBeLessThan(3_000_000);
  });

  it('is read once', () => {
    expect(loadKazakhLexicon()).toBe(kazakh);
  });
});

describe('dixEntries', () => {
  const dix = `<dictionary><section id="main" type="standard">
<e><p><l>қару<s n="n"/></l><r>оружие<s n="n"/><s n="nt"/></r></p></e>
<e r="RL"><p><l>адам<s n="n"/></l><r>лицо<s n="n"/></r></p></e>
<e r="LR"><p><l>қаза<b/>бол<s n="v"/><s n="iv"/></l><r>погибать<s n="vblex"/></r></p></e>
<!--<e><p><l>үкімет<s n="n"/></l><r>кабинет<s n="n"/></r></p></e>-->
<e><p><l>тұр<s n="vaux"/></l><r></r></p></e>
</section></dictionary>`;

  it('reads both sides, their part of speech and the directions, skipping comments and empty sides', () => {
    expect(dixEntries(dix)).toEqual([
      { kk: 'қару', ru: 'оружие', pos: 'n', leftToRight: true, rightToLeft: true },
      { kk: 'адам', ru: 'лицо', pos: 'n', leftToRight: false, rightToLeft: true },
      { kk: 'қаза бол', ru: 'погибать', pos: 'v', leftToRight: true, rightToLeft: false },
    ]);
  });
});

describe('russianPastForms', () => {
  it.each([
    ['погибнуть', ['погибли', 'погиб']],
    ['умереть', ['умерли', 'умер']],
    ['украсть', ['украли', 'украл']],
    ['задержать', ['задержали', 'задержал']],
    ['найти', ['нашли', 'нашёл']],
    ['спасти', ['спасли', 'спас']],
    ['собираться', ['собирались', 'собирался']],
    ['пытка', []],
  ])('%s → %j', (infinitive, expected) => {
    expect(russianPastForms(infinitive)).toEqual(expected);
  });
});
