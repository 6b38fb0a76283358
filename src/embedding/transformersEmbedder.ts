import { availableParallelism } from 'node:os';
import { env, pipeline } from '@xenova/transformers';
import { EmbeddingPool } from './embeddingPool.js';
import { type TokenTable, meanFromTable, normalizeInPlace, normalizeRows } from './staticPooling.js';
import { readTokenTable } from './tokenTable.js';
import type { EmbedKind, Embedder } from './embedder.js';

/** With tokenTable.ts, the only code that imports transformers.js (embeddingWorker.ts runs it in a worker thread); everything else sees the Embedder port. */

export interface TransformersModelOptions {
  /** Id reported in manifests and answers, e.g. "bundled" or a Hub id. */
  id: string;
  /** Folder name under `localModelPath`, or a Hub id when remote models are allowed. */
  modelName: string;
  modelHash: string;
  /** Folder that holds local models (the bundled one) and the download cache of Hub models. */
  modelsDir: string;
  allowRemote: boolean;
  quantized: boolean;
  prefixes: Record<EmbedKind, string>;
  pooling: 'mean' | 'cls';
  /** Languages the model reads, when known. */
  languages?: readonly string[];
  /** Called with a static model's token table once it is read, e.g. to keep it for the next start. */
  onTokenTable?: (table: TokenTable) => Promise<void>;
}

interface RawTensor {
  data: ArrayLike<number | bigint>;
  dims: number[];
}

/** The pipeline's own parts: tokenizer and model are called directly so pooling can run on typed arrays. */
interface FeaturePipeline {
  tokenizer: { (texts: string[], options: { padding: boolean; truncation: boolean }): { input_ids: RawTensor; attention_mask: RawTensor }; model: unknown };
  model: { (inputs: unknown): Promise<{ last_hidden_state: RawTensor }>; config?: { vocab_size?: number } };
}

/** transformers.js's Unigram model: `tokenize` runs a Viterbi lattice over one pre-tokenized string. */
interface UnigramModel {
  vocab: string[];
  tokenize(normalized: string): string[];
}

const WORD_START = '▁';
/** Distinct words kept; a news corpus of 100k passages has far fewer. */
const WORD_CACHE_LIMIT = 200_000;

/** Embeds texts in the calling thread; returns the vectors packed row after row. */
export interface Runner {
  dim: number;
  /** A static model's token table, read once, used instead of running the network. */
  table: TokenTable | undefined;
  run(texts: readonly string[]): Promise<Float32Array>;
}

/** Measured by `npm run bench`: larger batches only add padding. */
const BATCH_SIZE = 32;
/** Below this, a call is cheaper in this thread than a round trip to a worker (queries are one text). */
const POOL_MIN_TEXTS = 256;
/**
 * A model that runs a network per batch embeds in one worker thread while the main thread inserts
 * into HNSW. The bundled static model does not: read from its token table it embeds ~8000 sentences/s
 * on one core, and at 100k passages a worker made ingest 19% faster (546 vs 459 passages/s) but
 * raised peak RSS by 160 MB (1059 vs 899 MB), so it embeds in the calling thread.
 */
const POOL_SIZE = Math.min(1, availableParallelism() - 1);

export async function loadRunner(options: TransformersModelOptions): Promise<Runner> {
  env.localModelPath = options.modelsDir;
  env.cacheDir = options.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemote;
  const extractor = (await pipeline('feature-extraction', options.modelName, { quantized: options.quantized })) as unknown as FeaturePipeline;
  cacheWordPieces(extractor.tokenizer.model);
  const table = options.pooling === 'mean' ? await readTokenTable((inputs) => extractor.model(inputs), extractor.model.config?.vocab_size ?? 0) : undefined;
  const runBatch = async (texts: string[]) => {
    const inputs = extractor.tokenizer(texts, { padding: true, truncation: true });
    if (table) return normalizeRows(meanFromTable(table, inputs.input_ids, inputs.attention_mask), table.dim);
    const { last_hidden_state: hidden } = await extractor.model(inputs);
    return poolHidden(hidden, inputs.attention_mask, options.pooling);
  };
  const dim = (await runBatch(['dimension probe'])).length;
  return {
    dim,
    table,
    async run(texts) {
      // Batches of similar length: a batch is padded to its longest text, and the model and pooling
      // pay for every padded position. Vectors do not depend on the batch, so the order is restored after.
      const order = texts.map((_, i) => i).sort((a, b) => (texts[a] as string).length - (texts[b] as string).length);
      const packed = new Float32Array(texts.length * dim);
      for (let i = 0; i < order.length; i += BATCH_SIZE) {
        const rows = order.slice(i, i + BATCH_SIZE);
        const vectors = await runBatch(rows.map((row) => texts[row] as string));
        rows.forEach((row, j) => packed.set(vectors.subarray(j * dim, (j + 1) * dim), row * dim));
      }
      return packed;
    },
  };
}

