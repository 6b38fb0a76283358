import type { KnowledgeSnapshot } from '../index/snapshot.js';
import { type Language, documentLanguage } from '../language/analyzer.js';
import type { QueryTranslator } from '../language/queryTranslator.js';
import type { ReadingContext } from '../language/question.js';

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

/** What a question is read against in this build: its document languages, the model and its vocabulary. */
export function readingContext(snapshot: KnowledgeSnapshot, crossLingual: boolean, translator: QueryTranslator): ReadingContext {
  return { documentLanguages: corpusLanguages(snapshot), crossLingual, translator, vocabulary: snapshot.lexical.vocabulary };
}
