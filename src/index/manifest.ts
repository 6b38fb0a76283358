import { z } from 'zod';
import type { ChunkingParams } from '../chunking/passages.js';

/**
 * Bumped whenever the stored layout or the meaning of stored offsets changes (sentence splitter,
 * chunker, lexical data); an index with another version is rebuilt rather than misread.
 */
export const INDEX_FORMAT_VERSION = 3;

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

export interface Manifest {
  formatVersion: number;
  modelId: string;
  modelHash: string;
  dim: number;
  chunking: ChunkingParams;
  hnsw: HnswParams;
  corpusHash: string;
  builtAt: string;
  counts: { documents: number; passages: number; sentences: number };
}

const count = z.number().int().nonnegative();
const manifestSchema = z.object({
  formatVersion: z.number().int(),
  modelId: z.string(),
  modelHash: z.string(),
  dim: z.number().int().positive(),
  chunking: z.object({ sentencesPerPassage: z.number().int(), overlap: z.number().int() }),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }),
  corpusHash: z.string(),
  builtAt: z.string(),
  counts: z.object({ documents: count, passages: count, sentences: count }),
});

/** A manifest from disk, or undefined when it is not one (truncated, edited, older layout): that means rebuild. */
export function parseManifest(json: unknown): Manifest | undefined {
  const parsed = manifestSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** What the running process needs an index to have been built with. efSearch is not here: it applies at load. */
export type IndexRequirements = Pick<Manifest, 'modelId' | 'modelHash' | 'dim' | 'chunking' | 'corpusHash'> & {
  hnsw: Pick<HnswParams, 'm' | 'efConstruction'>;
};

export type ManifestCheck = { usable: true } | { usable: false; reason: string };

/** Pure: is a stored index valid for the current model, chunking and corpus? Says why not. */
export function checkManifest(stored: Manifest, required: IndexRequirements): ManifestCheck {
  if (stored.formatVersion !== INDEX_FORMAT_VERSION) {
    return stale(`index format ${stored.formatVersion}, this version reads ${INDEX_FORMAT_VERSION}`);
  }
  if (stored.modelId !== required.modelId) return stale(`built with model ${stored.modelId}, configured ${required.modelId}`);
  if (stored.modelHash !== required.modelHash) return stale(`the files of model ${required.modelId} changed`);
  if (stored.dim !== required.dim) return stale(`vectors have ${stored.dim} dimensions, the model gives ${required.dim}`);
  if (!sameChunking(stored.chunking, required.chunking)) {
    return stale(`chunking ${describe(stored.chunking)} differs from ${describe(required.chunking)}`);
  }
  if (stored.hnsw.m !== required.hnsw.m || stored.hnsw.efConstruction !== required.hnsw.efConstruction) {
    return stale(`the HNSW graph was built with M=${stored.hnsw.m}, efConstruction=${stored.hnsw.efConstruction}`);
  }
  if (stored.corpusHash !== required.corpusHash) return stale('the corpus changed since the index was built');
  return { usable: true };
}

/** Whether the HNSW graph of a stored index can be updated in place for a new build (the corpus may differ). */
export function graphReusable(stored: Manifest, required: Omit<IndexRequirements, 'corpusHash'>): boolean {
  return checkManifest(stored, { ...required, corpusHash: stored.corpusHash }).usable;
}

/** Sentence vectors depend on the model only: sentences are split the same way whatever the chunking. */
export function sentenceVectorsReusable(stored: Manifest, required: Pick<Manifest, 'modelId' | 'modelHash' | 'dim'>): boolean {
  return stored.modelId === required.modelId && stored.modelHash === required.modelHash && stored.dim === required.dim;
}

function sameChunking(a: ChunkingParams, b: ChunkingParams): boolean {
  return a.sentencesPerPassage === b.sentencesPerPassage && a.overlap === b.overlap;
}

function describe(params: ChunkingParams): string {
  return `${params.sentencesPerPassage}/${params.overlap}`;
}

function stale(reason: string): ManifestCheck {
  return { usable: false, reason };
}
