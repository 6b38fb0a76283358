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
 * Parses the table: a header line, `#` lines, then `stem TAB pos,pos [TAB lemma]`, sorted. Rows stay
 * strings until looked up: building a map of 30k rows took 40-60 ms of the first Kazakh question.
 */
export function parseKazakhStems(text: string, name: string): KazakhStems {
  const firstLine = text.slice(0, text.indexOf('\n'));
  const [magic, format] = firstLine.split('\t');
  if (magic !== KAZAKH_STEMS_MAGIC || Number(format) !== KAZAKH_STEMS_FORMAT_VERSION) {
    throw new Error(`${name}: not a Kazakh stem table of format ${KAZAKH_STEMS_FORMAT_VERSION}; rebuild it with scripts/build-kazakh-stems.ts`);
  }
  // sorted rows searched by halves: splitting the text is all the loading there is (the # lines
  // sort before every stem, so they stay in)
  const lines = text.trimEnd().split('\n');
  const rowOf = (stem: string): string | undefined => {
    const key = `${stem}\t`;
    let [lo, hi] = [0, lines.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lines[lo]?.startsWith(key) ? lines[lo]!.slice(key.length) : undefined;
  };
  return {
    size: lines.length - lines.findIndex((line) => !line.startsWith('#')),
    get(stem) {
      const row = rowOf(stem);
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
