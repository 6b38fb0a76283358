import { type Figure, extractFigures } from '../chunking/figures.js';
import type { Embedder } from '../embedding/embedder.js';
import type { IndexedDocument, IndexedSentence, KnowledgeSnapshot } from '../index/snapshot.js';
import { analyzerFor, documentLanguage } from '../language/analyzer.js';
import { type QueryTranslator, createDictionaryTranslator } from '../language/queryTranslator.js';
import { type Question, type Reading, understandQuestion } from '../language/question.js';
import { readingContext } from './crossLanguage.js';
import { type CandidateView, candidateFeatures } from './features.js';
import { reciprocalRankFusion } from './fuse.js';
import { type AnalysedQuestion, type RelatedTerms, analyseQuestion } from './questionAnalysis.js';
import { relatedTerms } from './relatedTerms.js';
import { type SentenceRanker, defaultRanker } from './sentenceRanker.js';

export interface RetrievalOptions {
  /** Neighbours asked of each retriever before fusion. */
  candidatesPerRetriever: number;
  /** Fused passages whose sentences become candidates. */
  passagesToScore: number;
  related: RelatedTerms;
  /** Translates questions for documents in another language when the model is not multilingual. */
  translator: QueryTranslator;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { candidatesPerRetriever: 30, passagesToScore: 10, related: relatedTerms, translator: createDictionaryTranslator() };

export interface Candidate {
  sentence: IndexedSentence;
  document: IndexedDocument;
  /** The sentence's position in its document. */
  index: number;
  figures: Figure[];
  features: Float64Array;
}

export interface RankedSentence extends Candidate {
  /** The ranker's probability that the sentence answers the question. */
  probability: number;
}

export interface Candidates {
  question: AnalysedQuestion;
  candidates: Candidate[];
}

/** The question understood against this build and model: its shape, and its readings in the corpus's languages. */
export function understand(snapshot: KnowledgeSnapshot, embedder: Embedder, text: string, options: RetrievalOptions = DEFAULT_RETRIEVAL): Question {
  return understandQuestion(text, readingContext(snapshot, embedder.crossLingual === true, options.translator));
}

/**
 * Hybrid retrieval: HNSW and BM25 passages fused by reciprocal rank, then every sentence of the best
 * passages described by its features, because an answer quotes a sentence, not a passage. A model
 * that cannot read the question's language gives no dense list: its neighbours would be noise.
 */
export async function findCandidates(
  snapshot: KnowledgeSnapshot,
  embedder: Embedder,
  understood: Question,
  reading: Reading,
  options: RetrievalOptions = DEFAULT_RETRIEVAL,
): Promise<Candidates> {
  const { lexical } = snapshot;
  const question = analyseQuestion(understood, reading, lexical, options.related);
  if (snapshot.vectors.size === 0) return { question, candidates: [] };
  // A translation is in the documents' language, which the model reads.
  const reads = reading.translated || embedder.languages === undefined || embedder.languages.includes(reading.language);
  const [queryVector] = (await embedder.embed([reading.embeddingText], 'query')) as [Float32Array];
  const dense = reads ? snapshot.vectors.search(queryVector, options.candidatesPerRetriever) : [];
  const similarity = new Map(dense.map((n) => [n.label, n.similarity]));
  const lexicalRanking = lexical.search([...question.terms, ...question.expansion], options.candidatesPerRetriever);
  const fused = reciprocalRankFusion([dense.map((n) => n.label), lexicalRanking]).slice(0, options.passagesToScore);
  const placed = candidateSentences(snapshot, fused, similarity);
  const ranks = { lexical: rankOf(lexicalRanking), dense: rankOf(dense.map((n) => n.label)) };
  const documentTerms = documentTermsOf(snapshot);
  const views = placed.map((p) => ({
    ...view(snapshot, p, snapshot.sentenceVectors.dot(p.sentence.row, queryVector), reads),
    lexicalRank: bestRank(p.labels, ranks.lexical),
    denseRank: bestRank(p.labels, ranks.dense),
    documentTerms: documentTerms(p.document),
  }));
  const rows = candidateFeatures(question, views);
  const candidates = placed.map((p, i) => ({ sentence: p.sentence, document: p.document, index: p.index, figures: views[i]?.figures as Figure[], features: rows[i] as Float64Array }));
  return { question, candidates };
}

/** Candidates of every reading of the question, ranked by the trained model's probability that they answer, best first. */
export async function retrieve(
  snapshot: KnowledgeSnapshot,
  embedder: Embedder,
  question: Question,
  ranker: SentenceRanker = defaultRanker(),
  options: RetrievalOptions = DEFAULT_RETRIEVAL,
): Promise<RankedSentence[]> {
  const ranked: RankedSentence[] = [];
  for (const reading of question.readings) {
    ranked.push(...rankCandidates((await findCandidates(snapshot, embedder, question, reading, options)).candidates, ranker));
  }
  return bestPerSentence(ranked);
}

/** A sentence found by two readings keeps its more probable ranking. */
function bestPerSentence(ranked: readonly RankedSentence[]): RankedSentence[] {
  const best = new Map<number, RankedSentence>();
  for (const r of ranked) if ((best.get(r.sentence.row)?.probability ?? -1) < r.probability) best.set(r.sentence.row, r);
  return [...best.values()].sort((a, b) => b.probability - a.probability);
}

export function rankCandidates(candidates: readonly Candidate[], ranker: SentenceRanker): RankedSentence[] {
  return candidates.map((c) => ({ ...c, probability: ranker.probability(c.features) })).sort((a, b) => b.probability - a.probability);
}

interface Placed {
  sentence: IndexedSentence;
  document: IndexedDocument;
  index: number;
  passageCosine: number;
  rank: number;
  /** Labels of the scored passages that hold the sentence. */
  labels: number[];
}

const rankOf = (labels: readonly number[]) => new Map(labels.map((label, rank) => [label, rank]));

function bestRank(labels: readonly number[], ranks: ReadonlyMap<number, number>): number {
  const found = labels.flatMap((label) => ranks.get(label) ?? []);
  return found.length === 0 ? -1 : Math.min(...found);
}

/** The term set of each candidate document, made once per question. */
function documentTermsOf(snapshot: KnowledgeSnapshot): (document: IndexedDocument) => ReadonlySet<number> {
  const made = new Map<string, Set<number>>();
  return (document) => {
    let terms = made.get(document.id);
    if (!terms) {
      terms = new Set<number>();
      for (const sentence of document.sentences) for (const id of snapshot.lexical.sentenceTermIds(sentence.row)) terms.add(id);
      made.set(document.id, terms);
    }
    return terms;
  };
}

type OwnView = Omit<CandidateView, 'lexicalRank' | 'denseRank' | 'documentTerms'>;

function view(snapshot: KnowledgeSnapshot, p: Placed, cosine: number, readsLanguage: boolean): OwnView {
  const { lexical } = snapshot;
  const neighbour = (offset: number) => {
    const other = p.document.sentences[p.index + offset];
    return other ? lexical.sentenceTermIds(other.row) : null;
  };
  return {
    text: p.sentence.text,
    termIds: lexical.sentenceTermIds(p.sentence.row),
    before: neighbour(-1),
    after: neighbour(1),
    analyzer: analyzerFor(documentLanguage(p.document.language)),
    termId: lexical.termId,
    figures: extractFigures(p.sentence.text),
    cosine,
    passageCosine: p.passageCosine,
    readsLanguage,
    retrievalRank: p.rank,
    indexInDocument: p.index,
    documentLength: p.document.sentences.length,
    averageSentenceLength: lexical.averageSentenceLength,
  };
}

/** Sentences of the given passages, each once, in passage order, with the best passage that holds them. */
function candidateSentences(snapshot: KnowledgeSnapshot, labels: readonly number[], similarity: ReadonlyMap<number, number>): Placed[] {
  const byRow = new Map<number, Placed>();
  labels.forEach((label, rank) => {
    const passage = snapshot.passageByLabel.get(label);
    const document = passage && snapshot.documentById.get(passage.documentId);
    if (!passage || !document) return;
    const passageCosine = similarity.get(label) ?? 0;
    const end = Math.min(passage.firstSentence + passage.sentenceCount, document.sentences.length);
    for (let index = passage.firstSentence; index < end; index++) {
      const sentence = document.sentences[index] as IndexedSentence;
      const seen = byRow.get(sentence.row);
      if (seen) {
        seen.passageCosine = Math.max(seen.passageCosine, passageCosine);
        seen.labels.push(label);
      } else byRow.set(sentence.row, { sentence, document, index, passageCosine, rank, labels: [label] });
    }
  });
  return [...byRow.values()];
}
