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

/** The table: look a spelling up. */
export interface KazakhStems {
  get(stem: string): KazakhStem | undefined;
  readonly size: number;
}

/**
 * Parses the table: a header line, `#` lines, then `stem TAB pos,pos [TAB lemma]`. Rows stay strings
 * until looked up: building 30k objects at start took longer than reading the file.
 */
export function parseKazakhStems(text: string, name: string): KazakhStems {
  const firstLine = text.slice(0, text.indexOf('\n'));
  const [magic, format] = firstLine.split('\t');
  if (magic !== KAZAKH_STEMS_MAGIC || Number(format) !== KAZAKH_STEMS_FORMAT_VERSION) {
    throw new Error(`${name}: not a Kazakh stem table of format ${KAZAKH_STEMS_FORMAT_VERSION}; rebuild it with scripts/build-kazakh-stems.ts`);
  }
  const rows = new Map<string, string>();
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const tab = text.indexOf('\t', start);
    if (text[start] !== '#' && tab > start && tab < end) rows.set(text.slice(start, tab), text.slice(tab + 1, end));
    start = end + 1;
  }
  return {
    size: rows.size,
    get(stem) {
      const row = rows.get(stem);
      if (row === undefined) return undefined;
      const [pos, lemma] = row.split('\t') as [string, string | undefined];
      return { lemma: lemma ?? stem, pos: pos.split(',') };
    },
  };
}

let loaded: KazakhStems | undefined;

/** The stem table, read once on first use (about 30k rows). */
export function kazakhStems(): KazakhStems {
  loaded ??= parseKazakhStems(readFileSync(KAZAKH_STEMS_PATH, 'utf8'), KAZAKH_STEMS_PATH);
  return loaded;
}
