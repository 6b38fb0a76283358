/**
 * Lemma accuracy of the Kazakh analyzer against Apertium's analyses, next to the plain suffix
 * stripper it falls back on (the analyzer before the stem table):
 *
 *   npm run eval -- --lemmas [--gold FILE]…     (or: npx tsx scripts/eval-kazakh-lemmas.ts [FILE…])
 *
 * FILE: `surface:lemma<tags>…` lines (gzipped or not), as in Apertium's expanded forms, or the
 * `surface TAB lemma<tags> TAB weight` output of `hfst-lookup`; default
 * ../shared/resources/apertium/kaz-expanded-forms.txt.gz. Surfaces are grouped with all their
 * lemmas (Apertium lists every reading). Lemmas are split in two halves by a hash, so no lemma is in
 * both; the figures that count are the held-out half's, the other half was looked at while writing.
 *
 * - same term: the surface form gets the same term as one of its lemmas (what retrieval needs);
 * - exact lemma: the term is one of the lemmas (the stripper's terms are stems, so it rarely is);
 * - wrong merge: the term is that of a lemma of the set the form does not belong to. Apertium keeps
 *   derived words apart (ұрланған<adj>, айтыл<v>), which the analyzer merges on purpose, so this
 *   counts those merges too.
 *
 * The expanded forms hold only six lemmas. A wider gold set: every word of a text analysed by
 * Apertium's own analyser, compiled from the same sources with Debian's hfst (build time only):
 *
 *   apt-get install hfst; cd /tmp/kaz && cp ../shared/resources/apertium/apertium-kaz.kaz.{lexc,twol} .
 *   hfst-lexc apertium-kaz.kaz.lexc -o lexc.hfst && hfst-twolc apertium-kaz.kaz.twol -o twol.hfst
 *   hfst-compose-intersect -1 lexc.hfst -2 twol.hfst -o gen.hfst && hfst-invert gen.hfst -o morf.hfst
 *   hfst-fst2fst -O morf.hfst -o kaz.hfstol
 *   (one lower-cased word a line) | hfst-lookup -q kaz.hfstol > words.analysed.txt
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from '../src/config.js';
import { stemKazakh, stripKazakhEndings } from '../src/language/kazakh.js';
import { CYRILLIC, tokenize } from '../src/language/tokenize.js';

type Stemmer = (word: string) => string;
const STEMMERS: Record<string, Stemmer> = { 'suffix stripper (before)': stripKazakhEndings, 'known stems (now)': stemKazakh };

/** FNV-1a: a stable split by lemma, the same on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return hash;
}
export const isHeldOut = (lemma: string): boolean => fnv1a(lemma) % 2 === 1;

const isOneToken = (text: string): boolean => {
  const tokens = tokenize(text);
  return tokens.length === 1 && tokens[0] === text;
};

/** Surface → its lemmas, lower-cased; only single Cyrillic words (a clitic after a space or hyphen is another token). */
export function readForms(text: string): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    const split = tab >= 0 ? tab : line.indexOf(':');
    if (split <= 0) continue;
    const surface = line.slice(0, split).toLowerCase();
    const lemma = line.slice(split + 1).split('<')[0]!.toLowerCase();
    if (lemma === '' || lemma.includes('?') || !CYRILLIC.test(lemma) || !CYRILLIC.test(surface)) continue;
    if (!isOneToken(surface) || !isOneToken(lemma)) continue;
    let lemmas = forms.get(surface);
    if (!lemmas) forms.set(surface, (lemmas = new Set()));
    lemmas.add(lemma);
  }
  return forms;
}

interface Score {
  forms: number;
  lemmas: number;
  sameTerm: number;
  unambiguous: number;
  unambiguousSame: number;
  exact: number;
  wrongMerge: number;
}

export function score(forms: Map<string, Set<string>>, stem: Stemmer): Score {
  const lemmaTerms = new Map<string, Set<string>>();
  for (const lemmas of forms.values()) {
    for (const lemma of lemmas) {
      const term = stem(lemma);
      let owners = lemmaTerms.get(term);
      if (!owners) lemmaTerms.set(term, (owners = new Set()));
      owners.add(lemma);
    }
  }
  const result: Score = { forms: forms.size, lemmas: new Set([...forms.values()].flatMap((l) => [...l])).size, sameTerm: 0, unambiguous: 0, unambiguousSame: 0, exact: 0, wrongMerge: 0 };
  for (const [surface, lemmas] of forms) {
    const term = stem(surface);
    if ([...lemmas].some((lemma) => stem(lemma) === term)) result.sameTerm++;
    if (lemmas.size === 1) {
      result.unambiguous++;
      if (stem([...lemmas][0]!) === term) result.unambiguousSame++;
    }
    if (lemmas.has(term)) result.exact++;
    if ([...(lemmaTerms.get(term) ?? [])].some((owner) => !lemmas.has(owner))) result.wrongMerge++;
  }
  return result;
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;

function report(file: string): void {
  const raw = readFileSync(file);
  const forms = readForms((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  const half = (heldOut: boolean) => new Map([...forms].filter(([, lemmas]) => [...lemmas].every((l) => isHeldOut(l) === heldOut)));
  process.stdout.write(`\n${path.relative(process.cwd(), file)}\n`);
  process.stdout.write('| part | analyzer | forms | lemmas | same term as lemma | same term, one-lemma forms | exact lemma | wrong merge |\n|---|---|---|---|---|---|---|---|\n');
  for (const [part, subset] of [['held out', half(true)], ['looked at', half(false)]] as const) {
    for (const [name, stem] of Object.entries(STEMMERS)) {
      const s = score(subset, stem);
      process.stdout.write(`| ${part} | ${name} | ${s.forms} | ${s.lemmas} | ${percent(s.sameTerm, s.forms)} | ${percent(s.unambiguousSame, s.unambiguous)} of ${s.unambiguous} | ${percent(s.exact, s.forms)} | ${percent(s.wrongMerge, s.forms)} |\n`);
    }
  }
}

export const EXPANDED_FORMS = path.join(projectRoot, '../shared/resources/apertium/kaz-expanded-forms.txt.gz');

/** `npm run eval -- --lemmas [--gold FILE]…`: the expanded forms, or the given files. */
export function runLemmaEval(files: readonly string[]): void {
  for (const file of files.length > 0 ? files : [EXPANDED_FORMS]) report(file);
}

if (import.meta.url === `file://${process.argv[1]}`) runLemmaEval(process.argv.slice(2));
