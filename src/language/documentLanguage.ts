import type { Language } from './analyzer.js';
import { detectLanguage } from './detectLanguage.js';

const KAZAKH_LETTER = /[әғқңөұүһі]/iu;
/** Kazakh prose has a Kazakh-only letter in a third or more of its words; Russian news about Kazakhstan, in a few names. */
const KAZAKH_WORD_SHARE = 0.15;
/** Below this many Cyrillic words the share says little: the question detector's function words decide. */
const MIN_WORDS_FOR_SHARE = 20;

/**
 * The language of a whole document. Unlike `detectLanguage`, which is made for a question, one
 * Kazakh name ("Ақорда") in a Russian post does not make the post Kazakh: for Cyrillic text it
 * is the share of words with a Kazakh-only letter that decides. Null when the text has no letters.
 */
export function detectDocumentLanguage(text: string): Language | null {
  const short = detectLanguage(text);
  if (short === null || short === 'en') return short;
  const words = text.match(/\p{Script=Cyrillic}{2,}/gu) ?? [];
  if (words.length < MIN_WORDS_FOR_SHARE) return short;
  const kazakh = words.filter((word) => KAZAKH_LETTER.test(word)).length;
  return kazakh / words.length >= KAZAKH_WORD_SHARE ? 'kk' : 'ru';
}
