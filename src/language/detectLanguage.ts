import type { Language } from './analyzer.js';

/** Letters that Kazakh writes and Russian does not. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;
/** Kazakh words common in questions that happen to use only letters Russian has too. */
const KAZAKH_WORDS = /(^|[^\p{L}])(не|неше|кім|кімдер|деген|дегеніміз|жылы|бар|жоқ|болды|неге|мен|бен|пен|ма|ме)(?![\p{L}])/iu;
/** ы is Kazakh too; these are not. */
const RUSSIAN_ONLY_LETTERS = /[эъё]/iu;

/**
 * The language a text is most likely written in, judged by its letters and a few function words:
 * Latin script counts as English (so Kazakh in Latin letters does too), Cyrillic with a Kazakh-only
 * letter or word as Kazakh, other Cyrillic as Russian; null when the text has no letters.
 */
export function detectLanguage(text: string): Language | null {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return null;
  if (latin >= cyrillic) return 'en';
  if (KAZAKH_LETTERS.test(text)) return 'kk';
  return KAZAKH_WORDS.test(text) && !RUSSIAN_ONLY_LETTERS.test(text) ? 'kk' : 'ru';
}

/**
 * The language of a whole document: the language most of its letters are in, judged paragraph by
 * paragraph, so one Kazakh name in a Russian article does not make the article Kazakh.
 */
export function detectDocumentLanguage(text: string): Language | null {
  const letters = new Map<Language, number>();
  for (const paragraph of text.split(/\n\s*\n/)) {
    const language = detectLanguage(paragraph);
    if (language) letters.set(language, (letters.get(language) ?? 0) + (paragraph.match(/\p{L}/gu)?.length ?? 0));
  }
  const ranked = [...letters].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? null;
}
