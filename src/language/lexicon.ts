import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzerVersion, type Language } from './analyzer.js';

/** Bumped when the file's layout changes; the analyzer version guards the terms inside it. */
export const LEXICON_FORMAT_VERSION = 1;
export const LEXICON_MAGIC = '#qantar-lexicon';
export const LEXICON_SOURCE = 'Debian package mueller7-dict 2002.02.27-13 (usr/share/dictd/mueller7.index, mueller7.dict.dz)';
export const LEXICON_LICENSE = 'GPL-2.0-or-later (Mueller English–Russian dictionary, 7th ed., via Debian mueller7-dict)';

/** The committed data files, read at run time; a dist build must copy src/language/data/ beside it. */
export const LEXICON_PATH = fileURLToPath(new URL('./data/ru-en-lexicon.tsv', import.meta.url));
export const KAZAKH_LEXICON_PATH = fileURLToPath(new URL('./data/kk-ru-lexicon.tsv', import.meta.url));
export const KAZAKH_LEXICON_SOURCE = 'Apertium apertium-kaz-rus, commit 7bd16ebb (2021-09-02), apertium-kaz-rus.kaz-rus.dix';
export const KAZAKH_LEXICON_LICENSE = 'GPL-3.0 (Apertium Kazakh–Russian bilingual dictionary)';
/** The analyzer version of the lexicon's terms: Russian and English only, so a Kazakh change keeps it. */
export const LEXICON_ANALYZER_VERSION = analyzerVersion(['ru', 'en']);
/** The Kazakh–Russian lexicon's terms come from both of those analyzers. */
export const KAZAKH_LEXICON_ANALYZER_VERSION = analyzerVersion(['kk', 'ru']);

/**
 * The first field of each line: what the line maps. Translation rows are "term:weight term:weight …",
 * best first, weights in percent of the row's best; word rows give an English word for a stem.
 */
export const ROW = { ruEn: 'r', enRu: 'e', enWord: 'E', kkRu: 'k', ruKk: 'rk' } as const;

/** What one lexicon file holds: the row kind of each language pair it translates, and how to rebuild it. */
export interface LexiconSpec {
  readonly rows: Readonly<Partial<Record<`${Language}>${Language}`, string>>>;
  readonly words: Readonly<Partial<Record<Language, string>>>;
  readonly builder: string;
  /** The version of the analyzers its terms come from. */
  readonly analyzerVersion: number;
}

export const RU_EN: LexiconSpec = { rows: { 'ru>en': ROW.ruEn, 'en>ru': ROW.enRu }, words: { en: ROW.enWord }, builder: 'scripts/build-lexicon.ts', analyzerVersion: LEXICON_ANALYZER_VERSION };
export const KK_RU: LexiconSpec = { rows: { 'kk>ru': ROW.kkRu, 'ru>kk': ROW.ruKk }, words: {}, builder: 'scripts/build-kazakh-lexicon.ts', analyzerVersion: KAZAKH_LEXICON_ANALYZER_VERSION };

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

export interface Lexicon {
  /** Translations of one analyzer term, best first; empty when the pair or the term is unknown. */
  translations(term: string, from: Language, to: Language): ReadonlyArray<WeightedTerm>;
  /** The terms of `from` that translate to `to`, sharing the longest prefix (at least `min` letters) with `term`. */
  nearestTerms(term: string, from: Language, to: Language, min: number): ReadonlyArray<string>;
  /** A readable English word for an English term, or the term itself (Russian and Kazakh terms too). */
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

export function parseLexicon(bytes: Buffer, name: string, spec: LexiconSpec = RU_EN): Lexicon {
  const lines = new SortedLines(bytes);
  const [magic, format, analyzer] = lines.firstLine().split('\t');
  if (magic !== LEXICON_MAGIC || Number(format) !== LEXICON_FORMAT_VERSION || Number(analyzer) !== spec.analyzerVersion) {
    throw new Error(
      `${name}: lexicon format ${format}/analyzer ${analyzer}, expected ${LEXICON_FORMAT_VERSION}/${spec.analyzerVersion}; ` +
        `rebuild it with ${spec.builder}`,
    );
  }
  const rowKind = (from: Language, to: Language): string | undefined => spec.rows[`${from}>${to}`];
  const decoded = new Map<string, WeightedTerm[]>();
  return {
    translations(term, from, to) {
      const kind = rowKind(from, to);
      if (kind === undefined) return [];
      const key = `${kind}\t${term}`;
      let found = decoded.get(key);
      if (!found) {
        const row = lines.value(kind, term);
        decoded.set(key, (found = row === undefined ? [] : decodeRow(row)));
      }
      return found;
    },
    nearestTerms(term, from, to, min) {
      const kind = rowKind(from, to);
      if (kind === undefined) return [];
      for (let length = term.length; length >= min; length--) {
        const found = [...lines.withPrefix(`${kind}\t${term.slice(0, length)}`)].map((line) => line.split('\t')[1]!);
        if (found.length > 0) return found;
      }
      return [];
    },
    word(term, language) {
      const kind = spec.words[language];
      return (kind === undefined ? undefined : lines.value(kind, term)) ?? term;
    },
  };
}

const loaded = new Map<string, Lexicon>();

/** A committed lexicon, read on first use only; any other file is read afresh. */
function load(file: string, committed: string, spec: LexiconSpec): Lexicon {
  if (file !== committed) return parseLexicon(readFileSync(file), file, spec);
  let lexicon = loaded.get(committed);
  if (!lexicon) loaded.set(committed, (lexicon = parseLexicon(readFileSync(committed), committed, spec)));
  return lexicon;
}

/** The Russian ↔ English lexicon, read on first use only: a process that never sees a cross-language question never pays for it. */
export const loadLexicon = (file: string = LEXICON_PATH): Lexicon => load(file, LEXICON_PATH, RU_EN);

/** The Kazakh ↔ Russian lexicon, read on the first cross-language Kazakh (or Russian-over-Kazakh) question. */
export const loadKazakhLexicon = (file: string = KAZAKH_LEXICON_PATH): Lexicon => load(file, KAZAKH_LEXICON_PATH, KK_RU);
