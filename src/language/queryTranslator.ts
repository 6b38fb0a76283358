import { analyzerFor, type Language } from './analyzer.js';
import { closestTerm, type Vocabulary } from './fuzzyMatch.js';
import { loadLexicon, type Lexicon, type WeightedTerm } from './lexicon.js';
import { CYRILLIC, tokenize } from './tokenize.js';
import { cyrillicSpelling, latinSpellings } from './transliterate.js';

export type { Vocabulary } from './fuzzyMatch.js';

/** One target-language term for a source word; `term` is in the target analyzer's term space. */
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
const MAX_PER_WORD = 4;
const PREFIX_MATCH_WEIGHT = 0.6;
/** A translation the corpus lacks cannot match anything; it is only kept for the embedder's text. */
const NAME_MAX_DISTANCE = 0.2;

interface WordTranslation {
  terms: TranslatedTerm[];
  /** The word to put in the embedder's text, or null when none. */
  text: string | null;
}

function lexiconCandidates(lexicon: Lexicon, term: string, from: Language, to: Language): WeightedTerm[] {
  const direct = lexicon.translations(term, from, to);
  if (direct.length > 0) return [...direct];
  // Perfective past forms ("погибли") stem apart from the imperfective infinitives a dictionary lists.
  const near = lexicon.nearestTerms(term, from, Math.max(4, term.length - 2));
  const merged = new Map<string, number>();
  for (const key of near) {
    for (const { term: target, weight } of lexicon.translations(key, from, to)) {
      merged.set(target, Math.max(merged.get(target) ?? 0, weight * PREFIX_MATCH_WEIGHT));
    }
  }
  return [...merged].map(([t, weight]) => ({ term: t, weight })).sort((a, b) => b.weight - a.weight);
}

/** Case endings a Russian or Kazakh name takes, to try the bare name as well: Токаеву → Токаев. */
const NAME_ENDINGS = /(ами|ому|ого|ыми|ими|ой|ей|ым|им|ом|ем|ов|ев|ах|ях|а|у|е|ы|я|ю|ның|нің|тың|тің|дың|дің|ға|ге|қа|ке)$/u;

function nameSpellings(word: string, to: Language): string[] {
  const target = analyzerFor(to);
  const forms = CYRILLIC.test(word)
    ? [word, word.replace(NAME_ENDINGS, '')].filter((f) => f.length >= 3).flatMap(latinSpellings)
    : [cyrillicSpelling(word)];
  return [...new Set(forms.flatMap((f) => [f, target.term(f) ?? f]))];
}

function translateName(word: string, to: Language, vocabulary: Vocabulary): WordTranslation {
  const spellings = nameSpellings(word, to);
  const match = closestTerm(spellings, vocabulary, NAME_MAX_DISTANCE);
  if (!match) return { terms: [], text: null };
  return { terms: [{ source: word, term: match.term, weight: 1 - match.distance }], text: match.term };
}

function translateWord(lexicon: Lexicon, word: string, from: Language, to: Language, vocabulary: Vocabulary): WordTranslation {
  const source = analyzerFor(from).term(word);
  if (source === null) return { terms: [], text: null };
  const candidates = from === 'kk' || to === 'kk' ? [] : lexiconCandidates(lexicon, source, from, to);
  const known = candidates.filter((c) => vocabulary.has(c.term)).slice(0, MAX_PER_WORD);
  if (known.length > 0) {
    const best = known[0]!.weight;
    const terms = known.map((c) => ({ source: word, term: c.term, weight: Number((c.weight / best).toFixed(3)) }));
    return { terms, text: lexicon.word(known[0]!.term, to) };
  }
  const name = translateName(word, to, vocabulary);
  if (name.terms.length > 0) return name;
  const fallback = candidates[0];
  return { terms: [], text: fallback ? lexicon.word(fallback.term, to) : null };
}

/** Script of the target language: a word already in it (a Latin name in a Russian question) passes through. */
const inTargetScript = (word: string, to: Language) => CYRILLIC.test(word) === (to !== 'en');

function translateToken(lexicon: Lexicon, word: string, from: Language, to: Language, vocabulary: Vocabulary): WordTranslation {
  if (/\d/.test(word) || inTargetScript(word, to)) {
    const term = analyzerFor(to).term(word);
    return { terms: term === null ? [] : [{ source: word, term, weight: 1 }], text: word };
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
    translate(question, from, to, vocabulary) {
      const words = tokenize(question).filter((word) => !QUESTION_WORDS[from].has(word));
      if (from === to) {
        const target = analyzerFor(to);
        const terms = words.flatMap((w) => {
          const term = target.term(w);
          return term === null ? [] : [{ source: w, term, weight: 1 }];
        });
        return { terms, text: words.join(' ') };
      }
      const dictionary = lexicon();
      const translated = words.map((word) => translateToken(dictionary, word, from, to, vocabulary));
      return {
        terms: translated.flatMap((t) => t.terms),
        text: translated.flatMap((t) => t.text ?? []).join(' '),
      };
    },
  };
}
