import { type GuardedEnding, SLOTS_OUTSIDE_IN, type SuffixSlot } from './data/kazakhSuffixes.js';
import { knownKazakhStem } from './kazakhStemSearch.js';
import { UNVOICED, VOICELESS, VOWELS } from './kazakhSounds.js';
import { kazakhStems } from './kazakhStems.js';

/** Shorter stems merge unrelated words ("ел", "ат" are roots, but so are most two-letter ends). */
const MIN_STEM = 2;
/** A guarded ending is a single letter or two, so what it leaves must look like a real root. */
const MIN_STEM_GUARDED = 3;
/** Word ends that look inflected but are not: the -стан of country names is no ablative. */
const NOT_ENDINGS: readonly RegExp[] = [/стан$/u];

/**
 * The sound an ending starts with decides what may stand before it (Kazakh assimilation:
 * қала-да but кітап-та, жыл-дар but тау-лар), which tells a real ending from a root's last letters.
 */
function endingFitsStem(stem: string, ending: string): boolean {
  const before = stem.slice(-1);
  const first = ending[0] ?? '';
  const vowelBefore = VOWELS.includes(before);
  if ('тқкп'.includes(first)) return VOICELESS.includes(before);
  if ('дғгб'.includes(first)) return !'пкқстшщфхцч'.includes(before);
  // a root of two letters before н- is too often a root's own end: саны is сан-ы, not са-ны
  if (first === 'н') return stem.length >= 3 && fitsN(stem, ending);
  if ('лс'.includes(first)) return vowelBefore || (first === 'л' && 'руй'.includes(before));
  if (first === 'м') return vowelBefore || 'мнңлруйжз'.includes(before);
  if (first === 'й') return vowelBefore;
  // a root does not end in a doubled consonant: зерттеді is зертте-ді, not зертт-еді
  if (VOWELS.includes(first)) return !vowelBefore && before !== 'й' && stem.slice(-2, -1) !== before;
  return true;
}

/**
 * The genitive -ның follows vowels (у and и sound as consonants: су-дың) and м, н, ң (адам-ның); the
 * accusative -ны never follows ы or і, which would be a possessive: ақын-ы, not ақы-ны.
 */
function fitsN(stem: string, ending: string): boolean {
  const before = stem.slice(-1);
  if (ending === 'ның' || ending === 'нің') return 'аәеоөұүыіэюямнң'.includes(before);
  if (ending === 'ны' || ending === 'ні') return 'аәеоөұүэюя'.includes(before);
  // the ablative -нан follows м, н, ң (адам-нан) and a possessive (қаласы-нан)
  return 'ыімнң'.includes(before);
}

/** An ending of a slot with the test that the stem it leaves must pass. */
interface Candidate {
  readonly ending: string;
  readonly accepts: (stem: string) => boolean;
}

const plain = (ending: string): Candidate => ({
  ending,
  accepts: (stem) => isRoot(stem, MIN_STEM) && endingFitsStem(stem, ending),
});
const guarded = ({ ending, after }: GuardedEnding): Candidate => ({
  ending,
  accepts: (stem) => isRoot(stem, MIN_STEM_GUARDED) && after.test(stem),
});

/** Each slot's endings, longest first, so that -ндегі wins over -дегі and -сы over -ы. */
const PREPARED: readonly (readonly Candidate[])[] = SLOTS_OUTSIDE_IN.map((slot: SuffixSlot) =>
  [...slot.endings.map(plain), ...(slot.guarded ?? []).map(guarded)].sort((a, b) => b.ending.length - a.ending.length),
);

function isRoot(stem: string, minimum: number): boolean {
  return stem.length >= minimum && [...stem].some((letter) => VOWELS.includes(letter));
}

function stripSlot(word: string, slot: readonly Candidate[]): string {
  if (NOT_ENDINGS.some((pattern) => pattern.test(word))) return word;
  for (const { ending, accepts } of slot) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (accepts(stem)) return stem;
  }
  return word;
}

/**
 * Unknown words: inflectional endings removed slot by slot from the end (personal ending, case,
 * possessive, plural, verb form), each at most once, never below a short root with a vowel.
 */
export function stripKazakhEndings(word: string): string {
  const stem = PREPARED.reduce(stripSlot, word);
  const last = stem.slice(-1);
  const unvoiced = UNVOICED[last];
  return unvoiced && stem.length > 2 ? stem.slice(0, -1) + unvoiced : stem;
}

/**
 * The term of a lower-cased Kazakh word: the lemma of the stem of Apertium's lexicon that its endings
 * reach with the fewest endings (кітабында → кітап, ұрланған → ұрла), else the stripped word.
 */
export function stemKazakh(word: string): string {
  return knownKazakhStem(word, kazakhStems()) ?? stripKazakhEndings(word);
}
