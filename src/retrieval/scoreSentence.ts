import type { Figure } from '../chunking/figures.js';
import type { QuantityIntent } from './questionIntent.js';

/** Weights tuned with `npm run eval` on the bundled model; see docs in README "How it works". */
export const SCORING = {
  lexicalWeight: 0.4,
  /** Added for a sentence that states the kind of figure the question asks for; subtracted when it has none. */
  figureBonus: 0.12,
} as const;

export interface SentenceEvidence {
  /** Question–sentence cosine similarity. */
  cosine: number;
  /** IDF-weighted share of the question's content terms found in the sentence, 0..1. */
  lexical: number;
  figures: readonly Figure[];
}

export function scoreSentence(evidence: SentenceEvidence, intent: QuantityIntent): number {
  let score = evidence.cosine + SCORING.lexicalWeight * evidence.lexical;
  if (intent.wants === 'figure') {
    const hasWanted = evidence.figures.some((figure) => intent.kinds.includes(figure.kind));
    score += hasWanted ? SCORING.figureBonus : -SCORING.figureBonus;
  }
  return score;
}

/** Share of the question's term weight that the sentence contains. */
export function lexicalOverlap(questionTerms: readonly string[], sentenceTerms: ReadonlySet<string>, idf: (term: string) => number): number {
  const unique = [...new Set(questionTerms)];
  const total = unique.reduce((sum, term) => sum + idf(term), 0);
  if (total === 0) return 0;
  const matched = unique.filter((term) => sentenceTerms.has(term)).reduce((sum, term) => sum + idf(term), 0);
  return matched / total;
}
