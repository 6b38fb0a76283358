import hnswlib from 'hnswlib-node';
import type { HnswParams } from './manifest.js';
import type { Neighbour, VectorIndex } from './vectorIndex.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/**
 * Chosen with scripts/bench/hnswSweep.ts on the 100k-passage bench corpus (512-d, 200 questions):
 * recall@10 0.988 at ef 256 with M 24, efConstruction 100, inserting 720/s; M 16 with
 * efConstruction 200 reached 0.990 only at 445 inserts/s, and ef 64 gave 0.92–0.93 whatever the
 * graph. A search at ef 256 costs ~2.4 ms, well inside the answer budget.
 */
export const DEFAULT_HNSW: HnswParams = { m: 24, efConstruction: 100, efSearch: 256 };

const INITIAL_CAPACITY = 1024;
const SEED = 42;

/**
 * `expected` sizes the graph for the passages about to be inserted: growing by doubling copies the
 * whole graph each time, and at 100k passages the last copy held ~150 MB twice over, the build's
 * peak memory. Later inserts still grow it as needed.
 */
export function createHnswIndex(dim: number, params: HnswParams, expected = 0): VectorIndex {
  const index = new HierarchicalNSW('cosine', dim);
  const maxElements = Math.max(INITIAL_CAPACITY, expected);
  index.initIndex({ maxElements, m: params.m, efConstruction: params.efConstruction, randomSeed: SEED, allowReplaceDeleted: true });
  return wrap(index, dim, params, 0);
}

/** `liveCount` comes from the stored passages: hnswlib's own counts include deleted points. */
export async function loadHnswIndex(file: string, dim: number, params: HnswParams, liveCount: number): Promise<VectorIndex> {
  const index = new HierarchicalNSW('cosine', dim);
  await index.readIndex(file, true);
  return wrap(index, dim, params, liveCount);
}

function wrap(index: Hnsw, dim: number, params: HnswParams, liveCount: number): VectorIndex {
  index.setEf(params.efSearch);
  let live = liveCount;
  return {
    dim,
    get size() {
      return live;
    },
    add(label, vector) {
      if (index.getCurrentCount() >= index.getMaxElements()) index.resizeIndex(index.getMaxElements() * 2);
      // replaceDeleted reuses the slots of removed passages, so repeated edits do not grow the file.
      index.addPoint(Array.from(vector), label, true);
      live++;
    },
    remove(label) {
      index.markDelete(label);
      live--;
    },
    search(vector, k): Neighbour[] {
      if (live === 0) return [];
      // hnswlib's cosine space returns the distance 1 − cos.
      const { neighbors, distances } = index.searchKnn(Array.from(vector), Math.min(k, live));
      return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] as number) }));
    },
    async save(file) {
      await index.writeIndex(file);
    },
  };
}
