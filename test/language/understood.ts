import type { Language } from '../../src/language/analyzer.js';
import { detectLanguage } from '../../src/language/detectLanguage.js';
import { type Question, understandQuestion } from '../../src/language/question.js';
import { createDictionaryTranslator } from '../../src/language/queryTranslator.js';

/** A question understood against documents in its own language only: read as written, never translated. */
export function understood(text: string, language: Language = detectLanguage(text) ?? 'en'): Question {
  return understandQuestion(text, {
    documentLanguages: new Set([language]),
    crossLingual: false,
    translator: createDictionaryTranslator(),
    vocabulary: { has: () => true, terms: () => [] },
  });
}
