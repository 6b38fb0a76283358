/**
 * The numeric side of the static model: turning the teacher's per-token vectors into the
 * table the ONNX graph looks rows up in. Pure functions, no I/O.
 */

/** A SentencePiece vocabulary entry: the piece and its log-probability (null when unknown). */
export type VocabEntry = readonly [piece: string, logProb: number | null];

/** Rows 0–5 are `�` (unk), `<s>`, `</s>` and three `extra_token_id_*` placeholders. */
export const SPECIAL_TOKEN_COUNT = 6;

/**
 * SIF's smoothing constant (Arora et al. 2017). Around 1e-4 the most frequent pieces
 * ("▁the", ".", ",") are damped by ~300× while pieces rarer than 1e-4 keep most of their weight.
 */
export const SIF_A = 1e-4;

/**
 * A piece's log-probability as far as SIF is concerned, or null when the vocabulary's
 * number cannot be one. The shipped vocab.json garbled every piece containing ":"
 * (null for ":", "▁:)" …, 30 for ":30", 0 for ":00"); a log-probability is always < 0.
 */
function usableLogProb(entry: VocabEntry): number | null {
  const score = entry[1];
  return score !== null && Number.isFinite(score) && score < 0 ? score : null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/**
 * SIF weight a/(a+p) per row; 0 for special rows.
 *
 * Pieces with a garbled score get the median piece's log-probability. They are ":" plus
 * emoticons and times — a mix of common and rare — so neither extreme fits: treating them
 * as very rare (weight ≈ 1) would let a colon outweigh every content word of a sentence,
 * treating them as common would erase ":)" and ":30" entirely.
 */
export function sifWeights(vocab: readonly VocabEntry[], a = SIF_A): Float32Array {
  const known = vocab.slice(SPECIAL_TOKEN_COUNT).map(usableLogProb);
  const fallback = median(known.filter((s): s is number => s !== null));
  const weights = new Float32Array(vocab.length);
  known.forEach((logProb, i) => {
    const p = Math.exp(logProb ?? fallback);
    weights[i + SPECIAL_TOKEN_COUNT] = a / (a + p);
  });
  return weights;
}

/**
 * Centres the non-special rows on their mean, then scales each row by its SIF weight.
 * Every USE output shares a large common component; without centring, all sentences
 * would look alike (cosines near 1) after mean pooling.
 */
export function postProcessTable(
  table: Float32Array,
  dim: number,
  vocab: readonly VocabEntry[],
): Float32Array {
  const rows = vocab.length;
  if (table.length !== rows * dim) throw new Error(`table has ${table.length} values, expected ${rows}×${dim}`);
  const mean = new Float64Array(dim);
  for (let r = SPECIAL_TOKEN_COUNT; r < rows; r++) {
    for (let j = 0; j < dim; j++) mean[j]! += table[r * dim + j]!;
  }
  for (let j = 0; j < dim; j++) mean[j]! /= rows - SPECIAL_TOKEN_COUNT;

  const weights = sifWeights(vocab);
  const out = new Float32Array(table.length); // special rows stay zero
  for (let r = SPECIAL_TOKEN_COUNT; r < rows; r++) {
    const w = weights[r]!;
    for (let j = 0; j < dim; j++) out[r * dim + j] = (table[r * dim + j]! - mean[j]!) * w;
  }
  return out;
}

/** Symmetric per-row int8 quantisation: value ≈ q * scale, q in [-127, 127]. */
export interface QuantizedTable {
  values: Int8Array;
  scales: Float32Array;
}

export function quantizeRows(table: Float32Array, dim: number): QuantizedTable {
  const rows = table.length / dim;
  const values = new Int8Array(table.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let maxAbs = 0;
    for (let j = 0; j < dim; j++) maxAbs = Math.max(maxAbs, Math.abs(table[r * dim + j]!));
    if (maxAbs === 0) continue; // all-zero row (special tokens): q = 0, scale = 0
    const scale = maxAbs / 127;
    scales[r] = scale;
    for (let j = 0; j < dim; j++) {
      values[r * dim + j] = Math.max(-127, Math.min(127, Math.round(table[r * dim + j]! / scale)));
    }
  }
  return { values, scales };
}
