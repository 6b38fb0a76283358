import { type Figure, extractFigures } from '../chunking/figures.js';
import type { Embedder } from '../embedding/embedder.js';
import type { IndexedDocument, IndexedSentence, KnowledgeSnapshot } from '../index/snapshot.js';
import { reciprocalRankFusion } from './fuse.js';
import { lexicalIndexFor } from './lexicalIndex.js';
import { quantityIntent } from './questionIntent.js';
import { DEFAULT_WEIGHTS, type ScoringWeights, type SentenceEvidence, scoreSentence, weightedShare } from './scoreSentence.js';
import { contentTerms } from './terms.js';

export interface RetrievalOptions {
  /** Neighbours asked of each retriever before fusion. */
  candidatesPerRetriever: number;
  /** Fused passages whose sentences are scored. */
  passagesToScore: number;
  weights: ScoringWeights;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { candidatesPerRetriever: 30, passagesToScore: 10, weights: DEFAULT_WEIGHTS };

export interface RankedSentence extends SentenceEvidence {
  sentence: IndexedSentence;
  document: IndexedDocument;
  figures: Figure[];
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
  const dense = snapshot.vectors.search(queryVector, options.candidatesPerRetriever);
  const passageSimilarity = new Map(dense.map((n) => [n.label, n.similarity]));
  const fused = reciprocalRankFusion([dense.map((n) => n.label), lexical.search(question, options.candidatesPerRetriever)]);
  const questionTerms = contentTerms(question);
  const unknownTerms = weightedShare(questionTerms, (term) => !lexical.knows(term), lexical.idf);
  const intent = quantityIntent(question);
  return candidateSentences(snapshot, fused.slice(0, options.passagesToScore), passageSimilarity)
    .map(({ sentence, document, passage }) => {
      const sentenceTerms = new Set(contentTerms(sentence.text));
      const evidence: SentenceEvidence = {
        cosine: snapshot.sentenceVectors.dot(sentence.row, queryVector),
        passage,
        lexical: weightedShare(questionTerms, (term) => sentenceTerms.has(term), lexical.idf),
        unknownTerms,
        figures: extractFigures(sentence.text),
      };
      return { ...evidence, sentence, document, figures: [...evidence.figures], score: scoreSentence(evidence, intent, options.weights) };
    })
    .sort((a, b) => b.score - a.score);
}

interface Candidate {
  sentence: IndexedSentence;
  document: IndexedDocument;
  /** Best dense similarity among the scored passages that hold the sentence. */
  passage: number;
}

/** Sentences of the given passages, each once, in passage order. */
function candidateSentences(snapshot: KnowledgeSnapshot, labels: readonly number[], similarity: ReadonlyMap<number, number>): Candidate[] {
  const byRow = new Map<number, Candidate>();
  for (const label of labels) {
    const passage = snapshot.passageByLabel.get(label);
    const document = passage && snapshot.documentById.get(passage.documentId);
    if (!passage || !document) continue;
    const passageSimilarity = similarity.get(label) ?? 0;
    for (const sentence of document.sentences.slice(passage.firstSentence, passage.firstSentence + passage.sentenceCount)) {
      const seen = byRow.get(sentence.row);
      if (seen) seen.passage = Math.max(seen.passage, passageSimilarity);
      else byRow.set(sentence.row, { sentence, document, passage: passageSimilarity });
    }
  }
  return [...byRow.values()];
}
