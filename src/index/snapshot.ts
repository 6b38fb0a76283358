import type { Passage, Sentence } from '../chunking/passages.js';
import type { CorpusDocument } from '../corpus/document.js';
import type { LexicalData } from './lexicalData.js';
import { type LexicalIndex, lexicalIndexFrom } from './lexicalIndex.js';
import type { Manifest } from './manifest.js';
import type { SentenceVectors } from './sentenceVectors.js';
import type { VectorIndex } from './vectorIndex.js';

export interface IndexedPassage extends Passage {
  /** The passage's label in the vector index. */
  label: number;
}

export interface IndexedSentence extends Sentence {
  /** The sentence's row in the sentence vector store. */
  row: number;
}

export interface IndexedDocument extends CorpusDocument {
  sentences: IndexedSentence[];
  passages: IndexedPassage[];
}

/** One immutable build: what a question is answered from. A reindex makes a new one and swaps it in. */
export interface KnowledgeSnapshot {
  manifest: Manifest;
  documents: IndexedDocument[];
  documentById: ReadonlyMap<string, IndexedDocument>;
  passageByLabel: ReadonlyMap<number, IndexedPassage>;
  vectors: VectorIndex;
  sentenceVectors: SentenceVectors;
  /** BM25 postings and per-sentence terms, built with the build and stored beside it. */
  lexical: LexicalIndex;
  /** The build folder on disk; the next incremental build starts from its vector file. */
  folder: string;
}

/**
 * passages.json: offsets only, since every text is a slice of its document. Sentence rows are
 * implicit: sentences are numbered in stored order.
 */
export interface StoredPassages {
  formatVersion: number;
  documents: Array<
    CorpusDocument & {
      sentences: Array<[start: number, end: number]>;
      passages: Array<[label: number, firstSentence: number, sentenceCount: number]>;
    }
  >;
}

export function toStoredPassages(formatVersion: number, documents: readonly IndexedDocument[]): StoredPassages {
  return {
    formatVersion,
    documents: documents.map(({ sentences, passages, ...document }) => ({
      ...document,
      sentences: sentences.map((s) => [s.start, s.end]),
      passages: passages.map((p) => [p.label, p.firstSentence, p.sentenceCount]),
    })),
  };
}

export function fromStoredPassages(stored: StoredPassages): IndexedDocument[] {
  let row = 0;
  return stored.documents.map(({ sentences: spans, passages: windows, ...document }) => {
    const sentences = spans.map(([start, end]) => ({ documentId: document.id, start, end, text: document.text.slice(start, end), row: row++ }));
    const passages = windows.map(([label, firstSentence, sentenceCount]) => {
      const start = (sentences[firstSentence] as Sentence).start;
      const end = (sentences[firstSentence + sentenceCount - 1] as Sentence).end;
      const text = document.text.slice(start, end);
      return { id: `${document.id}:${start}-${end}`, documentId: document.id, start, end, text, firstSentence, sentenceCount, label };
    });
    return { ...document, sentences, passages };
  });
}

export function assembleSnapshot(
  manifest: Manifest,
  documents: IndexedDocument[],
  vectors: VectorIndex,
  sentenceVectors: SentenceVectors,
  lexical: LexicalData,
  folder: string,
): KnowledgeSnapshot {
  return {
    manifest,
    documents,
    sentenceVectors,
    lexical: lexicalIndexFrom(lexical),
    documentById: new Map(documents.map((d) => [d.id, d])),
    passageByLabel: new Map(documents.flatMap((d) => d.passages.map((p) => [p.label, p] as const))),
    vectors,
    folder,
  };
}
