/**
 * Builds src/language/data/kk-stems.tsv, the Kazakh stems with their parts of speech, from Apertium's
 * Kazakh lexicon (apertium-kaz.kaz.lexc, GPL-3.0):
 *
 *   npx tsx scripts/build-kazakh-stems.ts [path/to/apertium-kaz.kaz.lexc]
 *
 * (default ../shared/resources/apertium/apertium-kaz.kaz.lexc). The lexc lists each stem as
 * `lemma:surface CONTINUATION ;` in the sections Common and Proper; the continuation class names the
 * part of speech (N1 noun, V-TV verb, A1 adjective, NP-TOP place name…). Only that is kept: the
 * suffix lexicons stay out, the stripper in src/language/kazakh.ts has its own endings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config.js';
import { KAZAKH_STEMS_LICENSE, KAZAKH_STEMS_MAGIC, KAZAKH_STEMS_PATH, KAZAKH_STEMS_SOURCE } from '../src/language/kazakhStems.js';

const STEM_SECTIONS = new Set(['Common', 'Proper']);

/** Continuation class → part of speech, first match wins; classes not listed (interjections, ideophones…) are left out. */
const POS_OF_CLASS: readonly (readonly [RegExp, string])[] = [
  [/^NP-/, 'np'],
  [/^N(\d|-)/, 'n'],
  [/^(V-|Vinfl-)/, 'v'],
  [/^A\d/, 'adj'],
  [/^ADV/, 'adv'],
  [/^NUM/, 'num'],
  [/^POST(-|$)/, 'post'],
  [/^(PRON|PRNNEG)/, 'prn'],
  [/^DET/, 'det'],
  [/^C[CSA](-|$)/, 'cnj'],
];

/** One stem line: `upper:lower CLASS ;` or `word CLASS ;`, a comment after `!`. */
const ENTRY = /^\s*([^!;\s](?:[^!;]*?[^!;\s])?)\s+([A-Za-z0-9/_-]+)\s*;/u;
const CYRILLIC_WORD = /^[а-яёәғқңөұүһі]+$/u;

interface Stem {
  readonly pos: Set<string>;
  /** The lemma, when the line is a surface variant of it (ауз for ауыз, before a vowel-initial ending). */
  readonly lemma?: string;
}

/** `%X` is an escaped X; `%{y%}` an archiphoneme. */
const unescape = (side: string): string => side.replace(/%(.)/gu, '$1');

/**
 * The surface stems of one entry. A `%{y%}` marks a vowel that drops before a vowel-initial ending
 * (ауыз → аузы, халық → халқы): that shorter stem is kept too, pointing at the lemma.
 */
function surfaceVariants(upper: string, lower: string): { form: string; lemma?: string }[] {
  const lemma = unescape(upper).toLowerCase();
  const forms = [{ form: lemma }];
  if (lower.includes('%{y%}')) {
    const dropped = unescape(lower.replace(/%\{[^%]*%\}/gu, '')).toLowerCase();
    if (dropped !== lemma) forms.push({ form: dropped, lemma } as { form: string; lemma?: string });
  }
  return forms;
}

export function parseLexcStems(text: string): Map<string, Stem> {
  const stems = new Map<string, Stem>();
  let section = '';
  for (const line of text.split('\n')) {
    const header = /^LEXICON\s+(\S+)/u.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    if (!STEM_SECTIONS.has(section)) continue;
    const entry = ENTRY.exec(line);
    if (!entry) continue;
    const pos = POS_OF_CLASS.find(([pattern]) => pattern.test(entry[2]!))?.[1];
    if (!pos) continue;
    const [upper, lower = upper] = entry[1]!.split(/(?<!%):/u);
    if (upper === undefined || upper.includes('%<')) continue;
    for (const { form, lemma } of surfaceVariants(upper, lower!)) {
      // a variant never overrides a lemma of its own (ерн is only ерін's, but ор is a word of its own)
      if (!CYRILLIC_WORD.test(form) || (lemma !== undefined && lemma === form)) continue;
      const known = stems.get(form);
      if (known && (known.lemma === undefined || lemma !== undefined)) known.pos.add(pos);
      else stems.set(form, lemma === undefined ? { pos: new Set([pos]) } : { pos: new Set([pos]), lemma });
    }
  }
  return stems;
}

export function formatStems(stems: Map<string, Stem>): string {
  const rows = [...stems]
    .map(([form, { pos, lemma }]) => [form, [...pos].sort().join(','), ...(lemma ? [lemma] : [])].join('\t'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const header = [`${KAZAKH_STEMS_MAGIC}\t1`, `#source\t${KAZAKH_STEMS_SOURCE}`, `#license\t${KAZAKH_STEMS_LICENSE}`];
  return `${[...header, ...rows].join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2] ?? path.join(projectRoot, '../shared/resources/apertium/apertium-kaz.kaz.lexc');
  const stems = parseLexcStems(readFileSync(source, 'utf8'));
  writeFileSync(KAZAKH_STEMS_PATH, formatStems(stems));
  const variants = [...stems.values()].filter((stem) => stem.lemma).length;
  process.stdout.write(`${stems.size} stems (${variants} vowel-drop variants) → ${path.relative(projectRoot, KAZAKH_STEMS_PATH)}\n`);
}
