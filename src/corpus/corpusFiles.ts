import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Corpus files are replaced by rename, so a reader (or a crash) never sees half a file.
 * Names come from this program, but are still checked to stay inside the corpus folder.
 */
export async function writeCorpusFile(corpusDir: string, fileName: string, content: string | Uint8Array): Promise<void> {
  const target = insideCorpus(corpusDir, fileName);
  await mkdir(corpusDir, { recursive: true });
  const temp = path.join(corpusDir, `.${fileName}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, content);
  await rename(temp, target);
}

export async function readCorpusFile(corpusDir: string, fileName: string): Promise<Buffer> {
  return readFile(insideCorpus(corpusDir, fileName));
}

export async function deleteCorpusFile(corpusDir: string, fileName: string): Promise<void> {
  await rm(insideCorpus(corpusDir, fileName), { force: true });
}

function insideCorpus(corpusDir: string, fileName: string): string {
  const target = path.resolve(corpusDir, fileName);
  if (path.dirname(target) !== path.resolve(corpusDir) || fileName.startsWith('.')) {
    throw new Error(`Refusing corpus file name outside the corpus folder: ${fileName}`);
  }
  return target;
}
