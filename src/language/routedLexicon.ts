import type { Language } from './analyzer.js';
import { type Lexicon, type WeightedTerm, loadKazakhLexicon, loadLexicon } from './lexicon.js';

/** Each lexicon read only when a question first needs it. */
export interface LexiconSources {
  ruEn: () => Lexicon;
  kkRu: () => Lexicon;
}

export const COMMITTED_LEXICONS: LexiconSources = { ruEn: () => loadLexicon(), kkRu: () => loadKazakhLexicon() };

/** Translations kept per term through Russian: many, since the translator keeps only those the corpus has. */
const MAX_PIVOTED = 48;
/** A Russian term the second lexicon lists only in a related form (беспорядок, беспорядки: riots) counts this much. */
const RELATED_FORM_WEIGHT = 0.6;

/**
 * Forms whose word is another stem's: "лет" is the counted plural of "год" (years), not only "лето"
 * (summer), and "человек" after a number is the plural "люди" (people); the dictionary lists one form.
 */
export const SUPPLETIVE: Readonly<Record<string, string>> = { лет: 'год', человек: 'люд' };

/**
 * The second lexicon's translations of a Russian term met halfway, with those of its plural or
 * other stem (человек → люди) and of the terms it lists sharing all but its last two letters.
 */
function middleTranslations(lexicon: Lexicon, term: string, from: Language, to: Language): WeightedTerm[] {
  const other = SUPPLETIVE[term];
  const own = [...lexicon.translations(term, from, to), ...(other === undefined ? [] : lexicon.translations(other, from, to))];
  const prefix = term.slice(0, Math.max(5, term.length - 2));
  const related = lexicon
    .nearestTerms(prefix, from, to, prefix.length)
    .filter((key) => key !== term && key.length <= term.length + 1)
    .flatMap((key) => lexicon.translations(key, from, to).map((t) => ({ ...t, weight: t.weight * RELATED_FORM_WEIGHT })));
  return [...own, ...related];
}

/** The legs from one language to another: one lexicon, or two through Russian (Kazakh ↔ English). */
function legs(from: Language, to: Language, sources: LexiconSources): ReadonlyArray<readonly [Language, Language, () => Lexicon]> {
  const kazakh = from === 'kk' || to === 'kk';
  const english = from === 'en' || to === 'en';
  if (from === to) return [];
  if (!kazakh) return [[from, to, sources.ruEn]];
  if (!english) return [[from, to, sources.kkRu]];
  return from === 'kk'
    ? [['kk', 'ru', sources.kkRu], ['ru', 'en', sources.ruEn]]
    : [['en', 'ru', sources.ruEn], ['ru', 'kk', sources.kkRu]];
}

/**
 * One entry per term, its paths summed, best first, rescaled so that the best weighs 1. Summed, a
 * term that several Russian words agree on (азаптау → мучение, пытка → torture) outranks one
 * sense of one Russian word: on the Kazakh seed set recall@1 went from 28% (best path) to 38%.
 */
function bestPaths(candidates: readonly WeightedTerm[]): WeightedTerm[] {
  const merged = new Map<string, number>();
  for (const { term, weight } of candidates) merged.set(term, (merged.get(term) ?? 0) + weight);
  const sorted = [...merged].sort((a, b) => b[1] - a[1]).slice(0, MAX_PIVOTED);
  const best = sorted[0]?.[1] ?? 1;
  return sorted.map(([term, weight]) => ({ term, weight: Number((weight / best).toFixed(3)) }));
}

/**
 * Every language pair the lexicons reach: Russian ↔ English (Mueller), Kazakh ↔ Russian (Apertium)
 * and Kazakh ↔ English through Russian, the weights multiplied along each path (залал → вред 1.0 →
 * harm 1.0; залал → ущерб 0.96 → damage 0.71 gives damage 0.68) and summed over paths.
 */
export function routedLexicon(sources: LexiconSources = COMMITTED_LEXICONS): Lexicon & { reaches(from: Language, to: Language): boolean } {
  const pivoted = new Map<string, WeightedTerm[]>();
  return {
    reaches: (from, to) => legs(from, to, sources).length > 0,
    translations(term, from, to) {
      const path = legs(from, to, sources);
      if (path.length !== 2) return path.length === 1 ? path[0]![2]().translations(term, from, to) : [];
      const key = `${from}>${to}\t${term}`;
      let found = pivoted.get(key);
      if (!found) {
        const [[, via, first], [, , second]] = path as [(typeof path)[0], (typeof path)[0]];
        const middle = first().translations(term, from, via);
        found = bestPaths(middle.flatMap((m) => middleTranslations(second(), m.term, via, to).map((t) => ({ term: t.term, weight: m.weight * t.weight }))));
        if (pivoted.size > 50_000) pivoted.clear();
        pivoted.set(key, found);
      }
      return found;
    },
    nearestTerms(term, from, to, min) {
      const first = legs(from, to, sources)[0];
      return first ? first[2]().nearestTerms(term, from, first[1], min) : [];
    },
    word(term, language) {
      return language === 'en' ? sources.ruEn().word(term, language) : term;
    },
  };
}
