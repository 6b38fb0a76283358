import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A copy of a lexicon file in a temp folder with its first line replaced, for the loaders' version checks. */
export function withHeader(lexicon: string, header: string): string {
  const real = readFileSync(lexicon, 'utf8');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lexicon-')), `${header.replace(/\W/g, '_')}.tsv`);
  writeFileSync(file, `${header}\n${real.slice(real.indexOf('\n') + 1)}`);
  return file;
}
