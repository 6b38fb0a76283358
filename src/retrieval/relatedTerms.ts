import { relatedStems } from '../language/englishRelations.js';
import { loadLexicon } from '../language/lexicon.js';
import { pivotSynonyms } from '../language/pivotSynonyms.js';
import type { RelatedTerms } from './questionAnalysis.js';

/**
 * Terms that say the same thing another way: WordNet relations for English, and for English and
 * Russian the near-synonyms that share translations in the Russian–English lexicon. Kazakh has none.
 */
export const relatedTerms: RelatedTerms = (term, language) => {
  if (language === 'kk') return [];
  const key = `${language}\t${term}`;
  let found = relatedCache.get(key);
  if (found === undefined) {
    const pivoted = pivotSynonyms(loadLexicon(), term, language).map((s) => s.term);
    found = language === 'en' ? [...new Set([...relatedStems(term), ...pivoted])] : pivoted;
    // A term's relations never change; the cache is only bounded so a long-running bot's memory is.
    if (relatedCache.size >= RELATED_CACHE_SIZE) relatedCache.clear();
    relatedCache.set(key, found);
  }
  return found;
};
const RELATED_CACHE_SIZE = 50_000;
const relatedCache = new Map<string, readonly string[]>();
