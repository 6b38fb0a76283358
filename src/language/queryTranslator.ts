import { analyzerFor, type Language } from './analyzer.js';
import type { Vocabulary } from './fuzzyMatch.js';
import type { Lexicon, WeightedTerm } from './lexicon.js';
import { PHRASE_JOIN, kazakhStems, russianLoan } from './kazakhCandidates.js';
import { exactName, translateName, type WordTranslation } from './nameTranslation.js';
import { COMMITTED_LEXICONS, type LexiconSources, SUPPLETIVE, routedLexicon } from './routedLexicon.js';
import { CYRILLIC, tokenize } from './tokenize.js';

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
  kk: new Set(
    ('қанша қаншама қаншасы неше нешеу нешінші кім кімнің кімге кімді кімнен кіммен кімдер қашан қайда қайдан неге ' +
      'неліктен себепті не нені ненің неден қандай қалай қай қайсы қайсысы').split(' '),
  ),
};

/** Translations kept per source word, and how much a translation found only by prefix counts. */
const MAX_PER_WORD = 6;
const PREFIX_MATCH_WEIGHT = 0.6;


/**
 * Translations of a source term, those the corpus has first. A dictionary lists imperfective
 * infinitives ("погибать", "задерживать") and questions use perfective pasts ("погибли",
 * "задержанных"), whose stems differ: when no direct translation is in the corpus, the terms sharing
 * the longest prefix lend theirs, at a discount. Names get no prefix guesses.
 */
function lexiconCandidates(lexicon: Lexicon, term: string, from: Language, to: Language, word: Word, vocabulary: Vocabulary): WeightedTerm[] {
  const base = SUPPLETIVE[term];
  const direct = mergeBest([...(base === undefined ? [] : lexicon.translations(base, from, to)), ...lexicon.translations(term, from, to)]);
  // A Kazakh term the lexicon has is a stem it knows: its meaning does not change by prefix.
  if (direct.some((c) => vocabulary.has(c.term)) || word.capitalised || (from === 'kk' && direct.length > 0)) return direct;
  const near = from === 'kk' ? kazakhStems(lexicon, term, to) : lexicon.nearestTerms(term, from, to, Math.max(4, term.length - 2)).filter((key) => key !== term);
  const borrowed = near.flatMap((key) => lexicon.translations(key, from, to).map((t) => ({ ...t, weight: t.weight * PREFIX_MATCH_WEIGHT })));
  const loan = from === 'kk' && near.length === 0 && to !== 'ru' ? russianLoan(lexicon, term, to, PREFIX_MATCH_WEIGHT) : [];
  return mergeBest([...direct, ...borrowed, ...loan]);
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

/** The corpus's translations of a source term, weighted to share one word's weight, or null when none. */
function knownTranslations(lexicon: Lexicon, candidates: readonly WeightedTerm[], source: string, to: Language, vocabulary: Vocabulary): WordTranslation | null {
  const known = candidates.filter((c) => vocabulary.has(c.term)).slice(0, MAX_PER_WORD);
  if (known.length === 0) return null;
  // Spread over its translations, a word with many counts little more than a word with one.
  const spread = Math.sqrt(known.reduce((sum, c) => sum + c.weight, 0) / known[0]!.weight);
  const terms = known.map((c) => ({ source, term: c.term, weight: Number((c.weight / known[0]!.weight / spread).toFixed(3)) }));
  return { terms, text: lexicon.word(known[0]!.term, to) };
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
  const known = knownTranslations(lexicon, candidates, word.text, to, vocabulary);
  if (known) return known;
  const guess = name ?? translateName(word.text, to, vocabulary);
  if (guess.terms.length > 0) return guess;
  const fallback = candidates[0];
  // A term the corpus lacks still counts: a question about the weather must not become a question about "condition".
  const unknown = { source: word.text, term: fallback?.term ?? source, weight: 1 };
  return { terms: [unknown], text: fallback ? lexicon.word(fallback.term, to) : null };
}

/**
 * Two words the lexicon translates as one: Kazakh says "died" as "қаза тапты", whose words alone
 * mean "loss" and "found". Only translations the corpus has count.
 */
function translatePhrase(lexicon: Lexicon, first: Word, second: Word | undefined, from: Language, to: Language, vocabulary: Vocabulary): WordTranslation | null {
  if (second === undefined || from !== 'kk') return null;
  const analyzer = analyzerFor(from);
  const [a, b] = [analyzer.term(first.text), analyzer.term(second.text)];
  if (a === null || b === null) return null;
  return knownTranslations(lexicon, lexicon.translations(`${a}${PHRASE_JOIN}${b}`, from, to), first.text, to, vocabulary);
}

/** Latin words in a Cyrillic question and Cyrillic ones in an English question are already in the target's script. */
const inTargetScript = (word: string, from: Language, to: Language) => (from === 'en') !== (to === 'en') && CYRILLIC.test(word) === (to !== 'en');

function translateToken(lexicon: Lexicon, word: Word, from: Language, to: Language, vocabulary: Vocabulary): WordTranslation {
  if (/\d/.test(word.text) || inTargetScript(word.text, from, to)) {
    const term = analyzerFor(to).term(word.text);
    return { terms: term === null ? [] : [{ source: word.text, term, weight: 1 }], text: word.text };
  }
  return translateWord(lexicon, word, from, to, vocabulary);
}

function translateWords(lexicon: Lexicon, words: readonly Word[], from: Language, to: Language, vocabulary: Vocabulary): WordTranslation[] {
  const translated: WordTranslation[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = translatePhrase(lexicon, words[i]!, words[i + 1], from, to, vocabulary);
    translated.push(phrase ?? translateToken(lexicon, words[i]!, from, to, vocabulary));
    if (phrase) i++;
  }
  return translated;
}

/**
 * Dictionary-based query translation: content words through the lexicons (Mueller for Russian ↔
 * English, Apertium for Kazakh ↔ Russian, both for Kazakh ↔ English through Russian; several
 * weighted translations each, only those the corpus has), names by transliteration and fuzzy match
 * against the corpus, numbers as they are. Each lexicon is read on the first question that needs it.
 */
export function createDictionaryTranslator(sources: LexiconSources = COMMITTED_LEXICONS): QueryTranslator {
  const lexicon = routedLexicon(sources);
  return {
    translates: (from, to) => from === to || lexicon.reaches(from, to),
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
      const translated = translateWords(lexicon, words, from, to, vocabulary);
      return {
        terms: translated.flatMap((t) => t.terms),
        text: translated.flatMap((t) => t.text ?? []).join(' '),
      };
    },
  };
}
