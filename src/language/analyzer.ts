import { irregularBase } from './englishRelations.js';
import { stemKazakh } from './kazakh.js';
import { snowballStemmer } from './snowball.js';
import { ENGLISH_STOPWORDS, KAZAKH_STOPWORDS, RUSSIAN_STOPWORDS } from './stopwords.js';
import { CYRILLIC, tokenize } from './tokenize.js';

export type Language = 'en' | 'ru' | 'kk';
export const LANGUAGES: readonly Language[] = ['en', 'ru', 'kk'];

/**
 * Per language, bumped whenever a term of that language changes for the same word (stemmer, stop
 * list). A bump sets the language one above the highest of all, so the highest over any set of
 * languages changes exactly when one of them did: stored data records that for the languages it
 * holds, and a Kazakh change leaves the Russian–English lexicon valid.
 */
export const ANALYZER_VERSIONS: Readonly<Record<Language, number>> = { en: 3, ru: 3, kk: 4 };

/** The version of data holding terms of these languages. */
export function analyzerVersion(languages: readonly Language[]): number {
  return Math.max(...languages.map((language) => ANALYZER_VERSIONS[language]));
}

/** Of data holding terms of every language, as the lexical index does: stored data built with another is rebuilt. */
export const ANALYZER_VERSION = analyzerVersion(LANGUAGES);

/** Words to index terms for one language. A term is a stem: the same for every form of a word. */
export interface Analyzer {
  readonly language: Language;
  /** The term of one lower-cased token, or null for a stop word. */
  term(word: string): string | null;
  /** The terms of a text, in order, stop words dropped. */
  terms(text: string): string[];
}

/**
 * Latin words are stemmed as English and Cyrillic ones as the analyzer's Cyrillic language, whatever
 * the document: an English article quotes Russian names, and Russian ones quote English.
 */
function createAnalyzer(language: Language): Analyzer {
  const english = snowballStemmer('english');
  const cyrillicStem = language === 'kk' ? stemKazakh : snowballStemmer('russian');
  const cyrillicStops = language === 'kk' ? KAZAKH_STOPWORDS : RUSSIAN_STOPWORDS;
  const memo = new Map<string, string | null>();
  const compute = (word: string): string | null => {
    if (word.length < 2 && !/\d/.test(word)) return null;
    if (/\d/.test(word)) return word;
    if (CYRILLIC.test(word)) return cyrillicStops.has(word) || RUSSIAN_STOPWORDS.has(word) ? null : cyrillicStem(word);
    // Irregular forms first: Snowball leaves "stolen" and "fought" apart from "steal" and "fight".
    return ENGLISH_STOPWORDS.has(word) ? null : (irregularBase(word) ?? english(word));
  };
  const term = (word: string): string | null => {
    let result = memo.get(word);
    if (result === undefined && !memo.has(word)) {
      result = compute(word);
      if (memo.size < 200_000) memo.set(word, result);
    }
    return result ?? null;
  };
  return { language, term, terms: (text) => tokenize(text).flatMap((word) => term(word) ?? []) };
}

const analyzers = new Map<Language, Analyzer>();

export function analyzerFor(language: Language): Analyzer {
  let analyzer = analyzers.get(language);
  if (!analyzer) {
    analyzer = createAnalyzer(language);
    analyzers.set(language, analyzer);
  }
  return analyzer;
}

/** A document's `language` field as an analyzer language; English when absent or unknown. */
export function documentLanguage(field: string | null | undefined): Language {
  const code = (field ?? '').trim().toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : 'en';
}
