import { DEFAULT_CHUNKING, type ChunkingParams } from '../chunking/passages.js';
import { type LoadedCorpus, loadCorpus } from '../corpus/loadCorpus.js';
import type { Embedder, ProgressListener } from '../embedding/embedder.js';
import { type BuildResult, buildIndex } from './buildIndex.js';
import { DEFAULT_HNSW } from './hnswVectorIndex.js';
import { loadSnapshot, readCurrentBuildFolder, readManifest, removeStaleBuilds, writeBuild } from './indexStore.js';
import { type HnswParams, type ManifestCheck, checkManifest } from './manifest.js';
import { type KnowledgeSnapshot, assembleSnapshot } from './snapshot.js';
import { IndexBusyError, withWriteLock } from './writeLock.js';

export interface KnowledgeBaseOptions {
  corpusDir: string;
  indexDir: string;
  maxDocumentBytes: number;
  embedder: Embedder;
  chunking?: ChunkingParams;
  hnsw?: HnswParams;
  /** Told why an index is rebuilt, which corpus files were skipped, and cleanup problems. */
  onNotice?: (message: string) => void;
}

type Settings = Required<Omit<KnowledgeBaseOptions, 'onNotice'>> & Pick<KnowledgeBaseOptions, 'onNotice'>;

export type RebuildOutcome =
  | { status: 'busy' }
  | { status: 'done'; corpus: LoadedCorpus; stats: BuildResult['stats']; snapshot: KnowledgeSnapshot };

/**
 * Holds the live snapshot and swaps in new builds. Questions read `snapshot` without waiting;
 * corpus changes run one at a time (across processes too, through a lock file), and a failed one
 * leaves the live snapshot as it was.
 */
export class KnowledgeBase {
  #snapshot: KnowledgeSnapshot;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;

  private constructor(
    private readonly settings: Settings,
    snapshot: KnowledgeSnapshot,
  ) {
    this.#snapshot = snapshot;
  }

  /** Loads the persisted index when it matches the model, chunking and corpus; otherwise rebuilds it. */
  static async open(options: KnowledgeBaseOptions, onProgress?: ProgressListener): Promise<KnowledgeBase> {
    const settings: Settings = { chunking: DEFAULT_CHUNKING, hnsw: DEFAULT_HNSW, ...options };
    const corpus = await loadCorpus(settings.corpusDir, settings.maxDocumentBytes);
    reportRejected(corpus, settings.onNotice);
    const stored = await loadStored(settings, corpus.corpusHash);
    if (stored.check.usable && stored.snapshot) {
      await cleanUp(settings).catch(() => undefined);
      return new KnowledgeBase(settings, stored.snapshot);
    }
    const why = stored.check.usable ? 'the stored index could not be read' : stored.check.reason;
    settings.onNotice?.(`Building the index: ${why}.`);
    const snapshot = await withWriteLock(settings.indexDir, async () => {
      const result = await buildIndex({ ...buildSettings(settings), corpus, previous: stored.snapshot, onProgress });
      const built = await persist(settings.indexDir, result);
      await removeStaleBuilds(settings.indexDir);
      return built;
    });
    return new KnowledgeBase(settings, snapshot);
  }

  get snapshot(): KnowledgeSnapshot {
    return this.#snapshot;
  }

  get corpusDir(): string {
    return this.settings.corpusDir;
  }

  get maxDocumentBytes(): number {
    return this.settings.maxDocumentBytes;
  }

  /** True from the moment a change is requested until it has finished. */
  get busy(): boolean {
    return this.#pending > 0;
  }

  /** Re-reads the corpus folder and builds incrementally; answers `busy` instead of queueing a second rebuild. */
  async rebuild(onProgress?: ProgressListener): Promise<RebuildOutcome> {
    if (this.busy) return { status: 'busy' };
    return this.exclusive(() => this.rebuildNow(onProgress));
  }

  /** Runs a corpus change after any other one finishes: changes never interleave. */
  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    this.#pending++;
    const run = this.#queue.then(operation).finally(() => {
      this.#pending--;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** For callers already inside `exclusive` (document add and remove). */
  async rebuildNow(onProgress?: ProgressListener): Promise<Extract<RebuildOutcome, { status: 'done' }>> {
    const { settings } = this;
    return withWriteLock(settings.indexDir, async () => {
      const corpus = await loadCorpus(settings.corpusDir, settings.maxDocumentBytes);
      reportRejected(corpus, settings.onNotice);
      const result = await buildIndex({ ...buildSettings(settings), corpus, previous: this.#snapshot, onProgress });
      this.#snapshot = await persist(settings.indexDir, result);
      // The new build is live: a failed cleanup must not make the caller undo a change that happened.
      await removeStaleBuilds(settings.indexDir).catch((error: unknown) => settings.onNotice?.(`Could not remove old index builds: ${String(error)}`));
      return { status: 'done', corpus, stats: result.stats, snapshot: this.#snapshot };
    });
  }
}

function buildSettings(settings: Settings) {
  return { embedder: settings.embedder, chunking: settings.chunking, hnsw: settings.hnsw };
}

async function loadStored(settings: Settings, corpusHash: string): Promise<{ check: ManifestCheck; snapshot?: KnowledgeSnapshot }> {
  const folder = await readCurrentBuildFolder(settings.indexDir);
  const manifest = folder ? await readManifest(folder) : undefined;
  if (!folder || !manifest) return { check: { usable: false, reason: 'no index has been built yet' } };
  const { embedder, chunking, hnsw } = settings;
  const check = checkManifest(manifest, { modelId: embedder.id, modelHash: embedder.modelHash, dim: embedder.dim, chunking, hnsw, corpusHash });
  const snapshot = await loadSnapshot(folder, manifest, hnsw.efSearch).catch(() => undefined);
  return { check, snapshot };
}

/** Removes builds other than the live one; skipped while another process holds the index. */
async function cleanUp(settings: Settings): Promise<void> {
  try {
    await withWriteLock(settings.indexDir, () => removeStaleBuilds(settings.indexDir));
  } catch (error) {
    if (!(error instanceof IndexBusyError)) throw error;
  }
}

async function persist(indexDir: string, result: BuildResult): Promise<KnowledgeSnapshot> {
  const folder = await writeBuild(indexDir, result.manifest, result.documents, result.vectors, result.sentenceVectors, result.lexical);
  return assembleSnapshot(result.manifest, result.documents, result.vectors, result.sentenceVectors, result.lexical, folder);
}

function reportRejected(corpus: LoadedCorpus, onNotice?: (message: string) => void): void {
  for (const rejected of corpus.rejected) onNotice?.(`Skipped ${rejected.message}`);
}
