import type { Language } from './analyzer.js';
import type { Lexicon, WeightedTerm } from './lexicon.js';
import { russianSpelling } from './transliterate.js';

/*
 * Where a Kazakh word's translations come from when its own term is not in the Kazakh lexicon.
 */

/** Two Kazakh words the lexicon holds as one ("қаза тап", to die) are keyed by their terms joined. */
export const PHRASE_JOIN = '_';

/**
 * Kazakh builds words by adding suffixes: a term the lexicon lacks is most likely a stem it has
 * plus a derivational suffix (ұрлан-, "be stolen", is ұрла- plus -н). The longest such stem of at
 * least 3 letters, else the lexicon's terms that add at most two letters to it.
 */
export function kazakhStems(lexicon: Lexicon, term: string, to: Language): string[] {
  for (let length = term.length - 1; length >= Math.max(3, term.length - 3); length--) {
    const stem = term.slice(0, length);
    if (lexicon.translations(stem, 'kk', to).length > 0) return [stem];
  }
  return lexicon.nearestTerms(term, 'kk', to, term.length).filter((key) => key !== term && key.length <= term.length + 2 && !key.includes(PHRASE_JOIN));
}

/**
 * A Kazakh word the Kazakh lexicon lacks is often a Russian loan with Kazakh endings (митингілер,
 * "rallies"): its stem read as a Russian term, or without its last letter, goes on to `to`.
 */
export function russianLoan(lexicon: Lexicon, term: string, to: Language, discount: number): WeightedTerm[] {
  const russian = russianSpelling(term);
  for (let length = russian.length; length >= Math.max(4, russian.length - 1); length--) {
    const found = lexicon.translations(russian.slice(0, length), 'ru', to);
    if (found.length > 0) return found.map((t) => ({ ...t, weight: t.weight * discount }));
  }
  return [];
}
