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

export type Answer =
  | {
      answered: true;
      question: string;
      /** A clause of the best quote: the part that states its figure. Never composed wording. */
      lead: string;
      quotes: Quote[];
      figures: string[];
      /** Set when the quotes are in other languages than the question (a translated question): the reply says so. */
      documentLanguages?: string[];
    }
  | {
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
      /**
       * The best sentence when it scored too low to answer but high enough to be worth showing as
       * "the closest I found, which may not answer it". Never presented as an answer.
       */
      closest?: Quote;
    };

export type Unanswered = Extract<Answer, { answered: false }>;
