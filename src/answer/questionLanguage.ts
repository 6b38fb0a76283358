/**
 * "English or German": language codes named in the reader's own language. `forms` gives the case
 * form a sentence needs ("на английском"); codes without one get their dictionary name.
 */
export function languageNames(readerLanguage: string, codes: readonly string[], forms: Readonly<Record<string, string>> = {}): string {
  const names = new Intl.DisplayNames([readerLanguage], { type: 'language' });
  return new Intl.ListFormat([readerLanguage], { type: 'disjunction' }).format(codes.map((code) => forms[code] ?? names.of(code) ?? code));
}
