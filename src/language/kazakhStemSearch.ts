import { ENDING_LAYERS, type LayerKind } from './data/kazakhEndings.js';
import { UNVOICED, endingFits, isVowel, needsPossessive } from './kazakhSounds.js';
import type { KazakhStems } from './kazakhStems.js';

const MIN_STEM = 2;

/** A way to read a word as stem + endings. */
interface Cut {
  readonly stem: string;
  /** The ending right after the stem, empty for the word itself. */
  readonly inner: string;
  /** A verbal ending was cut, so the stem must be a verb. */
  readonly verbal: boolean;
  /** How many endings were cut, a one-letter ending counting half again: it is the most often a root's own letter. */
  readonly depth: number;
  /** Only participles, negation and voice were cut: what turns one verb into a word of its own. */
  readonly derivedVerb: boolean;
  /** A derivation (-лы, -сыз, -лық, -шы) was cut. */
  readonly derivation: boolean;
}

/** What the cuts so far allow further in. */
interface Reading {
  /** A case, possessive or plural ending was cut: a verb inside must be made a noun by a participle. */
  readonly nominal: boolean;
  readonly verbForm: boolean;
  readonly verbal: boolean;
  readonly restarts: number;
  /** The last cut was a case ending that only follows a third-person possessive (-нда, -на, -н) or -нікі, -дағы. */
  readonly possessed: boolean;
}

const CASE_LAYER = ENDING_LAYERS.findIndex((layer) => layer.kind === 'nominal');
const POSSESSIVE_LAYER = ENDING_LAYERS.findIndex((layer) => layer.name === 'possessive');
/** Each layer's endings as a set, so a word's last letters are looked up, not every ending tried. */
const LAYER_ENDINGS = ENDING_LAYERS.map(({ endings }) => ({ set: new Set(endings), longest: Math.max(...endings.map((e) => e.length)) }));
/** -дағы inside -дағы is rare; two levels cover "мектептеріңдегілерде". */
const MAX_RESTARTS = 2;

function allows(kind: LayerKind, reading: Reading): boolean {
  if (kind === 'finite') return !reading.nominal;
  if (kind === 'verbal') return reading.verbForm || !reading.nominal;
  if (kind === 'attributive') return reading.restarts < MAX_RESTARTS;
  return true;
}

function after(kind: LayerKind, ending: string, reading: Reading): Reading {
  const possessed = (kind === 'nominal' || kind === 'attributive') && needsPossessive(ending);
  if (kind === 'nominal' || kind === 'derivation') return { ...reading, nominal: true, possessed };
  if (kind === 'attributive') return { nominal: true, verbForm: false, verbal: false, restarts: reading.restarts + 1, possessed };
  if (kind === 'participle' || kind === 'finite') return { ...reading, verbForm: true, verbal: true, possessed: false };
  if (kind === 'verbal') return { ...reading, verbal: true, possessed: false };
  return { ...reading, possessed: false };
}

/** й before а or у is written я, ю: қоя-ды is қой-а-ды, қою is қой-у. */
const GLIDE_VOWELS: Readonly<Record<string, string>> = { я: 'а', ю: 'у' };

/** The word's last `length` letters as an ending of the set, as written or with я, ю read as й + а, у. */
function splitEnding(rest: string, length: number, endings: ReadonlySet<string>): { stem: string; ending: string } | null {
  const written = rest.slice(-length);
  if (endings.has(written)) return { stem: rest.slice(0, -length), ending: written };
  const vowel = GLIDE_VOWELS[written[0]!];
  const ending = vowel === undefined ? undefined : vowel + written.slice(1);
  return ending !== undefined && endings.has(ending) ? { stem: `${rest.slice(0, -length)}й`, ending } : null;
}

/** Every grammatical reading of the word through the layers, at most one ending each, the word itself first. */
function cutsOf(word: string): Cut[] {
  const cuts: Cut[] = [{ stem: word, inner: '', verbal: false, depth: 0, derivedVerb: false, derivation: false }];
  const walk = (rest: string, layer: number, reading: Reading, depth: number, derivedVerb: boolean, derivation: boolean): void => {
    for (let index = layer; index < ENDING_LAYERS.length; index++) {
      const { kind } = ENDING_LAYERS[index]!;
      // after -нда and the like: the possessive, or -нікі / -дағы, which take the same н (жақсы-нікі-н-де)
      if (!allows(kind, reading) || (reading.possessed && index !== POSSESSIVE_LAYER && kind !== 'attributive')) continue;
      const { set, longest } = LAYER_ENDINGS[index]!;
      for (let length = Math.min(longest, rest.length - MIN_STEM); length >= 1; length--) {
        const split = splitEnding(rest, length, set);
        if (!split) continue;
        const { stem, ending } = split;
        if (![...stem].some(isVowel) || !endingFits(stem, ending, kind)) continue;
        const next = after(kind, ending, reading);
        const deeper = depth + (ending.length === 1 ? 1.5 : 1);
        const derived = derivedVerb && (kind === 'participle' || kind === 'verbal');
        // тау-ы-н, not тауы-н: what a possessive case leaves is no stem until the possessive is cut too
        const derivationCut = derivation || kind === 'derivation';
        if (!next.possessed) cuts.push({ stem, inner: ending, verbal: next.verbal, depth: deeper, derivedVerb: derived, derivation: derivationCut });
        walk(stem, kind === 'attributive' ? CASE_LAYER : index + 1, next, deeper, derived, derivationCut);
      }
    }
  };
  walk(word, 0, { nominal: false, verbForm: false, verbal: false, restarts: 0, possessed: false }, 0, true, false);
  return cuts;
}

