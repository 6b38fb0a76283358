import { type Figure, extractFigures } from '../chunking/figures.js';
import type { Sentence } from '../chunking/passages.js';
import type { Embedder } from '../embedding/embedder.js';
import type { IndexedDocument, KnowledgeSnapshot } from '../index/snapshot.js';
import { reciprocalRankFusion } from './fuse.js';
import { lexicalIndexFor } from './lexicalIndex.js';
import { quantityIntent } from './questionIntent.js';
import { lexicalOverlap, scoreSentence } from './scoreSentence.js';
import { contentTerms } from './terms.js';

export interface RetrievalOptions {
  /** Neighbours asked of each retriever before fusion. */
  candidatesPerRetriever: number;
  /** Fused passages whose sentences are scored. */
  passagesToScore: number;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { candidatesPerRetriever: 20, passagesToScore: 6 };

export interface RankedSentence {
  sentence: Sentence;
  document: IndexedDocument;
  figures: Figure[];
  cosine: number;
  lexical: number;
  score: number;
}

/**
 * Hybrid retrieval: HNSW and BM25 passages fused by reciprocal rank, then every sentence of the best
 * passages scored on its own, because an answer quotes a sentence, not a passage.
 */
export async function retrieve(
  snapshot: KnowledgeSnapshot,
  embedder: Embedder,
  question: string,
  options: RetrievalOptions = DEFAULT_RETRIEVAL,
): Promise<RankedSentence[]> {
  if (snapshot.vectors.size === 0) return [];
  const lexical = lexicalIndexFor(snapshot);
  const [queryVector] = (await embedder.embed([question], 'query')) as [Float32Array];
  const dense = snapshot.vectors.search(queryVector, options.candidatesPerRetriever).map((n) => n.label);
  const fused = reciprocalRankFusion([dense, lexical.search(question, options.candidatesPerRetriever)]);
  const candidates = sentencesOf(snapshot, fused.slice(0, options.passagesToScore));
  const sentenceVectors = await embedder.embed(candidates.map((c) => c.sentence.text), 'passage');
  const questionTerms = contentTerms(question);
  const intent = quantityIntent(question);
  return candidates
    .map(({ sentence, document }, i) => {
      const cosine = dot(queryVector, sentenceVectors[i] as Float32Array);
      const overlap = lexicalOverlap(questionTerms, new Set(contentTerms(sentence.text)), lexical.idf);
      const figures = extractFigures(sentence.text);
      return { sentence, document, figures, cosine, lexical: overlap, score: scoreSentence({ cosine, lexical: overlap, figures }, intent) };
    })
    .sort((a, b) => b.score - a.score);
}

/** Sentences of the given passages, each once, in passage order. */
function sentencesOf(snapshot: KnowledgeSnapshot, labels: readonly number[]) {
  const seen = new Set<string>();
  const result: Array<{ sentence: Sentence; document: IndexedDocument }> = [];
  for (const label of labels) {
    const passage = snapshot.passageByLabel.get(label);
    const document = passage && snapshot.documentById.get(passage.documentId);
    if (!passage || !document) continue;
    for (const sentence of document.sentences.slice(passage.firstSentence, passage.firstSentence + passage.sentenceCount)) {
      const key = `${document.id}:${sentence.start}`;
      if (!seen.has(key)) {
        seen.add(key);
        result.push({ sentence, document });
      }
    }
  }
  return result;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
