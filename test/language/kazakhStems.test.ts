import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStems, parseLexcStems } from '../../scripts/build-kazakh-stems.js';
import { readForms, score } from '../../scripts/eval-kazakh-lemmas.js';
import { projectRoot } from '../../src/config.js';
import { stemKazakh } from '../../src/language/kazakh.js';
import { KAZAKH_STEMS_PATH, kazakhStems, parseKazakhStems } from '../../src/language/kazakhStems.js';

/** Lines in the shape of apertium-kaz.kaz.lexc: suffix lexicons first, then the stems. */
const LEXC = `
LEXICON N1
%<n%>: FULL-NOMINAL-INFLECTION ;

LEXICON Common
кітап:кітап N1 ; ! "book"
бол:бол V-IV ; ! "be"
бар:бар A3 ; ! ""
бар:бар V-IV ; ! ""
ауыз:ау%{y%}з N1 ; ! "mouth"
ауыз:ауыз N1 ; ! "mouth"
iш% жүргізетін:iш% жүргізетін N1 ; !
ой:ой INTERJ ; ! an interjection: no part of speech kept
! мүлдем:мүлдем ADV ; a comment, not an entry
пенсия%<n%>%<dat%>:пенсияға # ;

LEXICON Proper
Алматы:Алматы NP-TOP ; ! ""
`;

describe('parseLexcStems reads the stem lexicons of an Apertium lexc', () => {
  const stems = parseLexcStems(LEXC);

  it.each([
    ['кітап', ['n'], undefined],
    ['бол', ['v'], undefined],
    ['бар', ['adj', 'v'], undefined],
    ['ауыз', ['n'], undefined],
    // the stem a vowel drops from before a vowel-initial ending, pointing at its lemma
    ['ауз', ['n'], 'ауыз'],
    ['алматы', ['np'], undefined],
  ])('%s: %j %s', (stem, pos, lemma) => {
    const found = stems.get(stem);
    expect(found && [...found.pos].sort()).toEqual(pos);
    expect(found?.lemma).toBe(lemma);
  });

  it('leaves out suffix lexicons, several words, classes without a part of speech, comments and hard-coded forms', () => {
    expect([...stems.keys()].sort()).toEqual(['алматы', 'ауз', 'ауыз', 'бар', 'бол', 'кітап']);
  });

  it('writes a table the run-time loader reads back', () => {
    const table = parseKazakhStems(formatStems(stems), 'test');
    expect(table.size).toBe(6);
    expect(table.get('ауз')).toEqual({ lemma: 'ауыз', pos: ['n'] });
    expect(table.get('бар')).toEqual({ lemma: 'бар', pos: ['adj', 'v'] });
    expect(table.get('жоқ')).toBeUndefined();
  });
});

describe('the committed stem table', () => {
  it('refuses a file that is not a stem table, naming it', () => {
    expect(() => parseKazakhStems('#qantar-lexicon\t1\t3\n', 'other.tsv')).toThrow('other.tsv');
  });

  it('is read once and knows the common stems', () => {
    expect(kazakhStems()).toBe(kazakhStems());
    expect(kazakhStems().size).toBeGreaterThan(25_000);
    expect(kazakhStems().get('мемлекет')?.pos).toContain('n');
    expect(readFileSync(KAZAKH_STEMS_PATH, 'utf8')).toMatch(/^#qantar-kk-stems\t1\n#source\t.*apertium-kaz.*\n#license\tGPL-3\.0/u);
  });

  const lexc = path.join(projectRoot, '..', 'shared', 'resources', 'apertium', 'apertium-kaz.kaz.lexc');
  it.skipIf(!existsSync(lexc))('is what the build script makes of the shared lexc', () => {
    expect(formatStems(parseLexcStems(readFileSync(lexc, 'utf8')))).toBe(readFileSync(KAZAKH_STEMS_PATH, 'utf8'));
  });
});

describe('the lemma evaluation', () => {
  const forms = readForms(['кітабы:кітап<n><px3sp><nom>', 'кітаптар:кітап<n><pl><nom>', 'Google-ға:Google<np><dat>', 'оған:ол<prn><dat>', 'оған:оқ<n><px3sp><dat>'].join('\n'));

  it('groups a surface with all its lemmas, single Cyrillic words only', () => {
    expect([...forms]).toEqual([
      ['кітабы', new Set(['кітап'])],
      ['кітаптар', new Set(['кітап'])],
      ['оған', new Set(['ол', 'оқ'])],
    ]);
  });

  it.each([
    ['the analyzer', stemKazakh, { forms: 3, lemmas: 3, sameTerm: 2, exact: 2, wrongMerge: 0 }],
    ['no stemming', (word: string) => word, { sameTerm: 0, exact: 0, wrongMerge: 0 }],
    // one term for every word meets every lemma, and merges every form with another word's
    ['one term for all', () => 'x', { sameTerm: 3, exact: 0, wrongMerge: 3 }],
  ] as const)('scores %s', (_name, stem, expected) => {
    expect(score(forms, stem)).toMatchObject(expected);
  });
});