/**
 * The spellings a stem may have in the table: as cut, with its voiced final undone before a vowel
 * (кітаб-ы → кітап), a verb's final ы/і restored where it merged (оқи-ды → оқы, оқ-у → оқы).
 */
function spellings({ stem, inner }: Cut): string[] {
  const forms = [stem];
  const last = stem.slice(-1);
  const unvoiced = UNVOICED[last];
  if (unvoiced && inner !== '' && isVowel(inner[0]!)) forms.push(stem.slice(0, -1) + unvoiced);
  if (last === 'и') forms.push(`${stem.slice(0, -1)}ы`, `${stem.slice(0, -1)}і`);
  if (inner.startsWith('у')) forms.push(`${stem}ы`, `${stem}і`);
  return forms;
}

/** A verbal cut needs a verb; a nominal one a word that takes case and possessive endings. */
function posFits(pos: readonly string[], cut: Cut): boolean {
  if (cut.inner === '') return true;
  // two-letter proper names (Са, Ор) are rarer than the words whose ends they would cut off
  if (cut.stem.length < 3 && pos.every((tag) => tag === 'np')) return false;
  if (cut.verbal) return pos.includes('v');
  return pos.some((tag) => tag !== 'v' && tag !== 'cnj');
}

/** Fewer endings first; at equal count the shorter stem, which has kept fewer letters of an ending. */
const fewerEndings = (a: Cut, b: Cut): boolean => a.depth < b.depth || (a.depth === b.depth && a.stem.length < b.stem.length);

interface Found {
  readonly cut: Cut;
  readonly lemma: string;
  readonly pos: readonly string[];
}

/** The best of the cuts that reach a stem of the table with fitting parts of speech. */
function bestKnown(cuts: readonly Cut[], stems: KazakhStems, fits: (pos: readonly string[], cut: Cut) => boolean, better: (a: Cut, b: Cut) => boolean): Found | null {
  let best: Found | null = null;
  for (const cut of cuts) {
    if (best && !better(cut, best.cut)) continue;
    // a two-letter stem before a one-letter consonant ending is too often a longer root cut short
    // (же-р, са-н); before a vowel it is the possessive or verbal noun of a short root (ел-і, ай-ы, ет-у)
    if (cut.inner.length === 1 && cut.stem.length < 3 && !isVowel(cut.inner)) continue;
    for (const form of spellings(cut)) {
      const entry = stems.get(form);
      if (entry && fits(entry.pos, cut)) {
        best = { cut, lemma: entry.lemma, pos: entry.pos };
        break;
      }
    }
  }
  return best;
}

/** Participles the lexicon also lists as adjectives (шақыратын, ұрланған, шақырушы). */
const PARTICIPLE = /(ған|ген|қан|кен|атын|етін|йтын|йтін|ятын|ушы|уші|у)$/u;

const NEGATION = /(ма|ме|ба|бе|па|пе)$/u;

/**
 * The plain verb under a lemma that the lexicon lists although it is a verb's derived form: a
 * participle or verbal noun (ұрланған → ұрла, шақыру → шақыр), a passive or negative verb
 * (айтыл → айт, келме → кел). Retrieval wants "was stolen" and "stole" as one term. A noun keeps its
 * own reading unless it ends in a participle (келген): соғыс "war" is not соқ "hit" made reciprocal,
 * nor қару "weapon" the verbal noun of қар, as one letter makes too many nouns.
 */
function plainVerb(found: Found, stems: KazakhStems): string | null {
  const participle = PARTICIPLE.exec(found.lemma)?.[1];
  const noun = found.pos.includes('n');
  if (noun ? participle === undefined || participle === 'у' : !found.pos.includes('v') && participle === undefined) return null;
  const derived = cutsOf(found.lemma).filter((cut) => cut.derivedVerb);
  const verb = bestKnown(derived, stems, (pos) => pos.includes('v'), fewerEndings)?.lemma;
  if (verb === undefined || !NEGATION.test(verb)) return verb ?? null;
  // a negative verb of the lexicon (келме, from келмеген) under its positive one
  const positive = stems.get(verb.slice(0, -2));
  return positive?.pos.includes('v') ? positive.lemma : verb;
}

/**
 * An adjective that is also a noun with one case or possessive ending (жылы "warm" and жыл-ы "its
 * year", жемісті "fruitful" and жеміс-ті): read as the noun, which inflected text uses far more.
 */
function nounUnderAdjective(word: string, found: Found, stems: KazakhStems): Found | null {
  if (found.cut.depth > 0 || found.pos.some((tag) => tag !== 'adj' && tag !== 'adv')) return null;
  const nominal = cutsOf(word).filter((cut) => cut.depth > 0 && cut.depth <= 1.5 && !cut.verbal && !cut.derivation);
  return bestKnown(nominal, stems, (pos) => pos.includes('n'), fewerEndings);
}

/**
 * The lemma of the known stem that the word's endings reach with the fewest endings (the word
 * itself when the lexicon lists it, unless it is only an adjective over a noun), or null when no reading reaches a stem of the table: an unknown
 * word, for which the caller falls back to plain suffix stripping.
 */
export function knownKazakhStem(word: string, stems: KazakhStems): string | null {
  const found = bestKnown(cutsOf(word), stems, posFits, fewerEndings);
  if (!found) return null;
  const reading = nounUnderAdjective(word, found, stems) ?? found;
  return plainVerb(reading, stems) ?? reading.lemma;
}
