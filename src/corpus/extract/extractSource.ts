import { type Checked, accept, reject } from '../document.js';
import { decodeDocumentBytes } from '../validateText.js';
import type { ExtractedDocument } from './extracted.js';
import { type SourceFormat, declaredHtmlCharset, decodeText } from './mediaType.js';

export interface SourceBytes {
  bytes: Uint8Array;
  format: SourceFormat;
  /** Names the source in every message: “report.pdf” or the link. */
  label: string;
  /** From the Content-Type header, for HTML and plain text from a link. */
  charset?: string | undefined;
  /** Where it was fetched from, after redirects. */
  url?: string | undefined;
}

/** Stages reported while reading: the pages of a PDF. */
export type ReadProgress = (event: { stage: 'reading'; done: number; total: number }) => void;

/** A Word file may unpack to this many times the upload limit; its images are stored compressed already. */
export const UNCOMPRESSED_FACTOR = 10;

/**
 * Turns a fetched page or an uploaded PDF/.docx into the text to store, or says why not.
 * Every expected failure (a scan, a password, a zip bomb, a page without an article) is a rejection.
 */
export async function extractSource(source: SourceBytes, maxBytes: number, onProgress?: ReadProgress): Promise<Checked<ExtractedDocument>> {
  const { bytes, label } = source;
  // Each format's library is imported on first use: together they take about a second to load,
  // which every start of the bot and every `npm run ask` would otherwise pay.
  switch (source.format) {
    case 'pdf': {
      const { extractPdf } = await import('./pdf.js');
      const pdf = await extractPdf(bytes, (done, total) => onProgress?.({ stage: 'reading', done, total }));
      if (pdf.ok) return accept({ ...pdf.value, url: source.url });
      if (pdf.reason === 'no-text') return reject('no-text-layer', `${label} has no text to read (scanned pages are not supported).`);
      if (pdf.reason === 'encrypted') return reject('encrypted', `${label} is password-protected; send a copy without the password.`);
      return reject('unreadable', `${label} could not be read as a PDF (${pdf.detail}).`);
    }
    case 'docx': {
      const { extractDocx } = await import('./docx.js');
      const docx = await extractDocx(bytes, maxBytes * UNCOMPRESSED_FACTOR);
      if (docx.ok) return accept({ ...docx.value, url: source.url });
      if (docx.reason === 'zip-bomb') return reject('zip-bomb', `${label} unpacks to far more than a document could (${docx.detail}); it was not opened.`);
      if (docx.reason === 'encrypted') return reject('encrypted', `${label} is password-protected; send a copy without the password.`);
      if (docx.reason === 'no-text') return reject('empty', `${label} has no text.`);
      return reject('unreadable', `${label} could not be read as a Word .docx file (${docx.detail}).`);
    }
    case 'html': {
      const { extractArticle } = await import('./article.js');
      const article = extractArticle(decodeText(bytes, source.charset ?? declaredHtmlCharset(bytes)), source.url ?? '');
      return article ? accept(article) : reject('no-article', `${label} has no article text that I could find.`);
    }
    case 'text':
    case 'markdown': {
      // A declared charset is taken at its word; without one the bytes must be clean UTF-8 text, as for uploads.
      if (source.charset && !/^utf-?8$/i.test(source.charset)) return accept({ text: decodeText(bytes, source.charset).trim(), url: source.url });
      const decoded = decodeDocumentBytes(bytes, label, maxBytes);
      return decoded.ok ? accept({ text: decoded.value.trim(), url: source.url }) : decoded;
    }
  }
}
