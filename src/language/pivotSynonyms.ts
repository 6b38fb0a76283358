import type { Language } from './analyzer.js';
import type { Lexicon, WeightedTerm } from './lexicon.js';

/**
 * Near-synonyms by pivoting through the other language of a bilingual lexicon (Bannard &
 * Callison-Burch 2005): two Russian terms that translate to the same English words mean much the
 * same ("погибнуть" and "умереть" both give "die"), and the other way round. A pair's weight is
 * p(b | a) = Σₑ p(e | a) · p(b | e), with each lexicon row's weights read as probabilities, so a pair
 * that shares several translations outweighs one that shares a single, loose one.
 */
export interface PivotOptions {
  /** Translations followed on each side: the lexicon lists the likeliest first. */
  perRow: number;
  /** Pairs below this probability are noise (a dictionary's rarer senses). */
  minWeight: number;
  /** Translations a pair must share, unless its probability alone is at least `strongWeight`. */
  minShared: number;
  strongWeight: number;
  /** Synonyms kept per term, best first. */
  limit: number;
}

export const DEFAULT_PIVOT: PivotOptions = { perRow: 6, minWeight: 0.04, minShared: 2, strongWeight: 0.2, limit: 8 };

const PIVOT_LANGUAGE: Partial<Record<Language, Language>> = { ru: 'en', en: 'ru' };

/** Synonyms of an analyzer term in its own term space, best first; empty for a language without a pivot. */
export function pivotSynonyms(lexicon: Lexicon, term: string, language: Language, options: PivotOptions = DEFAULT_PIVOT): WeightedTerm[] {
  const pivot = PIVOT_LANGUAGE[language];
  if (pivot === undefined) return [];
  const weight = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const via of asProbabilities(translationsOf(lexicon, term, language, pivot), options.perRow)) {
    for (const back of asProbabilities(lexicon.translations(via.term, pivot, language), options.perRow)) {
      if (back.term === term) continue;
      weight.set(back.term, (weight.get(back.term) ?? 0) + via.weight * back.weight);
      shared.set(back.term, (shared.get(back.term) ?? 0) + 1);
    }
  }
  return [...weight]
    .filter(([b, w]) => w >= options.minWeight && ((shared.get(b) ?? 0) >= options.minShared || w >= options.strongWeight))
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, options.limit)
    .map(([b, w]) => ({ term: b, weight: w }));
}

/**
 * A term's translations, or, for an inflected form the dictionary does not list ("погибл" of
 * "погибли" where it has "погиба"), those of the listed terms sharing its longest prefix.
 */
function translationsOf(lexicon: Lexicon, term: string, from: Language, to: Language): readonly WeightedTerm[] {
  const direct = lexicon.translations(term, from, to);
  if (direct.length > 0) return direct;
  // A short shared prefix can match hundreds of rows: the first few are the closest forms.
  const near = lexicon.nearestTerms(term, from, to, Math.max(4, term.length - 2)).slice(0, MAX_NEAR_ROWS);
  return near.flatMap((key) => lexicon.translations(key, from, to)).sort((a, b) => b.weight - a.weight);
}

const MAX_NEAR_ROWS = 3;

/** The first `limit` entries of a row, their weights scaled to sum to one. */
function asProbabilities(row: readonly WeightedTerm[], limit: number): WeightedTerm[] {
  const kept = row.slice(0, limit);
  const total = kept.reduce((sum, t) => sum + t.weight, 0);
  return total === 0 ? [] : kept.map((t) => ({ term: t.term, weight: t.weight / total }));
}
