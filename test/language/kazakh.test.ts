import { describe, expect, it } from 'vitest';
import { stemKazakh } from '../../src/language/kazakh.js';

// Every word below occurs in the KazQAD dev documents or questions (../shared/benchmarks/kazqad-dev.json).

/** Forms of one word, stacked as Kazakh stacks them: root + plural + possessive + case. */
const SAME_WORD: readonly (readonly [stem: string, forms: readonly string[]])[] = [
  ['қала', ['қала', 'қаласы', 'қаласында', 'қалалар', 'қалаларының', 'қалаларында', 'қалаға', 'қаладағы']],
  ['жыл', ['жыл', 'жылы', 'жылдың', 'жылдары', 'жылдарда', 'жылға']],
  ['жер', ['жер', 'жері', 'жердің', 'жерлерде', 'жеріндегі']],
  ['тіл', ['тіл', 'тілі', 'тілдері', 'тілінде']],
  ['жол', ['жол', 'жолы', 'жолдары', 'жолымен']],
  ['ел', ['ел', 'елдің', 'елдерде']],
  ['облыс', ['облыс', 'облысы', 'облысындағы', 'облысының']],
  ['жасуша', ['жасуша', 'жасушасы', 'жасушасына', 'жасушалар']],
  ['адам', ['адам', 'адамның', 'адамдар']],
  ['хан', ['хан', 'ханның', 'хандар']],
  ['тау', ['тау', 'тауларын']],
  ['су', ['су', 'суды', 'судың']],
  ['аймақ', ['аймақ', 'аймағы', 'аймақтарда']],
  ['кітап', ['кітап', 'кітабы']],
  ['жүрек', ['жүрек', 'жүрегі']],
  ['түр', ['түр', 'түрі', 'түрлері']],
  ['мемлекет', ['мемлекет', 'мемлекеттің']],
  ['өлең', ['өлең', 'өлеңі', 'өлеңдері']],
  ['ағыс', ['ағыс', 'ағысы']],
  ['қазақстан', ['қазақстан', 'қазақстанда', 'қазақстанның']],
  ['ақын', ['ақын', 'ақыны']],
  ['сан', ['сан', 'саны']],
  ['тақырып', ['тақырып', 'тақырыбы', 'тақырыбын', 'тақырыбындағы']],
  ['дәуір', ['дәуір', 'дәуірі', 'дәуірін']],
  // verbs: tense, participle, verbal noun
  ['бол', ['болды', 'болады', 'болған', 'болатын', 'болғанда', 'болуы', 'болуына']],
  ['кел', ['келеді', 'келген', 'келетін']],
  ['зертте', ['зерттеді', 'зерттеген']],
  ['ал', ['алады', 'алған', 'алды']],
];

describe('stemKazakh gives the forms of one word one stem', () => {
  it.each(SAME_WORD.flatMap(([stem, forms]) => forms.map((form) => [form, stem] as const)))('%s → %s', (form, stem) => {
    expect(stemKazakh(form)).toBe(stem);
  });
});

/** Words whose ends look like endings but belong to the root: left whole. */
const WHOLE: readonly (readonly [word: string, why: string])[] = [
  ['үлкен', '-кен is a participle only after a voiceless consonant'],
  ['жеке', '-ке is a dative only after a voiceless consonant'],
  ['орта', '-та is a locative only after a voiceless consonant'],
  ['кейін', '-н is an accusative only after a possessive -сы or -ы of a plural'],
  ['орын', '-н is an accusative only after a possessive -сы or -ы of a plural'],
  ['ғылым', 'first- and second-person possessives are not stripped'],
  ['адам', 'first- and second-person possessives are not stripped'],
  ['қазақстан', 'the -стан of a country is no ablative'],
  ['өсімдік', 'derivations are kept: өсімдік "plant" is not өсім "growth"'],
  ['мемлекеттік', 'derivations are kept'],
  ['су', 'a stem keeps at least two letters'],
  ['ауа', 'a one-letter ending needs a stem of three letters'],
];

describe('stemKazakh does not strip a root', () => {
  it.each(WHOLE)('%s (%s)', (word) => {
    expect(stemKazakh(word)).toBe(word);
  });
});

/** Different words whose forms overlap letter by letter: each keeps its own stem. */
const DISTINCT: readonly (readonly [string, string])[] = [
  ['қазақстан', 'қазақ'],
  ['ақын', 'ақ'],
  ['ақыны', 'ақ'],
  ['ақыл', 'ақ'],
  ['ақша', 'ақ'],
  ['жағдай', 'жағы'],
  ['қызыл', 'қызы'],
  ['қызмет', 'қыз'],
  ['ауыл', 'ауа'],
  ['орта', 'орын'],
  ['тарихи', 'тарих'],
  ['мемлекеттік', 'мемлекет'],
];

describe('stemKazakh keeps different words apart', () => {
  it.each(DISTINCT)('%s ≠ %s', (a, b) => {
    expect(stemKazakh(a)).not.toBe(stemKazakh(b));
  });
});

describe('stemKazakh on words that are not Kazakh inflections', () => {
  it.each([
    ['', ''],
    ['1986', '1986'],
    ['атф', 'атф'],
  ])('%j → %j', (word, stem) => {
    expect(stemKazakh(word)).toBe(stem);
  });
});
