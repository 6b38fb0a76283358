import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const KAZAKH_STEMS_MAGIC = '#qantar-kk-stems';
export const KAZAKH_STEMS_FORMAT_VERSION = 1;
export const KAZAKH_STEMS_SOURCE = 'Apertium apertium-kaz.kaz.lexc, github.com/apertium/apertium-kaz commit 95c6dd0d (2023-11-01)';
export const KAZAKH_STEMS_LICENSE = 'GPL-3.0 (Apertium Kazakh lexicon; see APERTIUM-COPYING beside this file)';

/** The committed data file, read at run time; a dist build must copy src/language/data/ beside it. */
export const KAZAKH_STEMS_PATH = fileURLToPath(new URL('./data/kk-stems.tsv', import.meta.url));

/** A known Kazakh stem: its lemma (itself, or the full form of a vowel-drop stem such as ауз) and parts of speech. */
export interface KazakhStem {
  readonly lemma: string;
  /** Apertium's parts of speech, shortened: n, v, adj, adv, np, num, post, prn, det, cnj. */
  readonly pos: readonly string[];
}

export type KazakhStems = ReadonlyMap<string, KazakhStem>;

/** Parses the table: a header line, `#` lines, then `stem TAB pos,pos [TAB lemma]`. */
export function parseKazakhStems(text: string, name: string): KazakhStems {
  const lines = text.split('\n');
  const [magic, format] = (lines[0] ?? '').split('\t');
  if (magic !== KAZAKH_STEMS_MAGIC || Number(format) !== KAZAKH_STEMS_FORMAT_VERSION) {
    throw new Error(`${name}: not a Kazakh stem table of format ${KAZAKH_STEMS_FORMAT_VERSION}; rebuild it with scripts/build-kazakh-stems.ts`);
  }
  const stems = new Map<string, KazakhStem>();
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const [stem, pos, lemma] = line.split('\t') as [string, string, string | undefined];
    stems.set(stem, { lemma: lemma ?? stem, pos: pos.split(',') });
  }
  return stems;
}

let loaded: KazakhStems | undefined;

/** The stem table, read once on first use (about 40k rows). */
export function kazakhStems(): KazakhStems {
  loaded ??= parseKazakhStems(readFileSync(KAZAKH_STEMS_PATH, 'utf8'), KAZAKH_STEMS_PATH);
  return loaded;
}
