import type { LexicalIndex, WeightedTerm } from '../index/lexicalIndex.js';
import { type Analyzer, type Language, analyzerFor } from '../language/analyzer.js';
import { type AnswerKind, answerKind } from '../language/questionWords.js';
import { tokenize } from '../language/tokenize.js';
import { countedWord } from './countedThing.js';

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
  /** Related terms the corpus uses, at a fraction of their question term's weight: they widen the lexical search to paraphrases. */
  expansion: readonly WeightedTerm[];
}

/** How much a related term counts in the lexical search, against the question's own word. */
const EXPANSION_WEIGHT = 0.3;

export type RelatedTerms = (term: string, language: Language) => readonly string[];

/** A search term and the question word it came from (a translation gives several terms per word). */
export interface SourcedTerm extends WeightedTerm {
  source: string;
}

export interface QuestionInput {
  text: string;
  /** The language of the terms: the question's own, or the documents' a translation went to. */
  language: Language;
  /** The terms to search with, from a translation; the question's own analysed words when absent. */
  terms?: readonly SourcedTerm[];
  /** What the embedder reads instead of `text` (a translation into the documents' language). */
  embeddingText?: string;
}

export function analyseQuestion(input: QuestionInput, lexical: LexicalIndex, related: RelatedTerms): AnalysedQuestion {
  const analyzer = analyzerFor(input.language);
  const sourced = input.terms ?? tokenize(input.text).flatMap((word) => sourcedTerm(word, analyzer.term(word)));
  const termsOf = (word: string) => sourced.filter((t) => t.source === word).map((t) => lexical.termId(t.term));
  const weighted = sourced;
  const unique = uniqueTerms(weighted);
  const relatedOf = unique.map((t) => related(t.term, input.language).filter((r) => lexical.knows(r)));
  const terms = unique.map((t, i) => describeTerm(t, lexical, relatedOf[i] as string[]));
  const own = new Set(unique.map((t) => t.term));
  const expansion = uniqueTerms(unique.flatMap((t, i) => (relatedOf[i] as string[]).filter((r) => !own.has(r)).map((r) => ({ term: r, weight: t.weight * EXPANSION_WEIGHT }))));
  const totalIdf = terms.reduce((sum, t) => sum + t.idf * t.weight, 0);
  // A word the corpus says with a synonym ("killed" where it says "died") is not off-topic.
  const unknownIdf = terms.filter((t) => t.id < 0 && t.related.length === 0).reduce((sum, t) => sum + t.idf * t.weight, 0);
  const counted = countedWord(input.text, (word) => analyzerFor(input.language).term(word) === null);
  // A counted word no translation reached cannot rule sentences out.
  const countedIds = counted === null ? [] : termsOf(counted);
  const countedId = counted === null || (input.terms && countedIds.length === 0) ? null : (countedIds[0] ?? -1);
  return {
    text: input.text,
    language: input.language,
    terms,
    sequence: [...new Set(terms.map((t) => t.id).filter((id) => id >= 0))],
    kind: answerKind(input.text),
    numbers: new Set(tokenize(input.text).filter((token) => /\d/.test(token))),
    names: new Set(capitalisedWords(input.text).flatMap(termsOf).filter((id) => id >= 0)),
    counted: countedId,
    unknownShare: totalIdf === 0 ? 0 : unknownIdf / totalIdf,
    expansion,
  };
}

function uniqueTerms(terms: readonly WeightedTerm[]): WeightedTerm[] {
  const best = new Map<string, number>();
  for (const { term, weight } of terms) best.set(term, Math.max(best.get(term) ?? 0, weight));
  return [...best].map(([term, weight]) => ({ term, weight }));
}

function describeTerm(term: WeightedTerm, lexical: LexicalIndex, related: readonly string[]): QuestionTerm {
  const relatedIds = related.map((r) => lexical.termId(r));
  return { ...term, id: lexical.termId(term.term), idf: lexical.idf(term.term), related: relatedIds };
}

function sourcedTerm(word: string, term: string | null): SourcedTerm[] {
  return term === null ? [] : [{ source: word, term, weight: 1 }];
}

const WORD_WITH_CASE = /[\p{L}][\p{L}\p{N}’'-]*/gu;

/** Lower-cased tokens of capitalised words after the first word, and of acronyms anywhere. */
export function capitalisedWords(text: string): string[] {
  const words = text.replace(/^[\s“”"«»‘’'(]+/u, '').match(WORD_WITH_CASE) ?? [];
  return words.filter((word, i) => /^\p{Lu}{2,}$/u.test(word) || (i > 0 && /^\p{Lu}/u.test(word))).flatMap((word) => tokenize(word));
}

/** Terms of the capitalised words of a text. */
export function capitalisedTerms(text: string, analyzer: Analyzer): string[] {
  return capitalisedWords(text).flatMap((word) => analyzer.term(word) ?? []);
}
