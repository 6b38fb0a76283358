/** Whether a text is a user's question or a stored passage: some model families embed them with different prefixes. */
export type EmbedKind = 'query' | 'passage';

/**
 * The embedding port. Everything above this layer sees only unit-length vectors;
 * the library that produces them stays behind one adapter file.
 */
export interface Embedder {
  /** Model id as configured, e.g. "bundled" or "Xenova/multilingual-e5-small". */
  readonly id: string;
  /** Hash of the model files, so a persisted index can tell that the model changed. */
  readonly modelHash: string;
  readonly dim: number;
  /** Languages (ISO 639-1) the model reads; undefined when it is not known, e.g. for a Hub model. */
  readonly languages?: readonly string[];
  /** True when a question and a passage in different languages land near each other (a multilingual model): no query translation is needed. */
  readonly crossLingual?: boolean;
  /** Returns one L2-normalised vector per text, in order. */
  embed(texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]>;
}

/** Reports long-running work (model build, indexing) to a progress bar or a chat message. */
export type ProgressListener = (event: { stage: string; done: number; total: number }) => void;
