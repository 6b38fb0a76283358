import type { ChunkingParams } from '../chunking/passages.js';

/**
 * Bumped whenever the stored layout or the meaning of stored offsets changes (sentence splitter,
 * chunker); an index with another version is rebuilt rather than misread.
 */
export const INDEX_FORMAT_VERSION = 2;

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

/** What the running process needs an index to have been built with. */
export type IndexRequirements = Pick<Manifest, 'modelId' | 'modelHash' | 'dim' | 'chunking' | 'corpusHash'>;

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
  if (stored.corpusHash !== required.corpusHash) return stale('the corpus changed since the index was built');
  return { usable: true };
}

/** Whether vectors of a stored index can be reused for a new build (the corpus may differ). */
export function vectorsReusable(stored: Manifest, required: Omit<IndexRequirements, 'corpusHash'>): boolean {
  return checkManifest(stored, { ...required, corpusHash: stored.corpusHash }).usable;
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
