import path from 'node:path';
import { type ChunkingParams, chunkDocument } from '../chunking/passages.js';
import type { LoadedCorpus } from '../corpus/loadCorpus.js';
import type { Embedder, ProgressListener } from '../embedding/embedder.js';
import { createHnswIndex, loadHnswIndex } from './hnswVectorIndex.js';
import { VECTORS_FILE } from './indexStore.js';
import { type HnswParams, INDEX_FORMAT_VERSION, type Manifest, vectorsReusable } from './manifest.js';
import type { IndexedDocument, IndexedPassage, KnowledgeSnapshot } from './snapshot.js';
import type { VectorIndex } from './vectorIndex.js';

export interface BuildInput {
  corpus: LoadedCorpus;
  embedder: Embedder;
  chunking: ChunkingParams;
  hnsw: HnswParams;
  /** The live build: vectors of unchanged passages are taken from it instead of being embedded again. */
  previous?: KnowledgeSnapshot | undefined;
  onProgress?: ProgressListener | undefined;
}

export interface BuildResult {
  manifest: Manifest;
  documents: IndexedDocument[];
  vectors: VectorIndex;
  stats: { embedded: number; reused: number; removed: number; seconds: number };
}

const EMBED_BATCH = 64;

/**
 * Chunks the corpus and brings a vector index up to date with it. When the live build used the same
 * model and chunking, its vector file is the embedding cache: only new or changed passages are embedded,
 * and passages that are gone are deleted. The live build in memory is never touched.
 */
export async function buildIndex(input: BuildInput): Promise<BuildResult> {
  const started = performance.now();
  const { corpus, embedder, chunking, hnsw, previous } = input;
  const reusable = previous && vectorsReusable(previous.manifest, { modelId: embedder.id, modelHash: embedder.modelHash, dim: embedder.dim, chunking });
  const vectors = reusable
    ? await loadHnswIndex(path.join(previous.folder, VECTORS_FILE), embedder.dim, hnsw, previous.vectors.size)
    : createHnswIndex(embedder.dim, hnsw);
  const labelByText = new Map<string, number>();
  if (reusable) for (const passage of previous.passageByLabel.values()) labelByText.set(passage.text, passage.label);
  let nextLabel = reusable ? nextFreeLabel(previous) : 0;

  const documents: IndexedDocument[] = [];
  const toEmbed: IndexedPassage[] = [];
  for (const document of corpus.documents) {
    const { sentences, passages } = chunkDocument(document, chunking);
    const indexed = passages.map((passage) => {
      const label = labelByText.get(passage.text);
      if (label !== undefined) {
        labelByText.delete(passage.text);
        return { ...passage, label };
      }
      const fresh = { ...passage, label: nextLabel++ };
      toEmbed.push(fresh);
      return fresh;
    });
    documents.push({ ...document, sentences, passages: indexed });
  }
  // Whatever is left in the map belonged to passages that no longer exist.
  for (const label of labelByText.values()) vectors.remove(label);
  await embedInto(vectors, toEmbed, embedder, input.onProgress);

  const passageCount = documents.reduce((sum, d) => sum + d.passages.length, 0);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    modelId: embedder.id,
    modelHash: embedder.modelHash,
    dim: embedder.dim,
    chunking,
    hnsw,
    corpusHash: corpus.corpusHash,
    builtAt: new Date().toISOString(),
    counts: { documents: documents.length, passages: passageCount, sentences: documents.reduce((sum, d) => sum + d.sentences.length, 0) },
  };
  const seconds = (performance.now() - started) / 1000;
  return { manifest, documents, vectors, stats: { embedded: toEmbed.length, reused: passageCount - toEmbed.length, removed: labelByText.size, seconds } };
}

async function embedInto(vectors: VectorIndex, passages: IndexedPassage[], embedder: Embedder, onProgress?: ProgressListener) {
  onProgress?.({ stage: 'embed', done: 0, total: passages.length });
  for (let i = 0; i < passages.length; i += EMBED_BATCH) {
    const batch = passages.slice(i, i + EMBED_BATCH);
    const embedded = await embedder.embed(batch.map((p) => p.text), 'passage');
    batch.forEach((passage, j) => vectors.add(passage.label, embedded[j] as Float32Array));
    onProgress?.({ stage: 'embed', done: i + batch.length, total: passages.length });
  }
}

function nextFreeLabel(snapshot: KnowledgeSnapshot): number {
  let max = -1;
  for (const label of snapshot.passageByLabel.keys()) if (label > max) max = label;
  return max + 1;
}
