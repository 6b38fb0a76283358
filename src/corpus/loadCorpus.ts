import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusDocument, Rejection } from './document.js';
import { parseFrontMatter, titleFromBody } from './frontMatter.js';
import { decodeDocumentBytes } from './validateText.js';

/** The loader reads only text formats; HTML is reduced to text when it is added (see addDocument). */
export const CORPUS_EXTENSIONS = ['.md', '.txt'];

export class CorpusFolderError extends Error {
  override name = 'CorpusFolderError';
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** Files that were skipped, each with a message naming it; they never abort the others. */
  rejected: Array<Rejection & { fileName: string }>;
  /** Hash over every accepted file's name and content: a persisted index built from another corpus is stale. */
  corpusHash: string;
}

export async function loadCorpus(corpusDir: string, maxBytes: number): Promise<LoadedCorpus> {
  // A missing folder is a typo in the configuration, not an empty corpus: say so instead of answering nothing.
  if (!(await stat(corpusDir).then((info) => info.isDirectory(), () => false))) {
    throw new CorpusFolderError(`The corpus folder ${corpusDir} does not exist (CORPUS_DIR).`);
  }
  const names = (await readdir(corpusDir)).filter(isCorpusFile).sort();
  const documents: CorpusDocument[] = [];
  const rejected: LoadedCorpus['rejected'] = [];
  for (const fileName of names) {
    const bytes = await readFile(path.join(corpusDir, fileName)).catch((error: NodeJS.ErrnoException) => error);
    if (bytes instanceof Error) {
      rejected.push({ reason: 'unreadable', message: `${fileName} cannot be read (${bytes.code ?? bytes.message}).`, fileName });
      continue;
    }
    const result = parseDocument(fileName, bytes, maxBytes);
    // The id is the name without extension: "a.md" and "a.txt" would share it, and one would shadow the other.
    const sameId = 'rejection' in result ? undefined : documents.find((d) => d.id === result.id);
    if ('rejection' in result) rejected.push({ ...result.rejection, fileName });
    else if (sameId) rejected.push({ reason: 'duplicate', message: `${fileName} has the same name as ${sameId.fileName}; rename one of them.`, fileName });
    else documents.push(result);
  }
  return { documents, rejected, corpusHash: hashCorpus(documents) };
}

function isCorpusFile(name: string): boolean {
  return !name.startsWith('.') && CORPUS_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Pure: bytes of one file to a document, or the reason it cannot be one. */
export function parseDocument(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
): CorpusDocument | { rejection: Rejection } {
  const decoded = decodeDocumentBytes(bytes, fileName, maxBytes);
  if (!decoded.ok) return { rejection: decoded.rejection };
  const parsed = parseFrontMatter(decoded.value);
  if ('error' in parsed) {
    return { rejection: { reason: 'bad-front-matter', message: `${fileName}: ${parsed.error}.` } };
  }
  if (parsed.body.trim() === '') {
    return { rejection: { reason: 'empty', message: `${fileName} has front matter but no text.` } };
  }
  const id = path.basename(fileName, path.extname(fileName));
  const { meta } = parsed;
  return {
    id,
    fileName,
    text: parsed.body,
    contentHash: sha256(bytes),
    title: meta.title ?? titleFromBody(parsed.body, id),
    publisher: meta.publisher ?? null,
    url: meta.url ?? null,
    date: meta.date ?? null,
    language: meta.language ?? null,
    addedBy: meta.addedBy ?? null,
  };
}

export function hashCorpus(documents: readonly Pick<CorpusDocument, 'fileName' | 'contentHash'>[]): string {
  const hash = createHash('sha256');
  for (const doc of [...documents].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    hash.update(`${doc.fileName}\0${doc.contentHash}\n`);
  }
  return hash.digest('hex');
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
