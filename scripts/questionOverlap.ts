import { splitSentences } from '../src/chunking/sentences.js';
import type { Analyzer } from '../src/language/analyzer.js';
import { tokenize } from '../src/language/tokenize.js';

/**
 * How much of a question was written by copying its answer's sentence. SQuAD-style questions were
 * written looking at the paragraph and share most of its content words; people asking a bot do not.
 * Names and numbers are left out: a person keeps them whatever words they choose around them.
 */
export interface QuestionOverlap {
  /** Shared content terms over the question's content terms, 0..1. */
  share: number;
  contentTerms: string[];
  sharedTerms: string[];
  sentence: string;
}

interface CasedToken {
  token: string;
  capitalised: boolean;
}

/** Tokens as `tokenize` gives them, each marked by whether its word was written with a capital. */
function casedTokens(text: string): CasedToken[] {
  return (text.match(/\S+/gu) ?? []).flatMap((chunk) => {
    const capitalised = /^[^\p{L}\p{N}]*\p{Lu}/u.test(chunk);
    return tokenize(chunk).map((token) => ({ token, capitalised }));
  });
}

/**
 * Terms a document only ever writes with a capital inside a sentence: its names ("Broncos",
 * "Манакинтаун" in any case form), so that a chat question in lower case is not charged for keeping them.
 */
export function documentNames(text: string, analyzer: Analyzer, locale: string): Set<string> {
  const capitalisedOnly = new Map<string, boolean>();
  for (const sentence of splitSentences(text, locale)) {
    for (const { token, capitalised } of casedTokens(sentence.text).slice(1)) {
      const term = analyzer.term(token);
      if (term !== null) capitalisedOnly.set(term, (capitalisedOnly.get(term) ?? true) && capitalised);
    }
  }
  return new Set([...capitalisedOnly].filter(([, only]) => only).map(([term]) => term));
}

/** Distinct terms of a question's content words: stop words, numbers and names left out. */
export function contentTerms(question: string, analyzer: Analyzer, names: ReadonlySet<string>): string[] {
  const terms = new Set<string>();
  for (const [i, { token, capitalised }] of casedTokens(question).entries()) {
    if (/\d/u.test(token) || (capitalised && i > 0)) continue;
    const term = analyzer.term(token);
    if (term !== null && !names.has(term)) terms.add(term);
  }
  return [...terms];
}

/** The sentence (or run of sentences) holding the first answer the document contains, or null. */
export function answerSentence(text: string, answers: readonly string[], locale: string): string | null {
  const lower = text.toLowerCase();
  for (const answer of answers) {
    if (answer.trim() === '') continue;
    let start = text.indexOf(answer);
    if (start < 0) start = lower.indexOf(answer.toLowerCase());
    if (start < 0) continue;
    const end = start + answer.length;
    const covering = splitSentences(text, locale).filter((s) => s.end > start && s.start < end);
    if (covering.length > 0) return covering.map((s) => s.text).join(' ');
  }
  return null;
}

export interface OverlapInput {
  question: string;
  answers: readonly string[];
  documentText: string;
  names: ReadonlySet<string>;
}

/** The overlap of one answerable question with its answer's sentence, or null when it cannot be measured. */
export function questionOverlap(input: OverlapInput, analyzer: Analyzer, locale: string): QuestionOverlap | null {
  const sentence = answerSentence(input.documentText, input.answers, locale);
  if (sentence === null) return null;
  const terms = contentTerms(input.question, analyzer, input.names);
  if (terms.length === 0) return null;
  const sentenceTerms = new Set(analyzer.terms(sentence));
  const sharedTerms = terms.filter((term) => sentenceTerms.has(term));
  return { share: sharedTerms.length / terms.length, contentTerms: terms, sharedTerms, sentence };
}
