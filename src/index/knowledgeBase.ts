import { DEFAULT_CHUNKING, type ChunkingParams } from '../chunking/passages.js';
import { type LoadedCorpus, loadCorpus } from '../corpus/loadCorpus.js';
import type { Embedder, ProgressListener } from '../embedding/embedder.js';
import { type BuildResult, buildIndex } from './buildIndex.js';
import { DEFAULT_HNSW } from './hnswVectorIndex.js';
import { loadSnapshot, readCurrentBuildFolder, readManifest, removeStaleBuilds, writeBuild } from './indexStore.js';
import { type HnswParams, checkManifest } from './manifest.js';
import { type KnowledgeSnapshot, assembleSnapshot } from './snapshot.js';

export interface KnowledgeBaseOptions {
  corpusDir: string;
  indexDir: string;
  maxDocumentBytes: number;
  embedder: Embedder;
  chunking?: ChunkingParams;
  hnsw?: HnswParams;
  /** Told why an index is rebuilt and which corpus files were skipped. */
  onNotice?: (message: string) => void;
}

export type RebuildOutcome =
  | { status: 'busy' }
  | { status: 'done'; corpus: LoadedCorpus; stats: BuildResult['stats']; snapshot: KnowledgeSnapshot };

/**
 * Holds the live snapshot and swaps in new builds. Questions read `snapshot` without waiting;
 * corpus changes run one at a time, and a failed one leaves the live snapshot as it was.
 */
export class KnowledgeBase {
  #snapshot: KnowledgeSnapshot;
  #queue: Promise<unknown> = Promise.resolve();
  #busy = false;

  private constructor(
    private readonly options: Required<Omit<KnowledgeBaseOptions, 'onNotice'>> & Pick<KnowledgeBaseOptions, 'onNotice'>,
    snapshot: KnowledgeSnapshot,
  ) {
    this.#snapshot = snapshot;
  }

  /** Loads the persisted index when it matches the model, chunking and corpus; otherwise rebuilds it. */
  static async open(options: KnowledgeBaseOptions, onProgress?: ProgressListener): Promise<KnowledgeBase> {
    const full = { chunking: DEFAULT_CHUNKING, hnsw: DEFAULT_HNSW, onNotice: undefined, ...options };
    await removeStaleBuilds(full.indexDir);
    const corpus = await loadCorpus(full.corpusDir, full.maxDocumentBytes);
    reportRejected(corpus, full.onNotice);
    const folder = await readCurrentBuildFolder(full.indexDir);
    const manifest = folder ? await readManifest(folder) : undefined;
    const previous = folder && manifest ? await loadSnapshot(folder, manifest).catch(() => undefined) : undefined;
    const { embedder } = full;
    const check = manifest
      ? checkManifest(manifest, { modelId: embedder.id, modelHash: embedder.modelHash, dim: embedder.dim, chunking: full.chunking, corpusHash: corpus.corpusHash })
      : { usable: false as const, reason: 'no index has been built yet' };
    if (check.usable && previous) return new KnowledgeBase(full, previous);
    full.onNotice?.(`Building the index: ${check.usable ? 'the stored index could not be read' : check.reason}.`);
    const result = await buildIndex({ corpus, embedder, chunking: full.chunking, hnsw: full.hnsw, previous, onProgress });
    return new KnowledgeBase(full, await persist(full.indexDir, result));
  }

  get snapshot(): KnowledgeSnapshot {
    return this.#snapshot;
  }

  get corpusDir(): string {
    return this.options.corpusDir;
  }

  get maxDocumentBytes(): number {
    return this.options.maxDocumentBytes;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Re-reads the corpus folder and builds incrementally; answers `busy` instead of queueing a second rebuild. */
  async rebuild(onProgress?: ProgressListener): Promise<RebuildOutcome> {
    if (this.#busy) return { status: 'busy' };
    return this.exclusive(() => this.rebuildNow(onProgress));
  }

  /** Runs a corpus change after any other one finishes: changes never interleave. */
  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      this.#busy = true;
      try {
        return await operation();
      } finally {
        this.#busy = false;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** For callers already inside `exclusive` (document add and remove). */
  async rebuildNow(onProgress?: ProgressListener): Promise<Extract<RebuildOutcome, { status: 'done' }>> {
    const { options } = this;
    const corpus = await loadCorpus(options.corpusDir, options.maxDocumentBytes);
    reportRejected(corpus, options.onNotice);
    const previous = this.#snapshot;
    const result = await buildIndex({ corpus, embedder: options.embedder, chunking: options.chunking, hnsw: options.hnsw, previous, onProgress });
    this.#snapshot = await persist(options.indexDir, result);
    await removeStaleBuilds(options.indexDir);
    return { status: 'done', corpus, stats: result.stats, snapshot: this.#snapshot };
  }
}

async function persist(indexDir: string, result: BuildResult): Promise<KnowledgeSnapshot> {
  const folder = await writeBuild(indexDir, result.manifest, result.documents, result.vectors, result.sentenceVectors);
  return assembleSnapshot(result.manifest, result.documents, result.vectors, result.sentenceVectors, folder);
}

function reportRejected(corpus: LoadedCorpus, onNotice?: (message: string) => void): void {
  for (const rejected of corpus.rejected) onNotice?.(`Skipped ${rejected.message}`);
}
