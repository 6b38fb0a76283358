import type { IndexedDocument, KnowledgeSnapshot } from '../index/snapshot.js';
import { D, K, type LexicalData, buildLexicalData } from './lexicalPostings.js';
import { normalizeTerm, tokenize } from './terms.js';

/** BM25 over passages plus sentence-level document frequencies for weighting lexical evidence. */
export interface LexicalIndex {
  /** Passage labels, best first. */
  search(question: string, limit: number): number[];
  /** Inverse document frequency of a content term over sentences; unseen terms weigh most. */
  idf(term: string): number;
  /** Whether any sentence of the corpus uses the term. */
  knows(term: string): boolean;
}

/**
 * Keyed by the build's document list, which the snapshot shares with the store that wrote the build,
 * so the store can prepare it ahead of the swap; otherwise it is built on first use. Either way a
 * reindex never leaves a stale one behind.
 */
const cache = new WeakMap<readonly IndexedDocument[], LexicalIndex>();

export function lexicalIndexFor(snapshot: KnowledgeSnapshot): LexicalIndex {
  let index = cache.get(snapshot.documents);
  if (!index) {
    index = lexicalIndexFrom(buildLexicalData(snapshot.documents));
    cache.set(snapshot.documents, index);
  }
  return index;
}

/** Builds the lexical index of a build that is about to go live, so its first question finds it ready. */
export function prepareLexicalIndex(documents: readonly IndexedDocument[]): void {
  if (!cache.has(documents)) cache.set(documents, lexicalIndexFrom(buildLexicalData(documents)));
}

/**
 * Postings in flat typed arrays, and only the top `limit` passages selected: MiniSearch built a Map
 * entry per matching passage and sorted them all, 7 ms a question at 10k passages and 131 ms at 100k.
 */
export function lexicalIndexFrom(data: LexicalData): LexicalIndex {
  const termIds = new Map(data.terms.map((term, id) => [term, id]));
  const frequencyOf = (term: string) => {
    const id = termIds.get(term);
    return id === undefined ? 0 : (data.sentenceFrequency[id] as number);
  };
  const searcher = createSearcher(data, termIds);
  return {
    search: (question, limit) => searcher(tokenize(question).flatMap((word) => normalizeTerm(word) ?? []), limit),
    knows: (term) => frequencyOf(term) > 0,
    idf: (term) => Math.log(1 + (data.sentenceCount + 1) / (frequencyOf(term) + 0.5)),
  };
}

/** Scores into reusable per-passage arrays and resets only the passages a question touched. */
function createSearcher(p: LexicalData, termIds: ReadonlyMap<string, number>): (terms: readonly string[], limit: number) => number[] {
  const count = p.labels.length;
  const scores = new Float64Array(count);
  const matched = new Int32Array(count);
  const touched = new Int32Array(count);
  return (terms, limit) => {
    let touchedCount = 0;
    const seen = new Set<string>();
    for (const term of terms) {
      const id = termIds.get(term);
      const first = !seen.has(term);
      seen.add(term);
      if (id === undefined) continue;
      const start = p.offsets[id] as number;
      const end = p.offsets[id + 1] as number;
      const df = end - start;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
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
