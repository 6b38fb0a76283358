import { describe, expect, it } from 'vitest';
import { stemKazakh } from '../../src/language/kazakh.js';

// Every word below occurs in the KazQAD dev documents or questions (../shared/benchmarks/kazqad-dev.json).

/** Forms of one word, stacked as Kazakh stacks them: root + plural + possessive + case. */
const SAME_WORD: readonly (readonly [stem: string, forms: readonly string[]])[] = [
  ['қала', ['қала', 'қаласы', 'қаласында', 'қалалар', 'қалаларының', 'қалаларында', 'қалаға', 'қаладағы']],
  ['жыл', ['жыл', 'жылы', 'жылдың', 'жылдары', 'жылдарда']],
  ['жер', ['жер', 'жері', 'жердің', 'жерлерде', 'жеріндегі']],
  ['тіл', ['тіл', 'тілі', 'тілдері', 'тілінде']],
  ['жол', ['жол', 'жолы', 'жолдары', 'жолымен']],
  ['ел', ['ел', 'елдің', 'елдерде', 'елі', 'еліне']],
  ['ай', ['ай', 'айы', 'айында']],
  ['облыс', ['облыс', 'облысы', 'облысындағы', 'облысының']],
  ['жасуша', ['жасуша', 'жасушасы', 'жасушасына', 'жасушалар']],
  ['адам', ['адам', 'адамның', 'адамдар']],
  ['хан', ['хан', 'ханның', 'хандар']],
  ['тау', ['тау', 'тауларын', 'тауын']],
  ['су', ['су', 'суды', 'судың']],
  ['аймақ', ['аймақ', 'аймағы', 'аймақтарда']],
  ['кітап', ['кітап', 'кітабы']],
  ['жүрек', ['жүрек', 'жүрегі']],
  ['түр', ['түр', 'түрі', 'түрлері']],
  ['мемлекет', ['мемлекет', 'мемлекеттің']],
  ['өлең', ['өлең', 'өлеңі', 'өлеңдері']],
  ['ағыс', ['ағыс', 'ағысы']],
  ['қазақстан', ['қазақстан', 'қазақстанда', 'қазақстанның']],
  ['ақын', ['ақын']],
  ['сан', ['сан', 'саны']],
  ['тақырып', ['тақырып', 'тақырыбы', 'тақырыбын', 'тақырыбындағы']],
  ['дәуір', ['дәуір', 'дәуірі', 'дәуірін']],
  // verbs: tense, participle, verbal noun
  ['бол', ['болды', 'болады', 'болған', 'болатын', 'болғанда', 'болуы', 'болуына']],
  ['кел', ['келеді', 'келген', 'келетін']],
  ['зертте', ['зерттеді', 'зерттеген']],
  ['ал', ['алады', 'алған']],
];

/** Nouns through case, possessive and plural; verbs through tense, person, negation, voice (real forms). */
const PARADIGMS: readonly (readonly [stem: string, forms: readonly string[]])[] = [
  ['кітап', ['кітабым', 'кітабың', 'кітабымыз', 'кітаптар', 'кітаптарым', 'кітаптың', 'кітапқа', 'кітапты', 'кітапта', 'кітаптан', 'кітаппен', 'кітаптарымыздан']],
  ['мектеп', ['мектептің', 'мектепке', 'мектебінде', 'мектептерде']],
  // a vowel that drops before a vowel-initial ending (Apertium's {y}): орын → орны, халық → халқы
  ['орын', ['орын', 'орны', 'орнында', 'орындар']],
  ['халық', ['халық', 'халқы', 'халықтың', 'халқымыз']],
  ['бар', ['барамын', 'барасың', 'барамыз', 'барады', 'бардым', 'бардың', 'бардық', 'бармады', 'бармаймын', 'барған', 'бармаған', 'барса', 'барып']],
  ['кел', ['келемін', 'келдік', 'келмейді', 'келген', 'келмеген']],
  ['оқы', ['оқиды', 'оқыды', 'оқымады']],
  // passive and participle: "was stolen" and "stole" meet
  ['ұрла', ['ұрлады', 'ұрланды', 'ұрланған', 'ұрлаған']],
  ['жаз', ['жазды', 'жазылды', 'жазатын', 'жазбаймыз']],
  // a noun in -у is not taken for a verbal noun: қару "weapon" is not қар "snow" + -у
  ['қару', ['қару', 'қаруы', 'қарулар']],
  ['айт', ['айтты', 'айтпады', 'айтқан', 'айтылды']],
  ['ет', ['ету', 'етеді', 'етті']],
  // й + а, й + у are written я, ю
  ['қой', ['қойды', 'қояды', 'қоятын']],
  ['сүй', ['сүйеді', 'сүю']],
];

describe('stemKazakh gives the forms of one word one stem', () => {
  it.each([...SAME_WORD, ...PARADIGMS].flatMap(([stem, forms]) => forms.map((form) => [form, stem] as const)))('%s → %s', (form, stem) => {
    expect(stemKazakh(form)).toBe(stem);
  });
});

/**
 * Forms Apertium's lexicon also lists as words of their own: the analyzer, which has no word
 * frequencies, keeps the reading with fewer endings, so these stay apart from the word they inflect.
 */
const READ_AS_ANOTHER_WORD: readonly (readonly [form: string, term: string, why: string])[] = [
  ['жылға', 'жылға', 'also the noun "ravine" (not жыл + dative)'],
  ['алды', 'алды', 'also the noun "front" (not ал "take" + past tense)'],
  ['ақыны', 'ақы', 'ақы "payment" + accusative, one ending, as ақын "poet" + possessive'],
  ['бару', 'бару', 'the noun "going": a verbal noun in -у that the lexicon lists as a noun stays one'],
];

/** Adjectives that are also a noun with one case or possessive ending: read as the noun, as inflected text mostly means. */
const ADJECTIVE_OVER_NOUN: readonly (readonly [form: string, noun: string])[] = [
  ['жылы', 'жыл'],
  ['тісті', 'тіс'],
  ['жемісті', 'жеміс'],
  ['қажетті', 'қажет'],
];

describe('stemKazakh reads an adjective that is a noun form as the noun', () => {
  it.each(ADJECTIVE_OVER_NOUN)('%s → %s', (form, noun) => {
    expect(stemKazakh(form)).toBe(noun);
  });
});

describe('stemKazakh on forms that are words of their own', () => {
  it.each(READ_AS_ANOTHER_WORD)('%s → %s (%s)', (form, term) => {
    expect(stemKazakh(form)).toBe(term);
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
