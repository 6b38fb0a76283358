/**
 * Builds src/language/data/kk-ru-lexicon.tsv from Apertium's Kazakh–Russian bilingual dictionary
 * (apertium-kaz-rus, GPL-3.0):
 *
 *   npx tsx scripts/build-kazakh-lexicon.ts [path/to/apertium-kaz-rus.kaz-rus.dix]
 *
 * (default: ../shared/resources/apertium/). Both sides are stored as the analyzers' terms, taken
 * through analyzerFor(): rerun it whenever the Kazakh or Russian analyzer changes (ANALYZER_VERSIONS.kk/.ru),
 * and the loader refuses a file built with another version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config.js';
import { analyzerFor } from '../src/language/analyzer.js';
import { type DixEntry, dixEntries, russianPastForms } from '../src/language/apertiumDix.js';
import { PHRASE_JOIN } from '../src/language/kazakhCandidates.js';
import {
  KAZAKH_LEXICON_ANALYZER_VERSION,
  KAZAKH_LEXICON_LICENSE,
  KAZAKH_LEXICON_PATH,
  KAZAKH_LEXICON_SOURCE,
  LEXICON_FORMAT_VERSION,
  LEXICON_MAGIC,
  LEXICON_PATH,
  ROW,
} from '../src/language/lexicon.js';
import { encodeRows, type Table, addToTable } from './lexiconTable.js';

/** Past forms of Russian verbs take places in a Kazakh row too, so it keeps more. */
const MAX_PER_TERM = { kkRu: 16, ruKk: 6 };
/** An entry Apertium uses only the other way (r="LR" / r="RL") is still a true pair, a weaker one. */
const OTHER_DIRECTION = 0.5;
/** A past form guessed from an infinitive counts a little less than the infinitive itself. */
const PAST_FORM = 0.7;

/** The analyzer terms of a lemma of one or two words, joined; null when a word is a stop word or it is longer. */
function lemmaTerm(lemma: string, language: 'kk' | 'ru'): string | null {
  const words = lemma.split(/[\s-]+/u).filter(Boolean);
  if (words.length === 0 || words.length > (language === 'kk' ? 2 : 1) || words.some((w) => !/^\p{L}+$/u.test(w))) return null;
  const terms = words.map((w) => analyzerFor(language).term(w));
  return terms.every((t): t is string => t !== null) ? terms.join(PHRASE_JOIN) : null;
}

/**
 * How common a Russian term is, 0..1: how many English words the Mueller lexicon translates to it.
 * Apertium lists a Kazakh word's Russian words unordered (адам: индивидуальность before человек).
 */
function russianCommonness(): (term: string) => number {
  const counts = new Map<string, number>();
  for (const line of readFileSync(LEXICON_PATH, 'utf8').split('\n')) {
    if (!line.startsWith(`${ROW.enRu}\t`)) continue;
    for (const pair of line.split('\t')[2]!.split(' ')) {
      const term = pair.slice(0, pair.lastIndexOf(':'));
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return (term) => Math.min(1, Math.log1p(counts.get(term) ?? 0) / Math.log1p(20));
}

/** How common a Kazakh term is, 0..1: how many Russian words it translates (адам: человек, личность…). */
function kazakhCommonness(pairs: readonly Pair[]): (term: string) => number {
  const russian = new Map<string, Set<string>>();
  for (const { kk, ru } of pairs) russian.set(kk, (russian.get(kk) ?? new Set()).add(ru));
  return (term) => Math.min(1, Math.log1p(russian.get(term)?.size ?? 0) / Math.log1p(10));
}

interface Pair {
  kk: string;
  ru: string;
  /** The Russian terms of the past forms of a verb, for texts that tell what happened. */
  ruPast: string[];
  entry: DixEntry;
}

/** Parts of speech that carry a question's topic; auxiliaries (тұр, жатыр), postpositions and the like do not. */
const CONTENT = new Set(['n', 'v', 'adj', 'np', 'adv', 'num']);

function pairsOf(entries: readonly DixEntry[]): Pair[] {
  return entries.flatMap((entry) => {
    if (!CONTENT.has(entry.pos)) return [];
    const [kk, ru] = [lemmaTerm(entry.kk, 'kk'), lemmaTerm(entry.ru, 'ru')];
    if (kk === null || ru === null) return [];
    const past = entry.pos === 'v' ? russianPastForms(entry.ru).flatMap((f) => analyzerFor('ru').term(f) ?? []) : [];
    return [{ kk, ru, ruPast: [...new Set(past)].filter((t) => t !== ru), entry }];
  });
}

function build(entries: readonly DixEntry[]): { kkRu: Table; ruKk: Table } {
  const pairs = pairsOf(entries);
  const [ruCommon, kkCommon] = [russianCommonness(), kazakhCommonness(pairs)];
  const kkRu: Table = new Map();
  const ruKk: Table = new Map();
  for (const { kk, ru, ruPast, entry } of pairs) {
    const toRussian = (entry.leftToRight ? 1 : OTHER_DIRECTION) * (0.3 + 0.7 * ruCommon(ru));
    addToTable(kkRu, kk, ru, toRussian, Math.max);
    for (const past of ruPast) addToTable(kkRu, kk, past, toRussian * PAST_FORM, Math.max);
    const toKazakh = (entry.rightToLeft ? 1 : OTHER_DIRECTION) * (0.3 + 0.7 * kkCommon(kk));
    for (const russian of [ru, ...ruPast]) addToTable(ruKk, russian, kk, russian === ru ? toKazakh : toKazakh * PAST_FORM, Math.max);
  }
  console.log(`${entries.length} entries → ${pairs.length} pairs of terms: ${kkRu.size} Kazakh, ${ruKk.size} Russian keys`);
  return { kkRu, ruKk };
}

const dix = process.argv[2] ?? path.join(projectRoot, '..', 'shared/resources/apertium/apertium-kaz-rus.kaz-rus.dix');
const { kkRu, ruKk } = build(dixEntries(readFileSync(dix, 'utf8')));
const lines: string[] = [];
for (const [kind, table, max] of [[ROW.kkRu, kkRu, MAX_PER_TERM.kkRu], [ROW.ruKk, ruKk, MAX_PER_TERM.ruKk]] as const) {
  for (const [key, value] of encodeRows(table, max)) lines.push(`${kind}\t${key}\t${value}`);
}
// Sorted by UTF-16 code unit, which for these letters is UTF-8 byte order: the loader searches the bytes.
lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const header = [`${LEXICON_MAGIC}\t${LEXICON_FORMAT_VERSION}\t${KAZAKH_LEXICON_ANALYZER_VERSION}`, `#source\t${KAZAKH_LEXICON_SOURCE}`, `#license\t${KAZAKH_LEXICON_LICENSE}`];
const text = `${[...header, ...lines].join('\n')}\n`;
writeFileSync(KAZAKH_LEXICON_PATH, text);
console.log(`wrote ${KAZAKH_LEXICON_PATH} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${lines.length} rows)`);
