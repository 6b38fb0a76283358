import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { parseDocument } from '../../src/corpus/loadCorpus.js';

/** Shared by the core tests: the seed document of the repository's corpus, parsed the way the loader does. */
export const SEED_FILE = '000_ce937058a360aa29.md';
export const SEED_PATH = path.join(projectRoot, 'corpus', SEED_FILE);

export function loadSeed(): CorpusDocument {
  const parsed = parseDocument(SEED_FILE, readFileSync(SEED_PATH), 2 * 1024 * 1024);
  if ('rejection' in parsed) throw new Error(`The seed document was rejected: ${parsed.rejection.message}`);
  return parsed;
}
