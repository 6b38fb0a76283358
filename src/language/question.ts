import { type Language, analyzerFor } from './analyzer.js';
import { countedWord } from './countedThing.js';
import { detectLanguage } from './detectLanguage.js';
import type { WeightedTerm } from './lexicon.js';
import { type QuantityIntent, quantityIntent } from './quantityIntent.js';
import type { QueryTranslator, Vocabulary } from './queryTranslator.js';
import { type AnswerKind, answerKind } from './questionWords.js';
import { tokenize } from './tokenize.js';

/** A search term and the question word it came from (a translation gives several terms per word). */
export interface SourcedTerm extends WeightedTerm {
  source: string;
}

/** The question read in one document language: as written, or translated into it. */
export interface Reading {
  language: Language;
  /** Terms in that language's analyzer space, each with the question word it came from. */
  terms: readonly SourcedTerm[];
  /** What the embedder reads: the question, or its word-by-word translation. */
  embeddingText: string;
  translated: boolean;
}

/**
 * A question understood once, in one place: everything retrieval and the answer need of its words.
 * Nothing downstream reads the question's text for its shape again.
 */
export interface Question {
  text: string;
  /** The language it is written in ('en' when its letters do not tell). */
  language: Language;
  /** Whether the letters told the language at all (a question of digits and signs does not). */
  languageDetected: boolean;
  kind: AnswerKind;
  quantity: QuantityIntent;
  /** The word a "how many" question counts ("police" in "How many police officers …"), or null. */
  countedWord: string | null;
  /** Tokens with digits ("1066", "308"). */
  numbers: ReadonlySet<string>;
  /** Lower-cased tokens of capitalised words after the first, and of acronyms: the names it mentions. */
  names: readonly string[];
  readings: readonly Reading[];
}

/** What the corpus and model offer to read a question against. */
export interface ReadingContext {
  documentLanguages: ReadonlySet<Language>;
  /** A multilingual model matches across languages by itself: nothing is translated. */
  crossLingual: boolean;
  translator: QueryTranslator;
  vocabulary: Vocabulary;
}

export function understandQuestion(rawText: string, context: ReadingContext): Question {
  const text = rawText.trim();
  const detected = detectLanguage(text);
  const language = detected ?? 'en';
  const analyzer = analyzerFor(language);
  return {
    text,
    language,
    languageDetected: detected !== null,
    kind: answerKind(text),
    quantity: quantityIntent(text),
    countedWord: countedWord(text, (word) => analyzer.term(word) === null),
    numbers: new Set(tokenize(text).filter((token) => /\d/.test(token))),
    names: capitalisedWords(text),
    readings: readings(text, language, context),
  };
}

/**
 * As written, for documents in its own language, and translated into each other language the
 * corpus has (dictionary translation for a model that reads one language). A translation that
 * reaches no term of the corpus is dropped; its terms the corpus lacks stay in, since they are what
 * tells an off-topic question from an answerable one.
 */
function readings(text: string, language: Language, context: ReadingContext): Reading[] {
  const analyzer = analyzerFor(language);
  const ownTerms = tokenize(text).flatMap((word) => {
    const term = analyzer.term(word);
    return term === null ? [] : [{ source: word, term, weight: 1 }];
  });
  const own: Reading = { language, terms: ownTerms, embeddingText: text, translated: false };
  if (context.crossLingual) return [own];
  const translated = [...context.documentLanguages]
    .filter((target) => target !== language)
    .flatMap((target): Reading[] => {
      const translation = context.translator.translate(text, language, target, context.vocabulary);
      const reachesCorpus = translation.terms.some((t) => context.vocabulary.has(t.term));
      return reachesCorpus ? [{ language: target, terms: translation.terms, embeddingText: translation.text, translated: true }] : [];
    });
  return context.documentLanguages.has(language) || translated.length === 0 ? [own, ...translated] : translated;
}

const WORD_WITH_CASE = /[\p{L}][\p{L}\p{N}’'-]*/gu;

/** Lower-cased tokens of capitalised words after the first word, and of acronyms anywhere. */
export function capitalisedWords(text: string): string[] {
  const words = text.replace(/^[\s“”"«»‘’'(]+/u, '').match(WORD_WITH_CASE) ?? [];
  return words.filter((word, i) => /^\p{Lu}{2,}$/u.test(word) || (i > 0 && /^\p{Lu}/u.test(word))).flatMap((word) => tokenize(word));
}
