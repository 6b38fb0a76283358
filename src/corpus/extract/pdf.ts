import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { type PdfLine, type PdfPage, pdfText } from './pdfLayout.js';
import type { ExtractedDocument } from './extracted.js';

export type PdfOutcome =
  | { ok: true; value: ExtractedDocument }
  | { ok: false; reason: 'encrypted' | 'no-text' | 'unreadable'; detail: string };

/**
 * The text layer of a PDF, through Mozilla's pdf.js (the legacy build runs on Node 20): it parses
 * fonts, encodings and content streams that a hand-written reader would get wrong on real reports.
 * Layout (lines, paragraphs, running headers) is decided by the pure pdfLayout module.
 */
/** A crafted PDF can make pages very slow to parse; reading stops between pages after this long. */
const READ_BUDGET_MS = 60_000;

export async function extractPdf(bytes: Uint8Array, onPage?: (done: number, total: number) => void, budgetMs = READ_BUDGET_MS): Promise<PdfOutcome> {
  const deadline = performance.now() + budgetMs;
  // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's bytes intact.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      if (performance.now() > deadline) return { ok: false, reason: 'unreadable', detail: `reading stopped after ${number - 1} of ${pdf.numPages} pages (${budgetMs / 1000} s)` };
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(toLines(content.items.filter((item): item is TextItem => 'str' in item)));
      page.cleanup();
      onPage?.(number, pdf.numPages);
    }
    const text = pdfText(pages);
    if (!/\p{L}/u.test(text)) return { ok: false, reason: 'no-text', detail: `${pdf.numPages} pages without a text layer` };
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    return { ok: true, value: { text, title: pdfTitle(info.Title), author: stringField(info.Author), date: pdfDate(info.CreationDate) } };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'unreadable', detail };
  } finally {
    await task.destroy();
  }
}

/** Groups text items into lines: a new line where pdf.js marks an end of line or the baseline moves. */
function toLines(items: readonly TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: { parts: string[]; y: number; height: number; right: number } | undefined;
  for (const item of items) {
    const x = item.transform[4] as number;
    const y = item.transform[5] as number;
    const height = item.height || Math.hypot(item.transform[2] as number, item.transform[3] as number) || 1;
    if (current && Math.abs(current.y - y) > height / 2) {
      lines.push(finish(current));
      current = undefined;
    }
    if (!current) current = { parts: [], y, height, right: x };
    // Words are often separate items with the gap between them left out of both.
    if (current.parts.length > 0 && x - current.right > height * 0.15) current.parts.push(' ');
    current.parts.push(item.str);
    current.right = x + item.width;
    if (item.hasEOL) {
      lines.push(finish(current));
      current = undefined;
    }
  }
  if (current) lines.push(finish(current));
  return lines.filter((line) => line.text !== '');
}

const finish = (line: { parts: string[]; y: number; height: number }): PdfLine => ({ text: line.parts.join('').replace(/\s+/g, ' ').trim(), y: line.y, height: line.height });

const stringField = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Word and layout tools often leave their file name as the title ("Microsoft Word - report.docx"): that is no title. */
function pdfTitle(value: unknown): string | undefined {
  const title = stringField(value);
  return title && !/^microsoft\b|\.(docx?|pdf|indd|odt)$/i.test(title) ? title : undefined;
}

/** PDF dates look like "D:20220105103000+06'00'". */
function pdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
