import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzerVersion, type Language } from './analyzer.js';

/** Bumped when the file's layout changes; the analyzer version guards the terms inside it. */
export const LEXICON_FORMAT_VERSION = 1;
export const LEXICON_MAGIC = '#qantar-lexicon';
export const LEXICON_SOURCE = 'Debian package mueller7-dict 2002.02.27-13 (usr/share/dictd/mueller7.index, mueller7.dict.dz)';
export const LEXICON_LICENSE = 'GPL-2.0-or-later (Mueller English–Russian dictionary, 7th ed., via Debian mueller7-dict)';

/** The committed data file, read at run time; a dist build must copy src/language/data/ beside it. */
export const LEXICON_PATH = fileURLToPath(new URL('./data/ru-en-lexicon.tsv', import.meta.url));
/** The analyzer version of the lexicon's terms: Russian and English only, so a Kazakh change keeps it. */
export const LEXICON_ANALYZER_VERSION = analyzerVersion(['ru', 'en']);

/**
 * The first field of each line: what the line maps. Translation rows are "term:weight term:weight …",
 * best first, weights in percent of the row's best; word rows give an English word for a stem.
 */
export const ROW = { ruEn: 'r', enRu: 'e', enWord: 'E' } as const;

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

export interface Lexicon {
  /** Translations of one analyzer term, best first; empty when the pair or the term is unknown. */
  translations(term: string, from: Language, to: Language): ReadonlyArray<WeightedTerm>;
  /** The lexicon's terms of `from` sharing the longest prefix (at least `min` letters) with `term`. */
  nearestTerms(term: string, from: Language, min: number): ReadonlyArray<string>;
  /** A readable English word for an English term, or the term itself (Russian terms too). */
  word(term: string, language: Language): string;
}

const TAB = 9;
const NEWLINE = 10;

/**
 * The file stays one buffer of sorted lines, searched by bytes: loading is one read, with nothing to
 * parse, so the first cross-language question does not wait for 100k rows to become objects.
 */
class SortedLines {
  constructor(private readonly bytes: Buffer) {}

  /** Start of the line holding byte `at`. */
  private lineStart(at: number): number {
    return at === 0 ? 0 : this.bytes.lastIndexOf(NEWLINE, at - 1) + 1;
  }

  private lineEnd(start: number): number {
    const end = this.bytes.indexOf(NEWLINE, start);
    return end < 0 ? this.bytes.length : end;
  }

  /** Start of the first line whose bytes are ≥ key; lines before `lo` are < key, lines from `hi` on ≥ key. */
  private lowerBound(key: Buffer): number {
    let [lo, hi] = [0, this.bytes.length];
    while (lo < hi) {
      const start = this.lineStart((lo + hi) >> 1);
      const end = this.lineEnd(start);
      if (Buffer.compare(this.bytes.subarray(start, Math.min(end, start + key.length)), key) < 0) lo = end + 1;
      else hi = start;
    }
    return Math.min(lo, this.bytes.length);
  }

  /** The lines that start with `prefix`, in order. */
  *withPrefix(prefix: string): Generator<string> {
    const key = Buffer.from(prefix);
    for (let start = this.lowerBound(key); start < this.bytes.length; ) {
      const end = this.lineEnd(start);
      if (end - start < key.length || Buffer.compare(this.bytes.subarray(start, start + key.length), key) !== 0) return;
      yield this.bytes.toString('utf8', start, end);
      start = end + 1;
    }
  }

  value(kind: string, key: string): string | undefined {
    const { value } = this.withPrefix(`${kind}\t${key}\t`).next();
    return value === undefined ? undefined : value.slice(value.lastIndexOf('\t') + 1);
  }

  firstLine(): string {
    return this.bytes.toString('utf8', 0, this.lineEnd(0));
  }
}

function decodeRow(row: string): WeightedTerm[] {
  return row.split(' ').map((pair) => {
    const colon = pair.lastIndexOf(':');
    return { term: pair.slice(0, colon), weight: Number(pair.slice(colon + 1)) / 100 };
  });
}

const rowKind = (from: Language, to: Language): string | null =>
  from === 'ru' && to === 'en' ? ROW.ruEn : from === 'en' && to === 'ru' ? ROW.enRu : null;

export function parseLexicon(bytes: Buffer, name: string): Lexicon {
  const lines = new SortedLines(bytes);
  const [magic, format, analyzer] = lines.firstLine().split('\t');
  if (magic !== LEXICON_MAGIC || Number(format) !== LEXICON_FORMAT_VERSION || Number(analyzer) !== LEXICON_ANALYZER_VERSION) {
    throw new Error(
      `${name}: lexicon format ${format}/analyzer ${analyzer}, expected ${LEXICON_FORMAT_VERSION}/${LEXICON_ANALYZER_VERSION}; ` +
        'rebuild it with scripts/build-lexicon.ts',
    );
  }
  const decoded = new Map<string, WeightedTerm[]>();
  return {
    translations(term, from, to) {
      const kind = rowKind(from, to);
      if (kind === null) return [];
      const key = `${kind}\t${term}`;
      let found = decoded.get(key);
      if (!found) {
        const row = lines.value(kind, term);
        decoded.set(key, (found = row === undefined ? [] : decodeRow(row)));
      }
      return found;
    },
    nearestTerms(term, from, min) {
      const kind = rowKind(from, from === 'ru' ? 'en' : 'ru');
      if (kind === null) return [];
      for (let length = term.length; length >= min; length--) {
        const found = [...lines.withPrefix(`${kind}\t${term.slice(0, length)}`)].map((line) => line.split('\t')[1]!);
        if (found.length > 0) return found;
      }
      return [];
    },
    word(term, language) {
      return (language === 'en' ? lines.value(ROW.enWord, term) : undefined) ?? term;
    },
  };
}

let loaded: Lexicon | undefined;

/** The lexicon, read on first use only: a process that never sees a cross-language question never pays for it. */
export function loadLexicon(file: string = LEXICON_PATH): Lexicon {
  if (file !== LEXICON_PATH) return parseLexicon(readFileSync(file), file);
  loaded ??= parseLexicon(readFileSync(LEXICON_PATH), LEXICON_PATH);
  return loaded;
}
