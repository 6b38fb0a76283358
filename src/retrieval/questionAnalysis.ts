import type { LexicalIndex, WeightedTerm } from '../index/lexicalIndex.js';
import type { Analyzer, Language } from '../language/analyzer.js';
import { type Question, type Reading, capitalisedWords } from '../language/question.js';
import type { AnswerKind } from '../language/questionWords.js';

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
  /** What a "how many" question counts: its term id (−1 if the corpus lacks it), or null if it names nothing. */
  counted: { id: number } | null;
  /** Share of the question's idf weight in terms the corpus never uses. */
  unknownShare: number;
  /** Related terms the corpus uses, at a fraction of their question term's weight: they widen the lexical search to paraphrases. */
  expansion: readonly WeightedTerm[];
}

/** How much a related term counts in the lexical search, against the question's own word. */
const EXPANSION_WEIGHT = 0.3;

export type RelatedTerms = (term: string, language: Language) => readonly string[];

/**
 * A question's reading in one document language, described against this index: term ids, idf and
 * relations the corpus uses. Its shape (kind, names, numbers, counted word) comes from the question,
 * understood once in src/language/question.ts.
 */
export function analyseQuestion(question: Question, reading: Reading, lexical: LexicalIndex, related: RelatedTerms): AnalysedQuestion {
  const termsOf = (word: string) => reading.terms.filter((t) => t.source === word).map((t) => lexical.termId(t.term));
  const unique = uniqueTerms(reading.terms);
  const relatedOf = unique.map((t) => related(t.term, reading.language).filter((r) => lexical.knows(r)));
  const terms = unique.map((t, i) => describeTerm(t, lexical, relatedOf[i] as string[]));
  const own = new Set(unique.map((t) => t.term));
  const expansion = uniqueTerms(unique.flatMap((t, i) => (relatedOf[i] as string[]).filter((r) => !own.has(r)).map((r) => ({ term: r, weight: t.weight * EXPANSION_WEIGHT }))));
  const totalIdf = terms.reduce((sum, t) => sum + t.idf * t.weight, 0);
  // A word the corpus says with a synonym ("killed" where it says "died") is not off-topic.
  const unknownIdf = terms.filter((t) => t.id < 0 && t.related.length === 0).reduce((sum, t) => sum + t.idf * t.weight, 0);
  const counted = question.countedWord;
  // A counted word no translation reached cannot rule sentences out.
  const countedIds = counted === null ? [] : termsOf(counted);
  const countedId = counted === null || (reading.translated && countedIds.length === 0) ? null : (countedIds[0] ?? -1);
  return {
    text: question.text,
    language: reading.language,
    terms,
    sequence: [...new Set(terms.map((t) => t.id).filter((id) => id >= 0))],
    kind: question.kind,
    numbers: question.numbers,
    names: new Set(question.names.flatMap(termsOf).filter((id) => id >= 0)),
    counted: countedId === null ? null : { id: countedId },
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

/** Terms of the capitalised words of a sentence: the names it states. */
export function capitalisedTerms(text: string, analyzer: Analyzer): string[] {
  return capitalisedWords(text).flatMap((word) => analyzer.term(word) ?? []);
}
