/**
 * The arithmetic of a static embedding model read from its token table, without the model runtime:
 * the bundled model's fast path (staticEmbedder.ts) and the transformers.js path share it, so both
 * give the same vectors bit for bit.
 */

export interface RawTensor {
  data: ArrayLike<number | bigint>;
  dims: number[];
}

export interface TokenTable {
  dim: number;
  /** Row t is token t's vector, as the model outputs it. */
  rows: Float32Array;
}

/** Per row of the batch, the mean of the table rows of its unmasked tokens (the graph's output, mean-pooled), packed. */
export function meanFromTable(table: TokenTable, ids: RawTensor, mask: RawTensor): Float32Array {
  const [batch, seq] = ids.dims as [number, number];
  const { dim, rows } = table;
  const out = new Float32Array(batch * dim);
  const sums = new Float64Array(dim);
  const tokens = Array.from(ids.data, Number);
  const used = Array.from(mask.data, Number);
  for (let b = 0; b < batch; b++) {
    sums.fill(0);
    let count = 0;
    for (let j = b * seq; j < (b + 1) * seq; j++) {
      if (used[j] === 0) continue; // padding
      count++;
      addRow(sums, rows, (tokens[j] as number) * dim);
    }
    for (let k = 0; k < dim; k++) out[b * dim + k] = (sums[k] as number) / count;
  }
  return out;
}

/** The hot loop (tokens × dim additions), unrolled by four: V8 does not vectorise it, and this halves its time. */
function addRow(sums: Float64Array, rows: Float32Array, base: number): void {
  const n = sums.length;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    sums[k]! += rows[base + k]!;
    sums[k + 1]! += rows[base + k + 1]!;
    sums[k + 2]! += rows[base + k + 2]!;
    sums[k + 3]! += rows[base + k + 3]!;
  }
  for (; k < n; k++) sums[k]! += rows[base + k]!;
}

export function normalizeRows(packed: Float32Array, dim: number): Float32Array {
  for (let at = 0; at < packed.length; at += dim) normalizeInPlace(packed.subarray(at, at + dim));
  return packed;
}

/** L2 norm accumulated in float32, as transformers.js does, so stored indexes stay comparable. */
export function normalizeInPlace(row: Float32Array): void {
  let squares = 0;
  for (const value of row) squares = Math.fround(squares + value ** 2);
  const norm = Math.fround(squares ** (1 / 2));
  for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) / norm;
}
