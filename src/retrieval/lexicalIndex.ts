import MiniSearch from 'minisearch';
import type { KnowledgeSnapshot } from '../index/snapshot.js';
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

const cache = new WeakMap<KnowledgeSnapshot, LexicalIndex>();

/** Built once per snapshot, on first use, so a reindex never leaves a stale lexical index behind. */
export function lexicalIndexFor(snapshot: KnowledgeSnapshot): LexicalIndex {
  let index = cache.get(snapshot);
  if (!index) {
    index = buildLexicalIndex(snapshot);
    cache.set(snapshot, index);
  }
  return index;
}

function buildLexicalIndex(snapshot: KnowledgeSnapshot): LexicalIndex {
  const search = new MiniSearch<{ label: number; text: string }>({
    idField: 'label',
    fields: ['text'],
    tokenize,
    processTerm: (term) => normalizeTerm(term),
    searchOptions: { combineWith: 'OR' },
  });
  const documentFrequency = new Map<string, number>();
  let sentenceCount = 0;
  for (const document of snapshot.documents) {
    search.addAll(document.passages.map(({ label, text }) => ({ label, text })));
    for (const sentence of document.sentences) {
      sentenceCount++;
      for (const term of new Set(tokenize(sentence.text).flatMap((w) => normalizeTerm(w) ?? []))) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }
  return {
    search: (question, limit) => search.search(question).slice(0, limit).map((hit) => hit.id as number),
    knows: (term) => documentFrequency.has(term),
    idf: (term) => Math.log(1 + (sentenceCount + 1) / ((documentFrequency.get(term) ?? 0) + 0.5)),
  };
}
