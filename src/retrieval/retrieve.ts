import { type Figure, extractFigures } from '../chunking/figures.js';
import type { Embedder } from '../embedding/embedder.js';
import type { IndexedDocument, IndexedSentence, KnowledgeSnapshot } from '../index/snapshot.js';
import { reciprocalRankFusion } from './fuse.js';
import { type LexicalIndex, lexicalIndexFor } from './lexicalIndex.js';
import { countedThing } from './countedThing.js';
import { questionFocus } from './questionFocus.js';
import { asksForAgent, quantityIntent } from './questionIntent.js';
import {
  DEFAULT_WEIGHTS,
  type QuestionShape,
  type ScoringWeights,
  type SentenceEvidence,
  scoreSentence,
  weightedShare,
} from './scoreSentence.js';
import { namesAgent, refersBack } from './sentenceCues.js';
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
  const query = readQuestion(question, lexical);
  return candidateSentences(snapshot, fused.slice(0, options.passagesToScore), passageSimilarity)
    .map((candidate) => {
      const evidence = gatherEvidence(candidate, query, lexical, snapshot.sentenceVectors.dot(candidate.sentence.row, queryVector));
      return { ...evidence, ...candidate, figures: [...evidence.figures], score: scoreSentence(evidence, query.shape, options.weights) };
    })
    .sort((a, b) => b.score - a.score);
}

interface ReadQuestion {
  terms: string[];
  shape: QuestionShape;
  unknownTerms: number;
}

function readQuestion(question: string, lexical: LexicalIndex): ReadQuestion {
  const terms = contentTerms(question);
  const focus = questionFocus(question);
  const focusUnknown = focus !== null && !lexical.knows(focus);
  return {
    terms,
    shape: { quantity: quantityIntent(question), wantsAgent: asksForAgent(question), focus, counted: countedThing(question) },
    unknownTerms: focusUnknown ? 1 : weightedShare(terms, (term) => !lexical.knows(term), lexical.idf),
  };
}

function gatherEvidence(candidate: Candidate, query: ReadQuestion, lexical: LexicalIndex, cosine: number): SentenceEvidence {
  const { sentence, document, index } = candidate;
  const own = new Set(contentTerms(sentence.text));
  const previous = index > 0 && refersBack(sentence.text) ? document.sentences[index - 1] : undefined;
  const inherited = new Set(previous ? contentTerms(previous.text) : []);
  const { focus, counted } = query.shape;
  const mentions = (term: string) => own.has(term) || inherited.has(term);
  return {
    cosine,
    passage: candidate.passage,
    lexical: weightedShare(query.terms, (term) => own.has(term), lexical.idf),
    contextLexical: weightedShare(query.terms, (term) => !own.has(term) && inherited.has(term), lexical.idf),
    unknownTerms: query.unknownTerms,
    figures: extractFigures(sentence.text),
    namesAgent: namesAgent(sentence.text),
    mentionsFocus: focus !== null && mentions(focus),
    mentionsCounted: counted === null || mentions(counted),
  };
}

interface Candidate {
  sentence: IndexedSentence;
  document: IndexedDocument;
  /** The sentence's position in its document. */
  index: number;
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
    const end = Math.min(passage.firstSentence + passage.sentenceCount, document.sentences.length);
    for (let index = passage.firstSentence; index < end; index++) {
      const sentence = document.sentences[index] as IndexedSentence;
      const seen = byRow.get(sentence.row);
      if (seen) seen.passage = Math.max(seen.passage, passageSimilarity);
      else byRow.set(sentence.row, { sentence, document, index, passage: passageSimilarity });
    }
  }
  return [...byRow.values()];
}
