import { analyzerFor, type Language } from './analyzer.js';
import { closestTerm, type Vocabulary } from './fuzzyMatch.js';
import { loadLexicon, type Lexicon, type WeightedTerm } from './lexicon.js';
import { CYRILLIC, tokenize } from './tokenize.js';
import { cyrillicSpelling, latinSpellings } from './transliterate.js';

export type { Vocabulary } from './fuzzyMatch.js';

/**
 * One target-language term for a source word; `term` is in the target analyzer's term space.
 * `weight` (0..1] is ready to use as a query-term boost: a word's translations share it, so a word
 * with four translations does not outweigh a word with one.
 */
export interface TranslatedTerm {
  source: string;
  term: string;
  weight: number;
}

/** `text`: target-language words for an embedder (best translation per source word, names transliterated). */
export interface QueryTranslation {
  terms: TranslatedTerm[];
  text: string;
}

export interface QueryTranslator {
  translate(question: string, from: Language, to: Language, vocabulary: Vocabulary): QueryTranslation;
  /** Whether content words can be translated between the two languages (names and numbers always pass). */
  translates(from: Language, to: Language): boolean;
}

/**
 * Words that set a question's shape rather than its topic: never translated as content (the
 * question's shape is read from the original question).
 */
export const QUESTION_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set('what which who whom whose when where why how many much'.split(' ')),
  ru: new Set(
    ('сколько скольких скольким кто кого кому кем когда где куда откуда почему зачем что чего чему чем ' +
      'какой какая какое какие какого каких каким каком какую каков какова каковы который которая которое которые ' +
      'как ли чей чья чьё чьи').split(' '),
  ),
  kk: new Set('қанша неше кім кімнің кімге кімдер қашан қайда қайдан неге не нені ненің қандай қалай қай'.split(' ')),
};

/** Translations kept per source word, and how much a translation found only by prefix counts. */
const MAX_PER_WORD = 6;
const PREFIX_MATCH_WEIGHT = 0.6;
/** A translation the corpus lacks cannot match anything; it is only kept for the embedder's text. */
const NAME_MAX_DISTANCE = 0.2;

interface WordTranslation {
  terms: TranslatedTerm[];
  /** The word to put in the embedder's text, or null when none. */
  text: string | null;
}

/**
 * Forms whose word is another stem's: "лет" is the counted plural of "год" (years), not only "лето"
 * (summer), and "человек" after a number is the plural "люди" (people); the dictionary lists one form.
 */
const SUPPLETIVE: Readonly<Record<string, string>> = { лет: 'год', человек: 'люд' };

/**
 * Translations of a source term, those the corpus has first. A dictionary lists imperfective
 * infinitives ("погибать", "задерживать") and questions use perfective pasts ("погибли",
 * "задержанных"), whose stems differ: when no direct translation is in the corpus, the terms sharing
 * the longest prefix lend theirs, at a discount. Names get no prefix guesses.
 */
function lexiconCandidates(lexicon: Lexicon, term: string, from: Language, to: Language, word: Word, vocabulary: Vocabulary): WeightedTerm[] {
  const base = SUPPLETIVE[term];
  const direct = mergeBest([...(base === undefined ? [] : lexicon.translations(base, from, to)), ...lexicon.translations(term, from, to)]);
  if (direct.some((c) => vocabulary.has(c.term)) || word.capitalised) return direct;
  const near = lexicon.nearestTerms(term, from, Math.max(4, term.length - 2)).filter((key) => key !== term);
  const borrowed = near.flatMap((key) => lexicon.translations(key, from, to).map((t) => ({ ...t, weight: t.weight * PREFIX_MATCH_WEIGHT })));
  return mergeBest([...direct, ...borrowed]);
}

/** One entry per term, with its best weight, best first. */
function mergeBest(candidates: readonly WeightedTerm[]): WeightedTerm[] {
  const merged = new Map<string, number>();
  for (const { term, weight } of candidates) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
  return [...merged].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
}

interface Word {
  text: string;
  /** Capitalised: perhaps a name, tried as one first (the first word too: "Токаев признал…"). */
  capitalised: boolean;
}

/** The question's words, lower-cased as the analyzers take them, each marked if it looks like a name. */
function wordsOf(question: string): Word[] {
  const capitalised = new Set(
    (question.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase()),
  );
  return tokenize(question).map((text) => ({ text, capitalised: capitalised.has(text) }));
}

/** Case endings a Russian or Kazakh name takes, to try the bare name as well: Токаеву → Токаев. */
const NAME_ENDINGS = /(ами|ому|ого|ыми|ими|ой|ей|ым|им|ом|ем|ов|ев|ах|ях|а|у|е|ы|я|ю|ның|нің|тың|тің|дың|дің|ға|ге|қа|ке)$/u;

