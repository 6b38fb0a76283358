import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzerFor } from './analyzer.js';

/*
 * Reading the Mueller dictionary as Debian packages it (mueller7-dict), for scripts/build-lexicon.ts;
 * nothing at run time imports this file.
 */

/** One English term → Russian term pair read from a dictionary entry, weighted by its place. */
export interface Translation {
  en: string;
  ru: string;
  weight: number;
  /** The English word the term came from. */
  enWord: string;
}

const MARK = '\u0001';
const LATIN = /[a-z]/i;
/** Hyphenated words are left out: the tokenizer splits them, so no analyzer term has a hyphen. */
const RUSSIAN_WORD = /(?<![-а-яё])[а-яё]+(?![-а-яё])/giu;
/** Pronoun placeholders of usage notes ("что-л.", "кого-л."), not translations. */
const PLACEHOLDER = /-л$/u;

function stripped(body: string): string {
  let text = body
    .replace(/^[^\n]*\n/, '') // the headword line
    .replace(/\[[^\]]*\]/g, ' ') // transcription
    .replace(/\s+/g, ' ');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  }
  return text;
}

interface Chunk {
  kind: 'homograph' | 'sense' | 'subsense' | 'start';
  text: string;
}

/** The entry cut at its markers: homographs (_I, _II), senses (1. and 1)) and sub-senses (а)). */
function chunks(text: string): Chunk[] {
  const marked = text
    .replace(/(^|\s)_[IVX]+(?=\s)/g, `$1${MARK}H`)
    .replace(/(^|\s)\d+[.)](?=\s|_|$)/g, `$1${MARK}S`)
    .replace(/(^|\s)[а-я]\)(?=\s)/gu, `$1${MARK}A`);
  return marked.split(MARK).map((part, i) => {
    if (i === 0) return { kind: 'start', text: part };
    const kind = part[0] === 'H' ? 'homograph' : part[0] === 'S' ? 'sense' : 'subsense';
    return { kind, text: part.slice(1) };
  });
}

/** The Russian phrases of one sense, in order; usage examples (with English in them) left out. */
function phrases(text: string): string[][] {
  const clean = text.replace(/_[^\s.]+\./gu, ' ').replace(/\b(тж|обыкн|и т\. ?п|и т\. ?д)\./gu, ' ');
  const out: string[][] = [];
  for (const segment of clean.split(';')) {
    if (LATIN.test(segment) || segment.includes('=')) continue;
    for (const phrase of segment.split(',')) {
      const words = (phrase.toLowerCase().match(RUSSIAN_WORD) ?? []).filter((w) => !PLACEHOLDER.test(w));
      if (words.length > 0 && words.length <= 3) out.push(words);
    }
  }
  return out;
}

/** Earlier senses and earlier words in a sense are the commoner meanings; later homographs rarer. */
function placeWeight(sense: number, position: number, homograph: number, words: number): number {
  return (1 / (1 + 0.3 * sense + 0.15 * position)) * (homograph > 0 ? 0.75 : 1) * (words > 1 ? 0.4 : 1);
}

/** The translations of one Mueller entry, as English term → Russian term pairs. */
export function entryTranslations(headword: string, body: string): Translation[] {
  const en = analyzerFor('en').term(headword.toLowerCase());
  if (en === null || headword.includes('-') || body.includes(' = ') && !/[а-я]/iu.test(body.replace(/^[^\n]*\n/, ''))) return [];
  const ruAnalyzer = analyzerFor('ru');
  const out: Translation[] = [];
  let homograph = 0;
  let sense = -1;
  let inIdiom = false;
  for (const chunk of chunks(stripped(body))) {
    if (chunk.kind === 'homograph') [homograph, sense] = [homograph + 1, -1];
    if (chunk.kind !== 'subsense') inIdiom = false;
    if (chunk.kind === 'subsense' && inIdiom) continue;
    const lastSegment = chunk.text.split(';').at(-1) ?? '';
    if (LATIN.test(lastSegment.replace(/_[^\s.]+\./g, ''))) inIdiom = true; // "to run riot а) … б) …"
    const found = phrases(chunk.text);
    if (found.length === 0) continue;
    sense++;
    found.forEach((words, position) => {
      for (const word of words) {
        const ru = ruAnalyzer.term(word.replace(/ё/g, 'е'));
        const weight = placeWeight(sense, position, homograph, words.length);
        if (ru !== null && ru.length > 1) out.push({ en, ru, weight, enWord: headword.toLowerCase() });
      }
    });
  }
  return out;
}

/** dictd writes offsets and lengths in base64 digits, most significant first. */
const DICTD_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function dictdNumber(digits: string): number {
  let value = 0;
  for (const digit of digits) value = value * 64 + DICTD_DIGITS.indexOf(digit);
  return value;
}

/** The verb an irregular past form points to ("stolen … _p-p. от steal 1" → "steal"), or null. */
export function irregularFormOf(body: string): string | null {
  return /_p(?:-p)?\. (?:и _p-p\. )?от ([a-z]+)/.exec(body)?.[1] ?? null;
}

/** The one-word entries of the dictionary in the extracted package folder `dir`. */
export function* muellerEntries(dir: string): Generator<{ headword: string; body: string }> {
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

