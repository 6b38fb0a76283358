import { D, K, type LexicalData } from './lexicalData.js';

/** A query term in the index's term space, weighted (1 for the question's own words, less for translations and relations). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** BM25 over passages, and per-sentence terms and frequencies for the sentence features. */
export interface LexicalIndex {
  /** Term id, or −1 for a term no sentence uses. */
  termId(term: string): number;
  /** Passage labels, best first. */
  search(terms: readonly WeightedTerm[], limit: number): number[];
  /** Inverse document frequency of a term over sentences; unseen terms weigh most. */
  idf(term: string): number;
  /** Whether any sentence of the corpus uses the term. */
  knows(term: string): boolean;
  /** Term ids of a sentence row, in text order with repeats. */
  sentenceTermIds(row: number): Int32Array;
  readonly averageSentenceLength: number;
  readonly sentenceCount: number;
  /** The terms the corpus uses, for query translation (one object per index: translators cache by it). */
  readonly vocabulary: { has(term: string): boolean; terms(): Iterable<string> };
}

/**
 * Postings in flat typed arrays, and only the top `limit` passages selected: MiniSearch built a Map
 * entry per matching passage and sorted them all, 7 ms a question at 10k passages and 131 ms at 100k.
 */
export function lexicalIndexFrom(data: LexicalData): LexicalIndex {
  const termIds = new Map(data.terms.map((term, id) => [term, id]));
  const termId = (term: string) => termIds.get(term) ?? -1;
  const frequencyOf = (term: string) => {
    const id = termId(term);
    return id < 0 ? 0 : (data.sentenceFrequency[id] as number);
  };
  const searcher = createSearcher(data);
  return {
    termId,
    search: (terms, limit) => searcher(terms.map((t) => ({ id: termId(t.term), weight: t.weight })), limit),
    knows: (term) => frequencyOf(term) > 0,
    idf: (term) => Math.log(1 + (data.sentenceCount + 1) / (frequencyOf(term) + 0.5)),
    sentenceTermIds: (row) => data.sentenceTerms.subarray(data.sentenceOffsets[row], data.sentenceOffsets[row + 1]),
    averageSentenceLength: data.sentenceCount === 0 ? 1 : data.sentenceTerms.length / data.sentenceCount,
    sentenceCount: data.sentenceCount,
    vocabulary: { has: (term) => termIds.has(term), terms: () => data.terms },
  };
}

/** Scores into reusable per-passage arrays and resets only the passages a question touched. */
function createSearcher(p: LexicalData): (terms: ReadonlyArray<{ id: number; weight: number }>, limit: number) => number[] {
  const count = p.labels.length;
  const scores = new Float64Array(count);
  const matched = new Int32Array(count);
  const touched = new Int32Array(count);
  return (terms, limit) => {
    let touchedCount = 0;
    const seen = new Set<number>();
    for (const { id, weight } of terms) {
      if (id < 0) continue;
      const first = !seen.has(id);
      seen.add(id);
      const start = p.offsets[id] as number;
      const end = p.offsets[id + 1] as number;
      const df = end - start;
      const idf = weight * Math.log(1 + (count - df + 0.5) / (df + 0.5));
      for (let i = start; i < end; i++) {
        const passage = p.passages[i] as number;
        const tf = p.frequencies[i] as number;
        if (matched[passage] === 0) touched[touchedCount++] = passage;
        scores[passage] = (scores[passage] as number) + idf * (D + (tf * (K + 1)) / (tf + (p.lengthNorm[passage] as number)));
        if (first) matched[passage] = (matched[passage] as number) + 1;
      }
    }
    const best = topByScore(touched, touchedCount, scores, matched, limit);
    for (let i = 0; i < touchedCount; i++) {
      const passage = touched[i] as number;
      scores[passage] = 0;
      matched[passage] = 0;
    }
    return best.map((passage) => p.labels[passage] as number);
  };
}

/** The `limit` best passages by score × distinct terms matched; on a tie the one seen first wins, like a stable sort. */
function topByScore(order: Int32Array, n: number, scores: Float64Array, matched: Int32Array, limit: number): number[] {
  const best: number[] = [];
  const bestScores: number[] = [];
  for (let i = 0; i < n; i++) {
    const passage = order[i] as number;
    const score = (scores[passage] as number) * (matched[passage] as number);
    if (best.length === limit && score <= (bestScores[limit - 1] as number)) continue;
    let at = best.length;
    while (at > 0 && (bestScores[at - 1] as number) < score) at--;
    best.splice(at, 0, passage);
    bestScores.splice(at, 0, score);
    if (best.length > limit) {
      best.pop();
      bestScores.pop();
    }
  }
  return best;
}
