/** A nearest neighbour, with cosine similarity (1 is identical). */
export interface Neighbour {
  label: number;
  similarity: number;
}

/** The vector index port; the library behind it is imported by one adapter file only. */
export interface VectorIndex {
  readonly dim: number;
  /** Live (not deleted) vectors. */
  readonly size: number;
  add(label: number, vector: Float32Array): void;
  remove(label: number): void;
  search(vector: Float32Array, k: number): Neighbour[];
  save(file: string): Promise<void>;
}
