import path from 'node:path';
import { type ChunkingParams, chunkDocument } from '../chunking/passages.js';
import type { LoadedCorpus } from '../corpus/loadCorpus.js';
import type { Embedder, ProgressListener } from '../embedding/embedder.js';
import { createHnswIndex, loadHnswIndex } from './hnswVectorIndex.js';
import { VECTORS_FILE } from './indexStore.js';
import { type HnswParams, INDEX_FORMAT_VERSION, type Manifest, graphReusable, sentenceVectorsReusable } from './manifest.js';
import { SentenceVectors, poolRows } from './sentenceVectors.js';
import type { IndexedDocument, IndexedPassage, IndexedSentence, KnowledgeSnapshot } from './snapshot.js';
import { embedWhilePlacing } from './embedWhilePlacing.js';
import { type LexicalData, buildLexicalData } from './lexicalData.js';
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
  /** Wall time of the embedding stage. */
  embedSeconds: number;
  /** Time spent inside vector-index inserts (pooling excluded). */
  insertSeconds: number;
}

export interface BuildResult {
  manifest: Manifest;
  documents: IndexedDocument[];
  vectors: VectorIndex;
  sentenceVectors: SentenceVectors;
  lexical: LexicalData;
  stats: BuildStats;
}


/**
 * Every sentence is embedded once; a passage's vector is the pooled vectors of its sentences, so
 * passages cost no model time and sentence scoring needs none at question time. When the live build
 * used the same model and chunking it is the embedding cache: only new sentences are embedded, and
 * its vector file is updated in place of a full rebuild. The live build in memory is never touched.
 */
export async function buildIndex(input: BuildInput): Promise<BuildResult> {
  const started = performance.now();
  const { embedder, previous } = input;
  const model = { modelId: embedder.id, modelHash: embedder.modelHash, dim: embedder.dim };
  const cache = previous && sentenceVectorsReusable(previous.manifest, model) ? previous : undefined;
  const documents = chunkCorpus(input.corpus, input.chunking);
  const sentences = documents.flatMap((d) => d.sentences);
  const sentenceVectors = new SentenceVectors(embedder.dim, sentences.length);
  const toEmbed = copyReusedSentences(sentences, sentenceVectors, cache);

  const base = previous && graphReusable(previous.manifest, { ...model, chunking: input.chunking, hnsw: input.hnsw }) ? previous : undefined;
  const graph = base && (await loadHnswIndex(path.join(base.folder, VECTORS_FILE), embedder.dim, input.hnsw, base.vectors.size).catch(() => undefined));
  // Without the previous graph file (another process may have replaced that build), insert every passage afresh.
  const vectors = graph ?? createHnswIndex(embedder.dim, input.hnsw, documents.reduce((sum, d) => sum + d.passages.length, 0));
  const placer = passagePlacer(vectors, sentenceVectors, graph ? base : undefined);
  const embedSeconds = await embedWhilePlacing(documents, toEmbed, sentenceVectors, embedder, placer, input.onProgress);
  const { removed, insertSeconds } = placer.finish();
  const manifest = manifestFor(input, documents, sentences.length);
  // After placing: postings refer to passage labels.
  const lexical = buildLexicalData(documents);
  const seconds = (performance.now() - started) / 1000;
  return { manifest, documents, vectors, sentenceVectors, lexical, stats: { embedded: toEmbed.length, reused: sentences.length - toEmbed.length, removed, seconds, embedSeconds, insertSeconds } };
}

function chunkCorpus(corpus: LoadedCorpus, chunking: ChunkingParams): IndexedDocument[] {
  let row = 0;
  return corpus.documents.map((document) => {
    const { sentences, passages } = chunkDocument(document, chunking);
    // Numbered in place rather than copied: copies left ~300k dead objects behind at 100k passages.
    const indexedSentences = sentences as IndexedSentence[];
    for (const sentence of indexedSentences) sentence.row = row++;
    const indexedPassages = passages as IndexedPassage[];
    for (const passage of indexedPassages) passage.label = -1;
    return { ...document, sentences: indexedSentences, passages: indexedPassages };
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

export interface PassagePlacer {
  place(document: IndexedDocument): void;
  /** Deletes the passages no document kept; returns how many, and the time inserts took. */
  finish(): { removed: number; insertSeconds: number };
}

/**
 * Gives every passage a label: unchanged passages keep the previous label and vector, new ones are
 * inserted, and passages that are gone are deleted when the placer finishes.
 */
function passagePlacer(vectors: VectorIndex, store: SentenceVectors, previous?: KnowledgeSnapshot): PassagePlacer {
  // Several passages can share a text (the same article saved twice): each keeps one label of its own.
  const previousLabels = new Map<string, number[]>();
  let nextLabel = 0;
  let insertMs = 0;
  for (const passage of previous?.passageByLabel.values() ?? []) {
    previousLabels.set(passage.text, [...(previousLabels.get(passage.text) ?? []), passage.label]);
    nextLabel = Math.max(nextLabel, passage.label + 1);
  }
  return {
    place(document) {
      for (const passage of document.passages as IndexedPassage[]) {
        const kept = previousLabels.get(passage.text)?.shift();
        passage.label = kept ?? nextLabel++;
        if (kept !== undefined) continue;
        const rows = document.sentences.slice(passage.firstSentence, passage.firstSentence + passage.sentenceCount).map((s) => s.row);
        const vector = poolRows(store, rows);
        const insertStarted = performance.now();
        vectors.add(passage.label, vector);
        insertMs += performance.now() - insertStarted;
      }
    },
    finish() {
      // Whatever is left belonged to passages that no longer exist.
      const gone = [...previousLabels.values()].flat();
      for (const label of gone) vectors.remove(label);
      return { removed: gone.length, insertSeconds: insertMs / 1000 };
    },
  };
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
