import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, ANALYZER_VERSIONS, type Language, LANGUAGES, analyzerFor, analyzerVersion, documentLanguage } from '../../src/language/analyzer.js';
import { LEXICON_PATH } from '../../src/language/lexicon.js';

describe('analyzerFor: forms of one word share a term', () => {
  it.each<[Language, string[]]>([
    ['en', ['killed', 'kill', 'kills', 'killing']],
    ['en', ['riots', 'riot', 'rioting']],
    ['en', ['arrested', 'arrests', 'arrest']],
    ['en', ['investigations', 'investigated']],
    ['ru', ['погибли', 'погибло']],
    ['ru', ['погибших', 'погибшие', 'погибшим']],
    ['ru', ['задержали', 'задержанных', 'задержан', 'задержаны']],
    ['ru', ['оружие', 'оружия', 'оружием']],
    ['ru', ['протесты', 'протестов', 'протестах']],
    ['kk', ['адамдар', 'адам']],
  ])('%s: %j', (language, forms) => {
    const analyzer = analyzerFor(language);
    const terms = forms.map((word) => analyzer.term(word));
    expect(terms[0]).not.toBeNull();
    expect(new Set(terms)).toEqual(new Set([terms[0]]));
  });

  it.each<[Language, string, string]>([
    ['en', 'killed', 'stolen'],
    ['en', 'arrested', 'released'],
    ['ru', 'погибли', 'задержали'],
  ])('%s: %j and %j stay apart', (language, a, b) => {
    const analyzer = analyzerFor(language);
    expect(analyzer.term(a)).not.toBe(analyzer.term(b));
  });
});

describe('analyzerFor: what is not a term', () => {
  it.each<[Language, string]>([
    ['en', 'the'],
    ['en', 'of'],
    ['en', 'were'],
    ['ru', 'и'],
    ['ru', 'в'],
    ['ru', 'это'],
    ['kk', 'және'],
    // Single letters say nothing; a Russian stop word is dropped by the Kazakh analyzer too.
    ['en', 'x'],
    ['kk', 'и'],
  ])('%s: %j → null', (language, word) => {
    expect(analyzerFor(language).term(word)).toBeNull();
  });

  it.each<Language>(['en', 'ru', 'kk'])('%s: numbers are kept as they are', (language) => {
    expect(analyzerFor(language).term('230')).toBe('230');
    expect(analyzerFor(language).term('7')).toBe('7');
  });
});

describe('analyzerFor: each script by its own stemmer, whatever the document language', () => {
  it('stems a Latin word inside a Russian or Kazakh text as English', () => {
    const english = analyzerFor('en');
    for (const language of ['ru', 'kk'] as const) {
      expect(analyzerFor(language).term('weapons')).toBe(english.term('weapons'));
      expect(analyzerFor(language).term('the')).toBeNull();
    }
  });

  it('stems a Cyrillic word inside an English text as Russian', () => {
    expect(analyzerFor('en').term('оружия')).toBe(analyzerFor('ru').term('оружия'));
  });

  it('terms(text): lower-cased tokens, stop words dropped, in order', () => {
    const ru = analyzerFor('ru');
    expect(ru.terms('Полиция Almaty задержала weapons и')).toEqual([ru.term('полиция'), analyzerFor('en').term('almaty'), ru.term('задержала'), 'weapon']);
    expect(analyzerFor('en').terms('The police seized 3,000 guns.')).toEqual(['polic', 'seiz', '3000', 'gun']);
    expect(analyzerFor('en').terms('')).toEqual([]);
  });

  it('is one analyzer per language, so memoised terms are shared', () => {
    expect(analyzerFor('ru')).toBe(analyzerFor('ru'));
    expect(analyzerFor('ru').language).toBe('ru');
  });
});

describe('documentLanguage', () => {
  it.each<[string | null | undefined, Language]>([
    ['en', 'en'],
    ['ru', 'ru'],
    ['kk', 'kk'],
    ['RU', 'ru'],
    [' kk ', 'kk'],
    ['ru-RU', 'ru'],
    ['en-GB', 'en'],
    // Unknown or absent: English, the analyzer of most documents.
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%j → %s', (field, language) => {
    expect(documentLanguage(field)).toBe(language);
  });
});

describe('analyzer versions', () => {
  it('the committed Russian–English lexicon was built with the Russian and English analyzers of now', () => {
    const header = readFileSync(LEXICON_PATH, 'utf8').slice(0, 100).split('\n')[0]!.split('\t');
    expect(Number(header[2])).toBe(analyzerVersion(['ru', 'en']));
  });

  it('the lexical index, holding every language, carries the highest version of any', () => {
    expect(ANALYZER_VERSION).toBe(Math.max(...LANGUAGES.map((language) => ANALYZER_VERSIONS[language])));
  });
});
