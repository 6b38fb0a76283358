import type { LexicalIndex, WeightedTerm } from '../index/lexicalIndex.js';
import { type Analyzer, type Language, analyzerFor } from '../language/analyzer.js';
import { type AnswerKind, answerKind } from '../language/questionWords.js';
import { tokenize } from '../language/tokenize.js';
import { countedThing } from './countedThing.js';

/** A question term with what the sentence features need of it. */
export interface QuestionTerm extends WeightedTerm {
  /** Id in the lexical index, −1 if no sentence uses it. */
  id: number;
  idf: number;
  /** Ids of related terms (synonyms, hypernyms, derived forms) the corpus uses. */
  related: readonly number[];
}

export interface AnalysedQuestion {
  text: string;
  language: Language;
  /** Unique content terms, with weights. */
  terms: readonly QuestionTerm[];
  /** Term ids in question order, repeats removed, for bigram features. */
  sequence: readonly number[];
  kind: AnswerKind;
  /** Tokens with digits ("1066", "308"). */
  numbers: ReadonlySet<string>;
  /** Term ids of capitalised words after the first: names the question mentions. */
  names: ReadonlySet<number>;
  /** Term id of what a "how many" question counts, −1 if none or unknown, null if it counts nothing. */
  counted: number | null;
  /** Share of the question's idf weight in terms the corpus never uses. */
  unknownShare: number;
}

export type RelatedTerms = (term: string, language: Language) => readonly string[];

export interface QuestionInput {
  text: string;
  language: Language;
  /** The terms to search with; the question's own analysed words when absent (a translation supplies them). */
  terms?: readonly WeightedTerm[];
  /** What the embedder reads instead of `text` (a translation into the documents' language). */
  embeddingText?: string;
}

export function analyseQuestion(input: QuestionInput, lexical: LexicalIndex, related: RelatedTerms): AnalysedQuestion {
  const analyzer = analyzerFor(input.language);
  const weighted = input.terms ?? analyzer.terms(input.text).map((term) => ({ term, weight: 1 }));
  const terms = uniqueTerms(weighted).map((t) => describeTerm(t, input.language, lexical, related));
  const totalIdf = terms.reduce((sum, t) => sum + t.idf * t.weight, 0);
  const unknownIdf = terms.filter((t) => t.id < 0).reduce((sum, t) => sum + t.idf * t.weight, 0);
  const counted = countedThing(input.text, analyzer);
  return {
    text: input.text,
    language: input.language,
    terms,
    sequence: [...new Set(terms.map((t) => t.id).filter((id) => id >= 0))],
    kind: answerKind(input.text),
    numbers: new Set(tokenize(input.text).filter((token) => /\d/.test(token))),
    names: new Set(capitalisedTerms(input.text, analyzer).map((term) => lexical.termId(term)).filter((id) => id >= 0)),
    counted: counted === null ? null : lexical.termId(counted),
    unknownShare: totalIdf === 0 ? 0 : unknownIdf / totalIdf,
  };
}

function uniqueTerms(terms: readonly WeightedTerm[]): WeightedTerm[] {
  const best = new Map<string, number>();
  for (const { term, weight } of terms) best.set(term, Math.max(best.get(term) ?? 0, weight));
  return [...best].map(([term, weight]) => ({ term, weight }));
}

function describeTerm(term: WeightedTerm, language: Language, lexical: LexicalIndex, related: RelatedTerms): QuestionTerm {
  const relatedIds = related(term.term, language)
    .map((r) => lexical.termId(r))
    .filter((id) => id >= 0);
  return { ...term, id: lexical.termId(term.term), idf: lexical.idf(term.term), related: relatedIds };
}

const WORD_WITH_CASE = /[\p{L}][\p{L}\p{N}’'-]*/gu;

/** Terms of capitalised words after the first word, and of acronyms anywhere. */
export function capitalisedTerms(text: string, analyzer: Analyzer): string[] {
  const words = text.replace(/^[\s“”"«»‘’'(]+/u, '').match(WORD_WITH_CASE) ?? [];
  return words
    .filter((word, i) => /^\p{Lu}{2,}$/u.test(word) || (i > 0 && /^\p{Lu}/u.test(word)))
    .flatMap((word) => tokenize(word).flatMap((token) => analyzer.term(token) ?? []));
}
