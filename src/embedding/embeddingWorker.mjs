// Entry of EmbeddingPool's worker threads. On Node 20 tsx installs its loader in the main thread
// only, so the worker loads the TypeScript module through tsx's API instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./embeddingWorker.ts', import.meta.url);
