import type { Figure } from '../chunking/figures.js';
import type { QuantityIntent } from './questionIntent.js';

export interface ScoringWeights {
  lexical: number;
  /** Weight of the similarity of the best passage that holds the sentence: context the sentence alone lacks. */
  passage: number;
  /**
   * Added for a sentence that states the kind of figure the question asks for first (half for a kind it
   * accepts too: "how much damage" prefers money to a count); subtracted when it states none.
   */
  figure: number;
  /** Subtracted in proportion to the question's weight in words the corpus never uses (off-topic questions). */
  unknownTerms: number;
}

/** Tuned with `npm run eval` on the bundled model. */
export const DEFAULT_WEIGHTS: ScoringWeights = { lexical: 0.8, passage: 0.1, figure: 0.1, unknownTerms: 0.8 };

export interface SentenceEvidence {
  /** Question–sentence cosine similarity. */
  cosine: number;
  /** Cosine similarity of the question to the best passage holding the sentence (0 if only BM25 found it). */
  passage: number;
  /** IDF-weighted share of the question's content terms found in the sentence, 0..1. */
  lexical: number;
  /** IDF-weighted share of the question's content terms that occur nowhere in the corpus, 0..1. */
  unknownTerms: number;
  figures: readonly Figure[];
}

export function scoreSentence(evidence: SentenceEvidence, intent: QuantityIntent, weights: ScoringWeights = DEFAULT_WEIGHTS): number {
  let score = evidence.cosine + weights.lexical * evidence.lexical + weights.passage * evidence.passage;
  score -= weights.unknownTerms * evidence.unknownTerms;
  if (intent.wants === 'figure') {
    const [preferred] = intent.kinds;
    if (evidence.figures.some((figure) => figure.kind === preferred)) score += weights.figure;
    else if (evidence.figures.some((figure) => intent.kinds.includes(figure.kind))) score += weights.figure / 2;
    else score -= weights.figure;
  }
  return score;
}

/** Share of the question's term weight that `has` accepts. */
export function weightedShare(questionTerms: readonly string[], has: (term: string) => boolean, idf: (term: string) => number): number {
  const unique = [...new Set(questionTerms)];
  const total = unique.reduce((sum, term) => sum + idf(term), 0);
  if (total === 0) return 0;
  return unique.filter(has).reduce((sum, term) => sum + idf(term), 0) / total;
}
