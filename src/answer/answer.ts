/** One verbatim sentence with where it came from. `text === document.text.slice(start, end)`. */
export interface Quote {
  text: string;
  documentId: string;
  title: string;
  publisher: string | null;
  url: string | null;
  start: number;
  end: number;
  score: number;
  /** Figures as they stand in the sentence ("about 30,000", "$200 million"). */
  figures: string[];
}

/**
 * How sure the reply is: 'answer' quotes confidently; 'probably' shows the best sentence under a
 * hedge ("probably, not sure"); 'not-covered' quotes nothing.
 */
export type Tier = 'answer' | 'probably' | 'not-covered';

export interface Answered {
  tier: 'answer';
  answered: true;
  question: string;
  /** A clause of the best quote: the part that states its figure. Never composed wording. */
  lead: string;
  quotes: Quote[];
  figures: string[];
  /** Set when the quotes are in other languages than the question (a translated question): the reply says so. */
  documentLanguages?: string[];
}

/** The best sentence scored too low to answer with confidence, but high enough to show as "probably". */
export interface Probable {
  tier: 'probably';
  answered: false;
  question: string;
  /** Shown under the hedge, with its source. Never presented as a sure answer. */
  closest: Quote;
  /** Questions the documents do answer. */
  suggestions: string[];
  /** As for an answer: the sentence is in another language than the question. */
  documentLanguages?: string[];
}

export interface Unanswered {
  tier: 'not-covered';
  answered: false;
  question: string;
  /**
   * 'unsupported-language': nothing matched, and the question is in a language the embedding
   * model does not read, so "not covered" would not be the honest reason.
   */
  reason: 'not-covered' | 'unsupported-language' | 'empty-corpus' | 'empty-question';
  /** Questions the documents do answer. */
  suggestions: string[];
  /** With 'unsupported-language': the languages (ISO 639-1) questions can be asked in. */
  languages?: string[];
}

export type Answer = Answered | Probable | Unanswered;

/** The quotes a reply shows: an answer's, or the one sentence under "probably". */
export function shownQuotes(answer: Answer): Quote[] {
  if (answer.tier === 'answer') return answer.quotes;
  return answer.tier === 'probably' ? [answer.closest] : [];
}
