import { createHash } from 'node:crypto';
import path from 'node:path';
import { convert } from 'html-to-text';
import { type Checked, type CorpusDocument, type DocumentMeta, accept, reject } from './document.js';
import type { ExtractedDocument } from './extract/extracted.js';
import { parseFrontMatter, renderDocumentFile, titleFromBody } from './frontMatter.js';
import { decodeDocumentBytes, SUPPORTED_EXTENSIONS } from './validateText.js';

export interface NewDocumentInput {
  bytes: Uint8Array;
  /** As sent: only its extension is used, never its name, so it cannot choose a path. */
  fileName: string;
  title?: string | undefined;
  addedBy: string;
  /** ISO date of the upload; passed in so this stays pure. */
  date: string;
}

export interface PreparedDocument {
  /** A safe name chosen here: date, slug of the title, and a content hash. */
  fileName: string;
  content: string;
  title: string;
}

/**
 * Pure: validates an upload and renders the corpus file for it, or says exactly why not.
 * Duplicate means the same text as a document already in the corpus, whatever its title.
 */
export function prepareNewDocument(
  input: NewDocumentInput,
  existing: readonly Pick<CorpusDocument, 'id' | 'text' | 'title'>[],
  maxBytes: number,
): Checked<PreparedDocument> {
  const extension = path.extname(input.fileName).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return reject('unsupported-type', `“${input.fileName}” is not a .txt, .md, .html, .pdf or .docx file.`);
  }
  const decoded = decodeDocumentBytes(input.bytes, `“${input.fileName}”`, maxBytes);
  if (!decoded.ok) return decoded;
  const isHtml = extension === '.html' || extension === '.htm';
  const parsed = isHtml ? { meta: {}, body: htmlToText(decoded.value) } : parseFrontMatter(decoded.value);
  if ('error' in parsed) return reject('bad-front-matter', `“${input.fileName}”: ${parsed.error}.`);
  return finishDocument(input, parsed.body.trim(), parsed.meta, `“${input.fileName}”`, existing);
}

export interface ExtractedInput extends Omit<NewDocumentInput, 'bytes' | 'fileName'> {
  /** Names the source in messages: “report.pdf” or the link. */
  label: string;
  /** Detected by the caller (language sits above corpus in the layers); stored in the front matter. */
  language?: string | undefined;
}

/**
 * Pure: the corpus file for text already extracted from a PDF, a Word file or a web page. The text
 * is stored exactly as extracted, so every quote stays a slice of it; the source's own metadata
 * (site name as publisher, url, date) goes into the front matter.
 */
export function prepareExtractedDocument(
  extracted: ExtractedDocument,
  input: ExtractedInput,
  existing: readonly Pick<CorpusDocument, 'id' | 'text' | 'title'>[],
): Checked<PreparedDocument> {
  const meta = { title: extracted.title, publisher: extracted.publisher, author: extracted.author, url: extracted.url, date: extracted.date, language: input.language };
  return finishDocument(input, extracted.text.trim(), meta, input.label, existing);
}

function finishDocument(
  input: Pick<NewDocumentInput, 'title' | 'addedBy' | 'date'>,
  body: string,
  found: Partial<DocumentMeta>,
  label: string,
  existing: readonly Pick<CorpusDocument, 'id' | 'text' | 'title'>[],
): Checked<PreparedDocument> {
  if (body === '') return reject('empty', `${label} has no text.`);
  const duplicate = existing.find((doc) => doc.text.trim() === body);
  if (duplicate) {
    const message = `${label} has the same text as “${duplicate.title}” (${duplicate.id}), which is already in the corpus.`;
    return { ok: false, rejection: { reason: 'duplicate', message, documentId: duplicate.id } };
  }
  const title = input.title?.trim() || found.title || titleFromBody(body, 'Untitled document');
  const meta = { ...found, title, addedBy: input.addedBy, date: found.date ?? input.date.slice(0, 10) };
  return accept({ fileName: safeFileName(title, body, input.date), content: renderDocumentFile(meta, body), title });
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
    ],
  });
}

function safeFileName(title: string, body: string, date: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 8);
  return `${date.slice(0, 10).replace(/-/g, '')}_${slug || 'document'}_${hash}.md`;
}
