import path from 'node:path';
import { type ChunkingParams, chunkDocument } from '../chunking/passages.js';
import type { LoadedCorpus } from '../corpus/loadCorpus.js';
import type { Embedder, ProgressListener } from '../embedding/embedder.js';
import { createHnswIndex, loadHnswIndex } from './hnswVectorIndex.js';
import { VECTORS_FILE } from './indexStore.js';
import { type HnswParams, INDEX_FORMAT_VERSION, type Manifest, vectorsReusable } from './manifest.js';
import { SentenceVectors, poolRows } from './sentenceVectors.js';
import type { IndexedDocument, IndexedPassage, IndexedSentence, KnowledgeSnapshot } from './snapshot.js';
import type { VectorIndex } from './vectorIndex.js';

export interface BuildInput {
  corpus: LoadedCorpus;
  embedder: Embedder;
  chunking: ChunkingParams;
  hnsw: HnswParams;
  /** The live build: vectors of unchanged sentences and passages are taken from it, not embedded again. */
  previous?: KnowledgeSnapshot | undefined;
  onProgress?: ProgressListener | undefined;
}

export interface BuildStats {
  /** Sentences embedded by the model in this build. */
  embedded: number;
  /** Sentences whose vectors came from the previous build. */
  reused: number;
  /** Passages of the previous build that are gone. */
  removed: number;
  seconds: number;
}

export interface BuildResult {
  manifest: Manifest;
  documents: IndexedDocument[];
  vectors: VectorIndex;
  sentenceVectors: SentenceVectors;
  stats: BuildStats;
}

const EMBED_BATCH = 64;

/**
 * Every sentence is embedded once; a passage's vector is the pooled vectors of its sentences, so
 * passages cost no model time and sentence scoring needs none at question time. When the live build
 * used the same model and chunking it is the embedding cache: only new sentences are embedded, and
 * its vector file is updated in place of a full rebuild. The live build in memory is never touched.
 */
export async function buildIndex(input: BuildInput): Promise<BuildResult> {
  const started = performance.now();
  const { embedder, previous } = input;
  const reusable = previous !== undefined && vectorsReusable(previous.manifest, {
    modelId: embedder.id, modelHash: embedder.modelHash, dim: embedder.dim, chunking: input.chunking,
  });
  const documents = chunkCorpus(input.corpus, input.chunking);
  const sentences = documents.flatMap((d) => d.sentences);
  const sentenceVectors = new SentenceVectors(embedder.dim, sentences.length);
  const toEmbed = copyReusedSentences(sentences, sentenceVectors, reusable ? previous : undefined);
  await embedSentences(toEmbed, sentenceVectors, embedder, input.onProgress);

  const vectors = reusable
    ? await loadHnswIndex(path.join(previous.folder, VECTORS_FILE), embedder.dim, input.hnsw, previous.vectors.size)
    : createHnswIndex(embedder.dim, input.hnsw);
  const removed = placePassages(documents, vectors, sentenceVectors, reusable ? previous : undefined);
  const manifest = manifestFor(input, documents, sentences.length);
  const seconds = (performance.now() - started) / 1000;
  return { manifest, documents, vectors, sentenceVectors, stats: { embedded: toEmbed.length, reused: sentences.length - toEmbed.length, removed, seconds } };
}

function chunkCorpus(corpus: LoadedCorpus, chunking: ChunkingParams): IndexedDocument[] {
  let row = 0;
  return corpus.documents.map((document) => {
    const { sentences, passages } = chunkDocument(document, chunking);
    const indexedSentences = sentences.map((sentence) => ({ ...sentence, row: row++ }));
    return { ...document, sentences: indexedSentences, passages: passages.map((p) => ({ ...p, label: -1 })) };
  });
}

/** Copies the vectors of sentences the previous build already embedded; returns the rest. */
function copyReusedSentences(sentences: IndexedSentence[], store: SentenceVectors, previous?: KnowledgeSnapshot): IndexedSentence[] {
  const previousRow = new Map<string, number>();
  for (const document of previous?.documents ?? []) for (const s of document.sentences) previousRow.set(s.text, s.row);
  const missing: IndexedSentence[] = [];
  for (const sentence of sentences) {
    const row = previousRow.get(sentence.text);
    if (row === undefined || !previous) {
      missing.push(sentence);
      continue;
    }
    const { dim } = store;
    store.codes.set(previous.sentenceVectors.codes.subarray(row * dim, (row + 1) * dim), sentence.row * dim);
    store.scales[sentence.row] = previous.sentenceVectors.scales[row] as number;
  }
  return missing;
}

async function embedSentences(sentences: IndexedSentence[], store: SentenceVectors, embedder: Embedder, onProgress?: ProgressListener) {
  onProgress?.({ stage: 'embed', done: 0, total: sentences.length });
  for (let i = 0; i < sentences.length; i += EMBED_BATCH) {
    const batch = sentences.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((s) => s.text), 'passage');
    batch.forEach((sentence, j) => store.set(sentence.row, vectors[j] as Float32Array));
    onProgress?.({ stage: 'embed', done: i + batch.length, total: sentences.length });
  }
}

/**
 * Gives every passage a label: unchanged passages keep the previous label and vector, new ones are
 * inserted, and passages that are gone are deleted. Returns how many were deleted.
 */
function placePassages(documents: IndexedDocument[], vectors: VectorIndex, store: SentenceVectors, previous?: KnowledgeSnapshot): number {
  const previousLabel = new Map<string, number>();
  for (const passage of previous?.passageByLabel.values() ?? []) previousLabel.set(passage.text, passage.label);
  let nextLabel = 0;
  for (const label of previousLabel.values()) nextLabel = Math.max(nextLabel, label + 1);
  for (const document of documents) {
    for (const passage of document.passages as IndexedPassage[]) {
      const kept = previousLabel.get(passage.text);
      previousLabel.delete(passage.text);
      passage.label = kept ?? nextLabel++;
      if (kept === undefined) {
        const rows = document.sentences.slice(passage.firstSentence, passage.firstSentence + passage.sentenceCount).map((s) => s.row);
        vectors.add(passage.label, poolRows(store, rows));
      }
    }
  }
  // Whatever is left belonged to passages that no longer exist.
  for (const label of previousLabel.values()) vectors.remove(label);
  return previousLabel.size;
}

function manifestFor(input: BuildInput, documents: IndexedDocument[], sentenceCount: number): Manifest {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    modelId: input.embedder.id,
    modelHash: input.embedder.modelHash,
    dim: input.embedder.dim,
    chunking: input.chunking,
    hnsw: input.hnsw,
    corpusHash: input.corpus.corpusHash,
    builtAt: new Date().toISOString(),
    counts: { documents: documents.length, passages: documents.reduce((sum, d) => sum + d.passages.length, 0), sentences: sentenceCount },
  };
}
