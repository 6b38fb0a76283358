/** Letters that Kazakh writes and Russian does not. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;

/**
 * The language a question is most likely written in, judged by its letters alone: enough to tell
 * an English-only model's user that a Russian or Kazakh question cannot be matched, no more.
 * Latin script counts as English (so Kazakh in Latin letters does too), Cyrillic with a
 * Kazakh-only letter as Kazakh, other Cyrillic as Russian; null when the text has no letters.
 */
export function guessQuestionLanguage(question: string): 'en' | 'ru' | 'kk' | null {
  const cyrillic = question.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = question.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return null;
  if (latin >= cyrillic) return 'en';
  return KAZAKH_LETTERS.test(question) ? 'kk' : 'ru';
}

/**
 * "English or German": language codes named in the reader's own language. `forms` gives the case
 * form a sentence needs ("на английском"); codes without one get their dictionary name.
 */
export function languageNames(readerLanguage: string, codes: readonly string[], forms: Readonly<Record<string, string>> = {}): string {
  const names = new Intl.DisplayNames([readerLanguage], { type: 'language' });
  return new Intl.ListFormat([readerLanguage], { type: 'disjunction' }).format(codes.map((code) => forms[code] ?? names.of(code) ?? code));
}
