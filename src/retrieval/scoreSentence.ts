import type { Figure } from '../chunking/figures.js';
import type { QuantityIntent } from './questionIntent.js';

export interface ScoringWeights {
  lexical: number;
  /**
   * Lexical evidence found only in the sentence before, for a sentence that refers back to it
   * ("As a result, many citizens were released."), counts at this fraction.
   */
  context: number;
  /** Weight of the similarity of the best passage that holds the sentence: context the sentence alone lacks. */
  passage: number;
  /**
   * Added for a sentence that states the kind of figure the question asks for first (half for a kind it
   * accepts too: "how much damage" prefers money to a count); subtracted when it states none.
   */
  figure: number;
  /**
   * Added for a sentence that names someone when the question asks who. Never subtracted: "the head of
   * state" names someone without a capital.
   */
  agent: number;
  /** Added for a sentence that mentions the thing a "what is the …" question asks about. */
  focus: number;
  /** Subtracted in proportion to the question's weight in words the corpus never uses (off-topic questions). */
  unknownTerms: number;
}

/** Tuned with `npm run eval` on the bundled model. */
export const DEFAULT_WEIGHTS: ScoringWeights = { lexical: 0.8, context: 0.5, passage: 0.1, figure: 0.1, agent: 0.1, focus: 0.1, unknownTerms: 0.8 };

/** What the question asks for, beyond its words. */
export interface QuestionShape {
  quantity: QuantityIntent;
  wantsAgent: boolean;
  /** The head term of "what is the …", or null. */
  focus: string | null;
  /** The thing a "how many" question counts, or null. */
  counted: string | null;
}

export interface SentenceEvidence {
  /** Question–sentence cosine similarity. */
  cosine: number;
  /** Cosine similarity of the question to the best passage holding the sentence (0 if only BM25 found it). */
  passage: number;
  /** IDF-weighted share of the question's content terms found in the sentence, 0..1. */
  lexical: number;
  /** Share of the question's term weight found only in the sentence before, when this one refers back to it. */
  contextLexical: number;
  /**
   * IDF-weighted share of the question's content terms that occur nowhere in the corpus, 0..1; 1 when the
   * question's focus is one of them, since the documents then never mention what is asked about.
   */
  unknownTerms: number;
  figures: readonly Figure[];
  namesAgent: boolean;
  /** The sentence (or the one it refers back to) mentions the question's focus. */
  mentionsFocus: boolean;
  /** The sentence (or the one it refers back to) mentions what the question counts; true when it counts nothing. */
  mentionsCounted: boolean;
}

export function scoreSentence(evidence: SentenceEvidence, shape: QuestionShape, weights: ScoringWeights = DEFAULT_WEIGHTS): number {
  let score = evidence.cosine + weights.passage * evidence.passage;
  score += weights.lexical * (evidence.lexical + weights.context * evidence.contextLexical);
  score -= weights.unknownTerms * evidence.unknownTerms;
  score += figureTerm(evidence.figures, shape.quantity, weights.figure);
  if (shape.wantsAgent && evidence.namesAgent) score += weights.agent;
  if (evidence.mentionsFocus) score += weights.focus;
  return score;
}

function figureTerm(figures: readonly Figure[], intent: QuantityIntent, weight: number): number {
  if (intent.wants !== 'figure') return 0;
  const [preferred] = intent.kinds;
  if (figures.some((figure) => figure.kind === preferred)) return weight;
  if (figures.some((figure) => intent.kinds.includes(figure.kind))) return weight / 2;
  return -weight;
}

/** Share of the question's term weight that `has` accepts. */
export function weightedShare(questionTerms: readonly string[], has: (term: string) => boolean, idf: (term: string) => number): number {
  const unique = [...new Set(questionTerms)];
  const total = unique.reduce((sum, term) => sum + idf(term), 0);
  if (total === 0) return 0;
  return unique.filter(has).reduce((sum, term) => sum + idf(term), 0) / total;
}
