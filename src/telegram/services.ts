import type { Answer } from '../answer/answer.js';
import type { Rejection } from '../corpus/document.js';
import type { FetchRefusal } from '../corpus/extract/safeFetch.js';

/**
 * The ports the bot needs. `src/main.ts` implements them over the question-answering core, and the
 * handler tests implement them over a real index on a temp folder; the bot never sees how.
 */
export interface DocumentSummary {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  date: string | null;
  passages: number;
}

export interface KnowledgeStats {
  documents: number;
  passages: number;
  sentences: number;
  modelId: string;
  builtAt: string;
}

export interface QuestionService {
  ask(question: string): Promise<Answer>;
  documents(): DocumentSummary[];
  /** Questions the documents answer, for /start buttons and "no answer" replies. */
  suggestions(limit: number): string[];
  stats(): KnowledgeStats;
}

export type Progress = (event: { stage: string; done: number; total: number }) => void;

export interface ChangeSummary {
  documents: number;
  passages: number;
  embedded: number;
  reused: number;
  seconds: number;
}

export type ReindexOutcome = { status: 'busy' } | ({ status: 'done' } & ChangeSummary);

export type AddDocumentOutcome =
  | { status: 'busy' }
  | { status: 'rejected'; rejection: Rejection }
  | ({ status: 'added'; document: DocumentSummary } & ChangeSummary);

export type RemoveDocumentOutcome = { status: 'busy' } | { status: 'not-found' } | ({ status: 'removed'; document: DocumentSummary } & ChangeSummary);

/** Adding a link can also end before anything is read: the link itself was refused (see fetchSafely). */
export type AddLinkOutcome = AddDocumentOutcome | { status: 'refused'; refusal: FetchRefusal };

export interface NewLink {
  url: string;
  title?: string;
  addedBy: string;
}

export interface NewDocument {
  bytes: Uint8Array;
  /** As sent by the user: used only to choose the format (.txt, .md, .html, .pdf, .docx), never as a path. */
  fileName: string;
  title?: string;
  addedBy: string;
}

/** Corpus changes. Each is atomic and they run one at a time; questions keep being answered meanwhile. */
export interface CorpusAdmin {
  readonly busy: boolean;
  reindex(onProgress?: Progress): Promise<ReindexOutcome>;
  addDocument(document: NewDocument, onProgress?: Progress): Promise<AddDocumentOutcome>;
  removeDocument(id: string, onProgress?: Progress): Promise<RemoveDocumentOutcome>;
  /** Fetches a page, PDF or Word file and adds it with the url it was found at. */
  addLink(link: NewLink, onProgress?: Progress): Promise<AddLinkOutcome>;
}
