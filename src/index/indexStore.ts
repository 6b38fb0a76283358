import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadHnswIndex } from './hnswVectorIndex.js';
import type { LexicalData } from './lexicalData.js';
import { LEXICAL_FILE, readLexicalData, writeLexicalData } from './lexicalStore.js';
import { INDEX_FORMAT_VERSION, type Manifest, parseManifest } from './manifest.js';
import { SentenceVectors } from './sentenceVectors.js';
import { type IndexedDocument, type KnowledgeSnapshot, assembleSnapshot, fromStoredPassages, toStoredPassages } from './snapshot.js';
import type { VectorIndex } from './vectorIndex.js';

/*
 * Layout under INDEX_DIR:
 *   CURRENT              name of the live build (replaced by rename, so it is never half-written)
 *   builds/<name>/       manifest.json, passages.json, vectors.hnsw (passages),
 *                        sentence-codes.i8 and sentence-scales.f32 (sentence vectors),
 *                        lexical.bin (BM25 postings, per-sentence terms)
 *   builds/.tmp-<name>/  a build being written; renamed into place only when complete
 */
const CURRENT = 'CURRENT';
const BUILDS = 'builds';
const TEMP_PREFIX = '.tmp-';
export const VECTORS_FILE = 'vectors.hnsw';
const SENTENCE_CODES = 'sentence-codes.i8';
const SENTENCE_SCALES = 'sentence-scales.f32';
const WRITE_CHUNK_CHARS = 1 << 20;

export async function readCurrentBuildFolder(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(path.join(indexDir, CURRENT), 'utf8')).trim();
    return name ? path.join(indexDir, BUILDS, name) : undefined;
  } catch {
    return undefined;
  }
}

export async function readManifest(folder: string): Promise<Manifest | undefined> {
  try {
    return parseManifest(JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/** `efSearch` is the configured one: it is a search setting, not part of the stored graph. */
export async function loadSnapshot(folder: string, manifest: Manifest, efSearch = manifest.hnsw.efSearch): Promise<KnowledgeSnapshot> {
  const stored = JSON.parse(await readFile(path.join(folder, 'passages.json'), 'utf8'));
  const documents = fromStoredPassages(stored);
  const vectors = await loadHnswIndex(path.join(folder, VECTORS_FILE), manifest.dim, { ...manifest.hnsw, efSearch }, manifest.counts.passages);
  const codes = await readFile(path.join(folder, SENTENCE_CODES));
  const scales = await readFile(path.join(folder, SENTENCE_SCALES));
  const sentenceVectors = new SentenceVectors(
    manifest.dim,
    manifest.counts.sentences,
    new Int8Array(codes.buffer, codes.byteOffset, codes.byteLength),
    new Float32Array(scales.buffer.slice(scales.byteOffset, scales.byteOffset + scales.byteLength)),
  );
  const lexical = await readLexicalData(path.join(folder, LEXICAL_FILE));
  return assembleSnapshot(manifest, documents, vectors, sentenceVectors, lexical, folder);
}

/**
 * Writes a complete build beside the live one, then switches CURRENT to it with one rename.
 * A process killed at any point leaves the previous build live and loadable.
 */
export async function writeBuild(
  indexDir: string,
  manifest: Manifest,
  documents: IndexedDocument[],
  vectors: VectorIndex,
  sentenceVectors: SentenceVectors,
  lexical: LexicalData,
): Promise<string> {
  const name = `${manifest.builtAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const buildsDir = path.join(indexDir, BUILDS);
  const temp = path.join(buildsDir, TEMP_PREFIX + name);
  const final = path.join(buildsDir, name);
  await mkdir(temp, { recursive: true });
  await vectors.save(path.join(temp, VECTORS_FILE));
  await writeFile(path.join(temp, SENTENCE_CODES), sentenceVectors.codes);
  await writeFile(path.join(temp, SENTENCE_SCALES), new Uint8Array(sentenceVectors.scales.buffer, sentenceVectors.scales.byteOffset, sentenceVectors.scales.byteLength));
  await writeStoredPassages(path.join(temp, 'passages.json'), documents);
  await writeLexicalData(path.join(temp, LEXICAL_FILE), lexical);
  await writeFile(path.join(temp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await rename(temp, final);
  const pointer = path.join(indexDir, `${CURRENT}${TEMP_PREFIX}${name}`);
  await writeFile(pointer, name);
  await rename(pointer, path.join(indexDir, CURRENT));
  return final;
}

/**
 * passages.json, written a document at a time: one string of the whole file (27M characters,
 * two bytes each, at 100k passages) was the largest allocation after the build. Same JSON.
 */
async function writeStoredPassages(file: string, documents: IndexedDocument[]): Promise<void> {
  const { documents: stored, ...header } = toStoredPassages(INDEX_FORMAT_VERSION, documents);
  const opening = JSON.stringify(header);
  const handle = await open(file, 'w');
  try {
    let pending = `${opening.slice(0, -1)}${opening === '{}' ? '' : ','}"documents":[`;
    for (const [i, document] of stored.entries()) {
      pending += `${i === 0 ? '' : ','}${JSON.stringify(document)}`;
      if (pending.length < WRITE_CHUNK_CHARS) continue;
      await handle.write(pending);
      pending = '';
    }
    await handle.write(`${pending}]}`);
  } finally {
    await handle.close();
  }
}

/** Removes half-written builds and builds that are no longer CURRENT (except `keep`, still being read). */
export async function removeStaleBuilds(indexDir: string, keep: readonly string[] = []): Promise<string[]> {
  const current = await readCurrentBuildFolder(indexDir);
  const buildsDir = path.join(indexDir, BUILDS);
  const names = await readdir(buildsDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const folder = path.join(buildsDir, name);
    if (folder === current || keep.includes(folder)) continue;
    await rm(folder, { recursive: true, force: true });
    removed.push(name);
  }
  for (const name of await readdir(indexDir).catch(() => [] as string[])) {
    if (name.startsWith(`${CURRENT}${TEMP_PREFIX}`)) await rm(path.join(indexDir, name), { force: true });
  }
  return removed;
}