export async function createTransformersEmbedder(options: TransformersModelOptions): Promise<Embedder> {
  const local = await loadRunner(options);
  const { onTokenTable, ...workerOptions } = options; // a function cannot be posted to a worker
  if (local.table) await onTokenTable?.(local.table);
  const pool = new EmbeddingPool(workerOptions, local.table ? 0 : POOL_SIZE);
  const { dim } = local;
  return {
    id: options.id,
    modelHash: options.modelHash,
    dim,
    ...(options.languages ? { languages: options.languages } : {}),
    async embed(texts, kind) {
      const prefixed = texts.map((text) => options.prefixes[kind] + text);
      // A bulk call (indexing) goes to worker threads, so the caller's thread stays free to insert.
      const packed = prefixed.length >= POOL_MIN_TEXTS && pool.usable
        ? await pool.run(prefixed).catch(() => local.run(prefixed))
        : await local.run(prefixed);
      return Array.from({ length: texts.length }, (_, row) => packed.subarray(row * dim, (row + 1) * dim));
    },
  };
}

/**
 * The Metaspace pre-tokenizer hands Unigram whole sentences, and its lattice was ~60% of embedding
 * time. When no piece has "▁" after its first character, no piece can span a word boundary, so the
 * best path through a sentence is the best path through each "▁word" in turn: tokenizing word by
 * word, with a cache, gives the same pieces (checked on every sentence of the bench corpora).
 */
export function cacheWordPieces(model: unknown): void {
  const unigram = model as Partial<UnigramModel>;
  if (!Array.isArray(unigram.vocab) || typeof unigram.tokenize !== 'function' || model?.constructor?.name !== 'Unigram') return;
  if (unigram.vocab.some((piece) => piece.indexOf(WORD_START, 1) !== -1)) return;
  const tokenizeSpan = unigram.tokenize.bind(model);
  const cache = new Map<string, string[]>();
  unigram.tokenize = (normalized) => {
    const pieces: string[] = [];
    for (const word of normalized.split(/(?=▁)/u)) {
      let wordPieces = cache.get(word);
      if (wordPieces === undefined) {
        wordPieces = tokenizeSpan(word);
        if (cache.size < WORD_CACHE_LIMIT) cache.set(word, wordPieces);
      }
      for (const piece of wordPieces) pieces.push(piece);
    }
    return pieces;
  };
}

/**
 * Pools [batch, seq, dim] hidden states into unit vectors, packed row after row. transformers.js's
 * own mean_pooling reads every element through a Proxy and converts the int64 mask once per element,
 * which cost ~70% of embedding time; this gives bit-identical vectors (same summation order, same
 * float32 rounding in the norm) reading the typed arrays directly.
 */
export function poolHidden(hidden: RawTensor, mask: RawTensor, pooling: 'mean' | 'cls'): Float32Array {
  const [batch, seq, dim] = hidden.dims as [number, number, number];
  const data = hidden.data as Float32Array;
  const packed = new Float32Array(batch * dim);
  for (let b = 0; b < batch; b++) {
    const row = packed.subarray(b * dim, (b + 1) * dim);
    if (pooling === 'cls') row.set(data.subarray(b * seq * dim, b * seq * dim + dim));
    else meanInto(row, data, b * seq * dim, mask.data, b * seq, seq);
    normalizeInPlace(row);
  }
  return packed;
}

function meanInto(row: Float32Array, data: Float32Array, offset: number, mask: ArrayLike<number | bigint>, maskOffset: number, seq: number): void {
  const dim = row.length;
  const sums = new Float64Array(dim);
  let count = 0;
  for (let j = 0; j < seq; j++) {
    if (Number(mask[maskOffset + j]) === 0) continue; // padded: adds exactly 0 to every sum
    count++;
    const base = offset + j * dim;
    for (let k = 0; k < dim; k++) sums[k] = (sums[k] as number) + (data[base + k] as number);
  }
  for (let k = 0; k < dim; k++) row[k] = (sums[k] as number) / count;
}
