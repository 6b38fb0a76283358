import { poolRows } from '../../src/index/sentenceVectors.js';
import type { KnowledgeSnapshot } from '../../src/index/snapshot.js';
import { percentile } from '../evalMetrics.js';

export { percentile };

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

/** p50/p95/p99 in milliseconds of a list of durations in milliseconds. */
export function latencySummary(durationsMs: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Rounds for the report: enough digits to compare runs, not so many that noise looks like signal. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Exact top-k labels for every query by brute force over all passage vectors, re-pooled from the
 * stored sentence vectors exactly as the build pooled them before inserting. Streams passages so
 * memory stays flat (a 100k×512 float matrix would be 200 MB and distort the RSS figure).
 */
export function exactNeighbours(snapshot: KnowledgeSnapshot, queries: readonly Float32Array[], k: number): number[][] {
  const dim = snapshot.sentenceVectors.dim;
  const matrix = new Float32Array(queries.length * dim);
  queries.forEach((q, i) => matrix.set(q, i * dim));
  const best = queries.map(() => ({ scores: new Float64Array(k).fill(-Infinity), labels: new Array<number>(k).fill(-1), worst: 0 }));
  for (const document of snapshot.documents) {
    for (const passage of document.passages) {
      const rows = document.sentences.slice(passage.firstSentence, passage.firstSentence + passage.sentenceCount).map((s) => s.row);
      const vector = poolRows(snapshot.sentenceVectors, rows);
      for (let q = 0; q < queries.length; q++) {
        let dot = 0;
        for (let i = 0, o = q * dim; i < dim; i++) dot += (vector[i] as number) * (matrix[o + i] as number);
        const top = best[q] as (typeof best)[number];
        if (dot > (top.scores[top.worst] as number)) {
          top.scores[top.worst] = dot;
          top.labels[top.worst] = passage.label;
          top.worst = indexOfMin(top.scores);
        }
      }
    }
  }
  return best.map((top) => top.labels.filter((label) => label >= 0));
}

function indexOfMin(values: Float64Array): number {
  let at = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[at] as number)) at = i;
  return at;
}

/** Mean share of the exact top-k that the approximate search also returned. */
export function recallAtK(approximate: readonly number[][], exact: readonly number[][]): number {
  let sum = 0;
  exact.forEach((truth, i) => {
    const found = new Set(approximate[i]);
    sum += truth.length === 0 ? 1 : truth.filter((label) => found.has(label)).length / truth.length;
  });
  return exact.length === 0 ? 1 : sum / exact.length;
}
