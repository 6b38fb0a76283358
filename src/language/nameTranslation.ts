import { analyzerFor, type Language } from './analyzer.js';
import { closestTerm, type Vocabulary } from './fuzzyMatch.js';
import { CYRILLIC } from './tokenize.js';
import { cyrillicSpelling, latinSpellings, russianSpelling } from './transliterate.js';

/** One target-language term for a source word; see TranslatedTerm in queryTranslator.ts. */
export interface NameTerm {
  source: string;
  term: string;
  weight: number;
}

export interface WordTranslation {
  terms: NameTerm[];
  /** The word to put in the embedder's text, or null when none. */
  text: string | null;
}

const NAME_MAX_DISTANCE = 0.2;

/**
 * Case endings a Russian or a Kazakh name takes, to try the bare name as well: Токаеву → Токаев,
 * Алматыда → Алматы, Тоқаевтың → Тоқаев. One ending each, longest first; the two lists apart, so
 * that Альберта stays Альберт and is not cut to Альбер.
 */
const RUSSIAN_NAME_ENDINGS = /(ами|ому|ого|ыми|ими|ой|ей|ым|им|ом|ем|ов|ев|ах|ях|а|у|е|ы|я|ю)$/u;
const KAZAKH_NAME_ENDINGS = /(дағы|дегі|тағы|тегі|ның|нің|тың|тің|дың|дің|нда|нде|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|да|де|та|те|ны|ні|ды|ді|ты|ті)$/u;

/** Spellings of a name in the target's script: Latin for English, Russian letters for Russian. */
function spellingsIn(form: string, to: Language, limit: number): string[] {
  if (!CYRILLIC.test(form)) return [cyrillicSpelling(form)];
  if (to === 'en') return latinSpellings(form).slice(0, limit);
  return [...new Set([form, russianSpelling(form)])];
}

/** Spellings of a name and of its bare form, as target-language terms; `limit` per form. */
function nameSpellings(word: string, to: Language, limit = Infinity): string[] {
  const target = analyzerFor(to);
  const bare = [RUSSIAN_NAME_ENDINGS, KAZAKH_NAME_ENDINGS].map((endings) => word.replace(endings, ''));
  const forms = CYRILLIC.test(word) ? [...new Set([word, ...bare])].filter((f) => f.length >= 3) : [word];
  const spellings = forms.flatMap((f) => spellingsIn(f, to, limit));
  return [...new Set(spellings.flatMap((f) => [f, target.term(f) ?? f]))];
}

/**
 * A name spelled the commonest way, exactly as the corpus has it: "токаев" in lower case. Only the
 * two likeliest spellings per form, without fuzzy matching, since every lower-case word is tried.
 */
export function exactName(word: string, to: Language, vocabulary: Vocabulary): WordTranslation | null {
  const term = nameSpellings(word, to, 2).find((s) => s.length >= 5 && vocabulary.has(s));
  return term === undefined ? null : { terms: [{ source: word, term, weight: 1 }], text: term };
}

/** A name matched fuzzily against the corpus's terms, weighted by how close it came. */
export function translateName(word: string, to: Language, vocabulary: Vocabulary): WordTranslation {
  const match = closestTerm(nameSpellings(word, to), vocabulary, NAME_MAX_DISTANCE);
  if (!match) return { terms: [], text: null };
  return { terms: [{ source: word, term: match.term, weight: Number((1 - match.distance).toFixed(3)) }], text: match.term };
}
