/**
 * Sentence vectors kept as int8 with one float scale per row: a quarter of the memory of float32,
 * and re-quantising a dequantised row gives back the same bytes, so reused vectors never drift.
 */
export class SentenceVectors {
  readonly dim: number;
  readonly rows: number;
  readonly codes: Int8Array;
  readonly scales: Float32Array;

  constructor(dim: number, rows: number, codes = new Int8Array(dim * rows), scales = new Float32Array(rows)) {
    if (codes.length !== dim * rows || scales.length !== rows) {
      throw new RangeError(`Sentence vector store of ${rows}×${dim} got ${codes.length} codes and ${scales.length} scales.`);
    }
    this.dim = dim;
    this.rows = rows;
    this.codes = codes;
    this.scales = scales;
  }

  set(row: number, vector: Float32Array): void {
    let max = 0;
    for (const value of vector) max = Math.max(max, Math.abs(value));
    const scale = max === 0 ? 1 : max / 127;
    const offset = row * this.dim;
    for (let i = 0; i < this.dim; i++) this.codes[offset + i] = Math.round((vector[i] as number) / scale);
    this.scales[row] = scale;
  }

  get(row: number): Float32Array {
    const vector = new Float32Array(this.dim);
    const scale = this.scales[row] as number;
    const offset = row * this.dim;
    for (let i = 0; i < this.dim; i++) vector[i] = (this.codes[offset + i] as number) * scale;
    return vector;
  }

  /** Dot product with a float query without materialising the row. */
  dot(row: number, query: Float32Array): number {
    const offset = row * this.dim;
    let sum = 0;
    for (let i = 0; i < this.dim; i++) sum += (this.codes[offset + i] as number) * (query[i] as number);
    return sum * (this.scales[row] as number);
  }
}

/** A passage vector as the normalised sum of its sentences' vectors, so a passage needs no embedding of its own. */
export function poolRows(store: SentenceVectors, rows: readonly number[]): Float32Array {
  const pooled = new Float32Array(store.dim);
  for (const row of rows) {
    const vector = store.get(row);
    for (let i = 0; i < store.dim; i++) pooled[i] = (pooled[i] as number) + (vector[i] as number);
  }
  let norm = 0;
  for (const value of pooled) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < store.dim; i++) pooled[i] = (pooled[i] as number) / norm;
  return pooled;
}
