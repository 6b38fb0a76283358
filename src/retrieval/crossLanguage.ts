import type { LexicalIndex } from '../index/lexicalIndex.js';
import type { KnowledgeSnapshot } from '../index/snapshot.js';
import { type Language, documentLanguage } from '../language/analyzer.js';
import { detectLanguage } from '../language/detectLanguage.js';
import type { QueryTranslator } from '../language/queryTranslator.js';
import type { QuestionInput } from './questionAnalysis.js';

/** The document languages of a build, found once per build. */
const languagesOf = new WeakMap<KnowledgeSnapshot, ReadonlySet<Language>>();

export function corpusLanguages(snapshot: KnowledgeSnapshot): ReadonlySet<Language> {
  let languages = languagesOf.get(snapshot);
  if (!languages) {
    languages = new Set(snapshot.documents.map((d) => documentLanguage(d.language)));
    languagesOf.set(snapshot, languages);
  }
  return languages;
}

export interface CrossLanguageContext {
  corpusLanguages: ReadonlySet<Language>;
  /** A multilingual model matches across languages by itself: nothing is translated. */
  crossLingual: boolean;
  translator: QueryTranslator;
  lexical: LexicalIndex;
}

/**
 * The readings of a question to retrieve with: as written, for documents in its own language, and
 * translated into each other language the corpus has (dictionary translation for a model that reads
 * one language). A reading that finds no term the corpus knows is dropped.
 */
export function questionReadings(question: string, context: CrossLanguageContext): QuestionInput[] {
  const language = detectLanguage(question) ?? 'en';
  const own: QuestionInput = { text: question, language };
  if (context.crossLingual) return [own];
  const others = [...context.corpusLanguages].filter((target) => target !== language);
  const translated = others.flatMap((target): QuestionInput[] => {
    const translation = context.translator.translate(question, language, target, context.lexical.vocabulary);
    // Terms the corpus lacks stay in: they are what tells an off-topic question from an answerable one.
    const reachesCorpus = translation.terms.some((t) => context.lexical.knows(t.term));
    return reachesCorpus ? [{ text: question, language: target, terms: translation.terms, embeddingText: translation.text }] : [];
  });
  return context.corpusLanguages.has(language) || translated.length === 0 ? [own, ...translated] : translated;
}
