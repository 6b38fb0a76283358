import { splitSentences } from './sentences.js';

export interface ChunkingParams {
  sentencesPerPassage: number;
  /** Sentences shared by neighbouring passages, so a fact split across a window edge is still found. */
  overlap: number;
}

/** Chosen with `npm run eval`; persisted in the index manifest, so changing them forces a rebuild. */
export const DEFAULT_CHUNKING: ChunkingParams = { sentencesPerPassage: 3, overlap: 1 };

export interface Sentence {
  documentId: string;
  /** Offsets into the document text: `text === document.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

export interface Passage {
  /** Derived from the document id and offsets, so it survives reindexing an unchanged document. */
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** Index of the passage's first sentence in its document's sentence list. */
  firstSentence: number;
  sentenceCount: number;
}

export interface ChunkedDocument {
  sentences: Sentence[];
  passages: Passage[];
}

export function chunkDocument(
  document: { id: string; text: string; language: string | null },
  params: ChunkingParams,
): ChunkedDocument {
  const sentences = splitSentences(document.text, document.language ?? 'en').map((span) => ({
    documentId: document.id,
    ...span,
  }));
  const passages = windows(sentences.length, params).map(([first, count]) => {
    const start = (sentences[first] as Sentence).start;
    const end = (sentences[first + count - 1] as Sentence).end;
    return {
      id: `${document.id}:${start}-${end}`,
      documentId: document.id,
      start,
      end,
      text: document.text.slice(start, end),
      firstSentence: first,
      sentenceCount: count,
    };
  });
  return { sentences, passages };
}

/** [first, count] pairs that cover every sentence, each window overlapping the previous one. */
export function windows(sentenceCount: number, { sentencesPerPassage, overlap }: ChunkingParams): Array<[number, number]> {
  if (!Number.isInteger(sentencesPerPassage) || !Number.isInteger(overlap) || sentencesPerPassage < 1 || overlap < 0 || overlap >= sentencesPerPassage) {
    throw new RangeError(`Invalid chunking: ${sentencesPerPassage} sentences per passage with overlap ${overlap}.`);
  }
  const step = sentencesPerPassage - overlap;
  const result: Array<[number, number]> = [];
  for (let first = 0; first < sentenceCount; first += step) {
    result.push([first, Math.min(sentencesPerPassage, sentenceCount - first)]);
    if (first + sentencesPerPassage >= sentenceCount) break;
  }
  return result;
}
