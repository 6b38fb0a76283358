/** Metadata a document can carry in its front matter. */
export interface DocumentMeta {
  title: string;
  publisher: string | null;
  url: string | null;
  date: string | null;
  language: string | null;
  addedBy: string | null;
  /** The byline of a fetched article; kept in the front matter, not shown with quotes. */
  author?: string | null;
}

/** One corpus document. `text` is the body exactly as stored: every quote is a slice of it. */
export interface CorpusDocument extends DocumentMeta {
  /** The file name without extension; stable across reindexing. */
  id: string;
  fileName: string;
  text: string;
  /** sha256 of the whole file, so a changed document is noticed even when only its front matter changed. */
  contentHash: string;
}

/** Why a file was not accepted. Expected outcomes, not exceptions. */
export type RejectionReason = 'empty' | 'too-large' | 'not-utf8' | 'binary' | 'unsupported-type' | 'duplicate' | 'bad-front-matter' | 'unreadable'
  // Extracted sources (PDF, Word, web pages): a scan, a password, a zip bomb, a page with no article.
  | 'no-text-layer' | 'encrypted' | 'zip-bomb' | 'no-article';

export interface Rejection {
  reason: RejectionReason;
  /** A sentence for people; it names the file when there is one. */
  message: string;
  /** For a duplicate: the id of the document already in the corpus with the same text. */
  documentId?: string;
}

export type Accepted<T> = { ok: true; value: T };
export type Rejected = { ok: false; rejection: Rejection };
export type Checked<T> = Accepted<T> | Rejected;

export const accept = <T>(value: T): Accepted<T> => ({ ok: true, value });
export const reject = (reason: RejectionReason, message: string): Rejected => ({ ok: false, rejection: { reason, message } });
