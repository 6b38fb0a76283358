import type { ProgressListener } from '../embedding/embedder.js';
import { extractSource } from '../corpus/extract/extractSource.js';
import { formatOfMediaType, parseMediaType, sniffBinaryFormat } from '../corpus/extract/mediaType.js';
import { type FetchRefusal, fetchSafely } from '../corpus/extract/safeFetch.js';
import type { NewDocumentInput } from '../corpus/newDocument.js';
import { type AddOutcome, addExtractedDocument } from './addDocument.js';
import type { KnowledgeBase } from './knowledgeBase.js';

export type LinkOutcome = AddOutcome | { status: 'refused'; refusal: FetchRefusal };

export interface LinkInput extends Pick<NewDocumentInput, 'title' | 'addedBy' | 'date'> {
  url: string;
  /** URL_FETCH_ALLOW_PRIVATE=on. */
  allowPrivate: boolean;
  timeoutMs?: number;
}

const OCTET_STREAM = 'application/octet-stream';

/**
 * Fetches a link (see fetchSafely for the rules), extracts the article, PDF or Word file behind it
 * and adds it like an upload, with the url after redirects as its source.
 */
export async function addLink(knowledge: KnowledgeBase, input: LinkInput, onProgress?: ProgressListener): Promise<LinkOutcome> {
  const fetched = await fetchSafely(input.url, {
    maxBytes: knowledge.maxDocumentBytes,
    allowPrivate: input.allowPrivate,
    timeoutMs: input.timeoutMs,
    acceptsContentType: (header) => {
      const { essence } = parseMediaType(header);
      return formatOfMediaType(essence) !== undefined || essence === OCTET_STREAM;
    },
    onProgress: (received, total) => {
      if (total) onProgress?.({ stage: 'downloading', done: Math.ceil(received / 1024), total: Math.ceil(total / 1024) });
    },
  });
  if (!fetched.ok) return { status: 'refused', refusal: fetched.refusal };
  const { url, bytes, contentType } = fetched.value;
  const media = parseMediaType(contentType);
  const format = formatOfMediaType(media.essence) ?? sniffBinaryFormat(bytes, new URL(url).pathname);
  if (!format) return { status: 'refused', refusal: { reason: 'content-type', detail: `${media.essence} that is not a PDF or .docx` } };
  const extracted = await extractSource({ bytes, format, label: url, charset: media.charset, url }, knowledge.maxDocumentBytes, onProgress);
  if (!extracted.ok) return { status: 'rejected', rejection: extracted.rejection };
  return addExtractedDocument(knowledge, { ...extracted.value, url }, { ...input, label: url }, onProgress);
}
