import type { LayerKind } from './data/kazakhEndings.js';

/** Sounds at the boundary of a Kazakh stem and its endings, shared by the stem search and the suffix stripper. */
export const VOWELS = 'аәеёиоөуұүыіэюя';
/** Voiceless finals, and the voiced ones that devoice at the end of a loanword. */
export const VOICELESS = 'пкқстшщфхцчбвгғд';
/**
 * A root's last consonant voices before a vowel-initial ending (кітап → кітабы, жүрек → жүрегі,
 * тарақ → тарағы); native roots never end in б, г or ғ, so mapping them back makes both forms meet.
 */
export const UNVOICED: Readonly<Record<string, string>> = { б: 'п', г: 'к', ғ: 'қ' };

export const isVowel = (letter: string): boolean => VOWELS.includes(letter);

/**
 * Kazakh assimilation decides which variant of an ending follows which sound (қала-да but кітап-та,
 * жыл-дар but тау-лар, бар-ма-ды), which rules out most false cuts before the table is asked.
 */
export function endingFits(stem: string, ending: string, kind: LayerKind): boolean {
  const before = stem.slice(-1);
  const first = ending[0]!;
  const vowelBefore = isVowel(before);
  if (first === 'у') return true;
  // у after a vowel sounds as a consonant: тұру-ы, жау-ады
  if (isVowel(first)) return !vowelBefore || before === 'у';
  if (ending === 'т' || ending === 'р' || ending === 'с' || ending === 'п' || ending === 'сы' || ending === 'сі' || first === 'й' || first === 'ң') return vowelBefore;
  if ('тқкп'.includes(first)) return VOICELESS.includes(before);
  // б- follows a voiced consonant only: a vowel takes м- (бала-мен, қала-ма), not б-
  if (first === 'б') return !vowelBefore && !'пкқстшщфхцч'.includes(before);
  if ('дғг'.includes(first)) return !'пкқстшщфхцч'.includes(before);
  if (first === 'л') return vowelBefore || 'руй'.includes(before);
  if (first === 'н') return kind === 'nominal' || kind === 'attributive' ? caseInNFits(before, ending) : vowelBefore;
  if (first === 'м') return vowelBefore || 'мнңлруйжз'.includes(before);
  return true;
}

/**
 * Case endings in н-: the genitive -ның follows vowels and м, н, ң, the accusative -ны vowels, the
 * ablative -нан м, н, ң and a possessive; the rest (-на, -нда, -н) only a third-person possessive
 * -ы/-і (қала-сы-нда), so қазан-да is not қаза-нда.
 */
function caseInNFits(before: string, ending: string): boolean {
  if (ending === 'ның' || ending === 'нің') return isVowel(before) || 'мнң'.includes(before);
  if (ending === 'ны' || ending === 'ні') return isVowel(before);
  if (ending === 'нан' || ending === 'нен') return 'ыімнң'.includes(before);
  return before === 'ы' || before === 'і';
}

/** The case endings in н- that need no possessive before them (-нікі is the genitive's). */
const AFTER_ANY_VOWEL = new Set(['ның', 'нің', 'ны', 'ні', 'нан', 'нен', 'нікі', 'ныкі']);

/** A case ending in н- that only follows a third-person possessive: -нда, -на, -н. */
export const needsPossessive = (ending: string): boolean => ending.startsWith('н') && !AFTER_ANY_VOWEL.has(ending);