/** Latin (or Cyrillic) spellings of a name and of its bare form, as target-language terms; `limit` per form. */
function nameSpellings(word: string, to: Language, limit = Infinity): string[] {
  const target = analyzerFor(to);
  const forms = CYRILLIC.test(word)
    ? [word, word.replace(NAME_ENDINGS, '')].filter((f) => f.length >= 3).flatMap((f) => latinSpellings(f).slice(0, limit))
    : [cyrillicSpelling(word)];
  return [...new Set(forms.flatMap((f) => [f, target.term(f) ?? f]))];
}

/**
 * A name spelled the commonest way, exactly as the corpus has it: "токаев" in lower case. Only the
 * two likeliest spellings per form, without fuzzy matching, since every lower-case word is tried.
 */
function exactName(word: string, to: Language, vocabulary: Vocabulary): WordTranslation | null {
  const term = nameSpellings(word, to, 2).find((s) => s.length >= 5 && vocabulary.has(s));
  return term === undefined ? null : { terms: [{ source: word, term, weight: 1 }], text: term };
}

function translateName(word: string, to: Language, vocabulary: Vocabulary): WordTranslation {
  const spellings = nameSpellings(word, to);
  const match = closestTerm(spellings, vocabulary, NAME_MAX_DISTANCE);
  if (!match) return { terms: [], text: null };
  return { terms: [{ source: word, term: match.term, weight: Number((1 - match.distance).toFixed(3)) }], text: match.term };
}

/**
 * A capitalised word inside a question is tried as a name first (Пэнтерс → Panthers, not a
 * dictionary word sharing its first letters); any other word as a name only when the dictionary fails.
 */
function translateWord(lexicon: Lexicon, word: Word, from: Language, to: Language, vocabulary: Vocabulary): WordTranslation {
  const source = analyzerFor(from).term(word.text);
  if (source === null) return { terms: [], text: null };
  const name = word.capitalised ? translateName(word.text, to, vocabulary) : exactName(word.text, to, vocabulary);
  if (name && name.terms.length > 0) return name;
  const candidates = lexiconCandidates(lexicon, source, from, to, word, vocabulary);
  const known = candidates.filter((c) => vocabulary.has(c.term)).slice(0, MAX_PER_WORD);
  if (known.length > 0) {
    // Spread over its translations, a word with many counts little more than a word with one.
    const spread = Math.sqrt(known.reduce((sum, c) => sum + c.weight, 0) / known[0]!.weight);
    const terms = known.map((c) => ({ source: word.text, term: c.term, weight: Number((c.weight / known[0]!.weight / spread).toFixed(3)) }));
    return { terms, text: lexicon.word(known[0]!.term, to) };
  }
  const guess = name ?? translateName(word.text, to, vocabulary);
  if (guess.terms.length > 0) return guess;
  const fallback = candidates[0];
  // A term the corpus lacks still counts: a question about the weather must not become a question about "condition".
  const unknown = { source: word.text, term: fallback?.term ?? source, weight: 1 };
  return { terms: [unknown], text: fallback ? lexicon.word(fallback.term, to) : null };
}

const NO_LEXICON: Lexicon = { translations: () => [], nearestTerms: () => [], word: (term) => term };

/** Script of the target language: a word already in it (a Latin name in a Russian question) passes through. */
const inTargetScript = (word: string, to: Language) => CYRILLIC.test(word) === (to !== 'en');

function translateToken(lexicon: Lexicon, word: Word, from: Language, to: Language, vocabulary: Vocabulary): WordTranslation {
  if (/\d/.test(word.text) || inTargetScript(word.text, to)) {
    const term = analyzerFor(to).term(word.text);
    return { terms: term === null ? [] : [{ source: word.text, term, weight: 1 }], text: word.text };
  }
  return translateWord(lexicon, word, from, to, vocabulary);
}

/**
 * Dictionary-based query translation: content words through the Mueller lexicon (several weighted
 * translations each, only those the corpus has), names by transliteration and fuzzy match against
 * the corpus, numbers as they are. The lexicon is read on the first call.
 */
export function createDictionaryTranslator(lexicon: () => Lexicon = loadLexicon): QueryTranslator {
  return {
    translates: (from, to) => from === to || (from !== 'kk' && to !== 'kk'),
    translate(question, from, to, vocabulary) {
      const words = wordsOf(question).filter((word) => !QUESTION_WORDS[from].has(word.text));
      if (from === to) {
        const target = analyzerFor(to);
        const terms = words.flatMap(({ text }) => {
          const term = target.term(text);
          return term === null ? [] : [{ source: text, term, weight: 1 }];
        });
        return { terms, text: words.map((w) => w.text).join(' ') };
      }
      // No Kazakh dictionary is reachable offline: Kazakh questions get their names and numbers only.
      const dictionary = from === 'kk' || to === 'kk' ? NO_LEXICON : lexicon();
      const translated = words.map((word) => translateToken(dictionary, word, from, to, vocabulary));
      return {
        terms: translated.flatMap((t) => t.terms),
        text: translated.flatMap((t) => t.text ?? []).join(' '),
      };
    },
  };
}
