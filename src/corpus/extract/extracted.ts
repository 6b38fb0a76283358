/**
 * What every extractor returns: the text to store, verbatim as every quote will be sliced from it,
 * and what the source says about itself. Absent metadata stays undefined, never guessed.
 */
export interface ExtractedDocument {
  text: string;
  title?: string | undefined;
  /** The site name or issuing organisation. */
  publisher?: string | undefined;
  author?: string | undefined;
  /** ISO date (YYYY-MM-DD) of publication, when the source states one. */
  date?: string | undefined;
  url?: string | undefined;
}

/** Paragraphs separated by one blank line, each with its inner whitespace collapsed: the stored shape of every extracted text. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** "2022-01-05T10:00:00+06:00" → "2022-01-05"; anything that is not a date → undefined. */
export function isoDate(value: string | null | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  if (match) return match[0];
  const parsed = value ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : undefined;
}
