import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ensureBundledModel } from './bundled/ensureBundledModel.js';
import type { EmbedKind, Embedder, ProgressListener } from './embedder.js';
import { loadStaticEmbedder, saveTokenTable } from './bundled/staticEmbedder.js';
import type { TransformersModelOptions } from './transformersEmbedder.js';

/** A configured model that cannot be loaded: a start-up fault, reported in one line. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/** The default: a static model distilled from USE-lite at install or first use, so the bot works offline. */
export const BUNDLED_MODEL_ID = 'bundled';
/** Full Universal Sentence Encoder lite on TF.js: the quality reference for `npm run eval`. */
export const USE_LITE_MODEL_ID = 'use-lite';

export async function createEmbedder(modelId: string, modelsDir: string, onProgress?: ProgressListener): Promise<Embedder> {
  if (modelId === USE_LITE_MODEL_ID) {
    // Imported only here: TF.js costs ~0.8 s of start-up that the default model does not need.
    const { createUseLiteEmbedder } = await import('./useLiteTeacher.js');
    return createUseLiteEmbedder();
  }
  if (modelId === BUNDLED_MODEL_ID) {
    const bundled = await ensureBundledModel(modelsDir, onProgress);
    const identity = { id: BUNDLED_MODEL_ID, modelHash: bundled.modelHash, languages: ['en'] };
    // The common start: no transformers.js, no ONNX Runtime (see staticEmbedder.ts).
    const runtimeFree = await loadStaticEmbedder(bundled.folder, identity);
    if (runtimeFree) return runtimeFree;
    return createTransformersEmbedder({
      id: BUNDLED_MODEL_ID,
      modelName: bundled.modelName,
      modelHash: bundled.modelHash,
      modelsDir,
      allowRemote: false,
      quantized: true,
      prefixes: { query: '', passage: '' },
      pooling: 'mean',
      languages: ['en'],
      // A models folder that cannot be written only costs the slow start again next time.
      onTokenTable: (table) => saveTokenTable(bundled.folder, bundled.modelHash, table).catch(() => undefined),
    });
  }
  const embedder = await createTransformersEmbedder({
    id: modelId,
    modelName: modelId,
    modelHash: '',
    modelsDir,
    allowRemote: true,
    quantized: true,
    ...hubModelConventions(modelId),
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError(
      `Could not load EMBEDDING_MODEL=${modelId} from the Hugging Face Hub or ${modelsDir} (${reason}). ` +
        `Use EMBEDDING_MODEL=${BUNDLED_MODEL_ID} to run offline.`,
    );
  });
  // Prefixes and pooling change the vectors as much as the weights do, so they are part of the hash.
  const filesHash = await hashModelFolder(path.join(modelsDir, modelId));
  const modelHash = createHash('sha256').update(filesHash).update(JSON.stringify(hubModelConventions(modelId))).digest('hex');
  return { ...embedder, modelHash, crossLingual: isCrossLingual(modelId) };
}

/** Families trained on parallel text in many languages. */
export function isCrossLingual(modelId: string): boolean {
  return /multilingual|labse|bge-m3|xlm/i.test(modelId);
}

/** Prefixes and pooling that each retrieval model family was trained with. */
export function hubModelConventions(modelId: string): { prefixes: Record<EmbedKind, string>; pooling: 'mean' | 'cls' } {
  const name = modelId.toLowerCase();
  if (name.includes('e5')) return { prefixes: { query: 'query: ', passage: 'passage: ' }, pooling: 'mean' };
  if (name.includes('bge')) {
    return { prefixes: { query: 'Represent this sentence for searching relevant passages: ', passage: '' }, pooling: 'cls' };
  }
  return { prefixes: { query: '', passage: '' }, pooling: 'mean' };
}

/** Names, sizes and small config files: enough to notice a different or updated model without reading 100 MB. */
async function hashModelFolder(folder: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.json')) hash.update(`${entry.name}\0`).update(await readFile(full));
      else hash.update(`${entry.name}\0${(await stat(full)).size}\n`);
    }
  };
  await walk(folder).catch(() => hash.update('unreadable'));
  return hash.digest('hex');
}

/** transformers.js (and with it ONNX Runtime, ~1 s of imports) is loaded only for the models that run it. */
async function createTransformersEmbedder(options: TransformersModelOptions): Promise<Embedder> {
  const transformers = await import('./transformersEmbedder.js');
  return transformers.createTransformersEmbedder(options);
}
