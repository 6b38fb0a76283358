import type { Embedder, ProgressListener } from '../embedding/embedder.js';
import type { PassagePlacer } from './buildIndex.js';
import type { SentenceVectors } from './sentenceVectors.js';
import type { IndexedDocument, IndexedSentence } from './snapshot.js';

/** Sentences per embedding call while building: big enough to be worth a worker thread's round trip. */
const CHUNK_SENTENCES = 512;
/** Chunks submitted ahead of the one being inserted, so the worker never waits for the inserts. */
const IN_FLIGHT = 4;

interface Chunk {
  documents: IndexedDocument[];
  /** The chunk's sentences that need the model. */
  sentences: IndexedSentence[];
}

/**
 * Splits the sentences to embed into runs of CHUNK_SENTENCES, in corpus order. A document rides with
 * the chunk that holds its last new sentence: by then all of its passages can be pooled and inserted.
 */
function chunksOf(documents: readonly IndexedDocument[], toEmbed: readonly IndexedSentence[]): Chunk[] {
  const missing = new Set(toEmbed.map((s) => s.row));
  const chunks: Chunk[] = [{ documents: [], sentences: [] }];
  for (const document of documents) {
    for (const sentence of document.sentences) {
      if (!missing.has(sentence.row)) continue;
      if ((chunks.at(-1) as Chunk).sentences.length >= CHUNK_SENTENCES) chunks.push({ documents: [], sentences: [] });
      (chunks.at(-1) as Chunk).sentences.push(sentence);
    }
    (chunks.at(-1) as Chunk).documents.push(document);
  }
  return chunks;
}

/**
 * Embeds chunk after chunk with up to IN_FLIGHT chunks submitted ahead, and inserts each chunk's
 * passages as soon as its sentences are in: with an embedder that runs on worker threads, the
 * model and the HNSW inserts use both cores at once instead of taking turns. Documents are placed
 * in corpus order, so labels come out as they would from one pass. Returns the embedding wall time.
 */
export async function embedWhilePlacing(
  documents: readonly IndexedDocument[], toEmbed: readonly IndexedSentence[], store: SentenceVectors,
  embedder: Embedder, placer: PassagePlacer, onProgress?: ProgressListener,
): Promise<number> {
  const started = performance.now();
  const chunks = chunksOf(documents, toEmbed);
  const embed = async (chunk: Chunk): Promise<void> => {
    if (chunk.sentences.length === 0) return;
    const vectors = await embedder.embed(chunk.sentences.map((s) => s.text), 'passage');
    // Quantised on arrival, not when the chunk's turn comes: float vectors left waiting outlived
    // young-generation GC and piled up as ~400 MB of dead buffers at 100k passages.
    chunk.sentences.forEach((sentence, j) => store.set(sentence.row, vectors[j] as Float32Array));
  };
  const submit = (chunk: Chunk) => {
    const job = embed(chunk);
    job.catch(() => undefined); // awaited in order below; a later failure must not go unhandled meanwhile
    return job;
  };
  const jobs = chunks.slice(0, IN_FLIGHT).map(submit);
  let done = 0;
  onProgress?.({ stage: 'embed', done, total: toEmbed.length });
  for (const [i, chunk] of chunks.entries()) {
    await jobs[i];
    const ahead = chunks[i + IN_FLIGHT];
    if (ahead) jobs.push(submit(ahead));
    done += chunk.sentences.length;
    onProgress?.({ stage: 'embed', done, total: toEmbed.length });
    for (const document of chunk.documents) placer.place(document);
  }
  return (performance.now() - started) / 1000;
}
