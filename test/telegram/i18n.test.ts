import { describe, expect, it } from 'vitest';
import { type Strings, catalog, detectLang } from '../../src/telegram/i18n.js';
import { DOCS } from './harness.js';

/** Every key path of a catalog, nested objects included ("commands.start"). */
function keyPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, entry]) =>
    entry !== null && typeof entry === 'object' ? keyPaths(entry as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Calls every entry with sample arguments, so a missing or broken translation shows up as a failure here. */
function render(t: Strings): Record<string, string> {
  const change = { documents: 3, passages: 1200, embedded: 1000, reused: 200, seconds: 12.34 };
  const day = { questions: 1200, answered: 800, probably: 100, abstained: 300, up: 40, down: 2 };
  const totals = { today: day, week: day, all: day };
  const quote = { documentId: 'acca', start: 0, end: 7, score: 0.8, text: '<Title>' };
  const samples: { [K in keyof Strings]?: () => string } = {
    intro: () => t.intro(3),
    helpUsage: () => t.helpUsage('QantarBot'),
    sourcesHeader: () => t.sourcesHeader(3),
    tooLong: () => t.tooLong(500),
    unsupportedLanguage: () => t.unsupportedLanguage(['en']),
    answerFromDocumentsIn: () => t.answerFromDocumentsIn(['en', 'ru']),
    probably: () => `${t.probably()} ${t.probably(['en', 'ru'])}`,
    askUsage: () => t.askUsage('QantarBot'),
    progress: () => t.progress('embed', 1200, 3400, 19.2),
    reindexDone: () => t.reindexDone(change),
    uploadTooLarge: () => t.uploadTooLarge(2 * 1024 * 1024),
    uploadStarting: () => t.uploadStarting('<a>.txt'),
    uploadAdded: () => t.uploadAdded('<Title>', 42, 3.1),
    removeNotFound: () => t.removeNotFound('<id>'),
    removeConfirm: () => t.removeConfirm('<Title>', 'id'),
    removing: () => t.removing('<Title>'),
    removed: () => t.removed('<Title>', change),
    docsHeader: () => t.docsHeader(3),
    daysUsage: () => t.daysUsage(3650),
    unansweredHeader: () => t.unansweredHeader(7),
    unansweredLine: () => t.unansweredLine({ count: 1200, example: 'Why?', lastAskedAt: 0 }),
    unansweredNone: () => t.unansweredNone(1),
    worstRatedHeader: () => t.worstRatedHeader(30),
    worstRatedLine: () => t.worstRatedLine({ questionId: 1, question: 'Why?', askedAt: 0, up: 1200, down: 3, quote }),
    worstRatedNone: () => t.worstRatedNone(2),
    docsLine: () => t.docsLine({ ...DOCS[0]!, title: '<Title>' }),
    stats: () => t.stats({ documents: 3, passages: 1200, modelId: 'bundled', builtAt: '2026-01-05 10:15 UTC', uptimeSeconds: 3725, answered: 5, probably: 1, abstained: 2, totals }),
  };
  return Object.fromEntries(
    keyPaths(t).map((path) => {
      const [head, tail] = path.split('.') as [keyof Strings, string | undefined];
      const entry = tail ? (t[head] as Record<string, string>)[tail] : t[head];
      return [path, typeof entry === 'function' ? samples[head]!() : (entry as string)];
    }),
  );
}

describe('UI string catalog', () => {
  const english = keyPaths(catalog.en).sort();

  it.each(['ru', 'kk'] as const)('%s has exactly the keys of en', (lang) => {
    expect(keyPaths(catalog[lang]).sort()).toEqual(english);
  });

  it.each(['en', 'ru', 'kk'] as const)('%s renders every key to non-empty text with interpolations escaped', (lang) => {
    const rendered = render(catalog[lang]);
    for (const [key, text] of Object.entries(rendered)) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toContain('<Title>');
      expect(text, key).not.toContain('undefined');
    }
  });

  it('translates rather than copying English', () => {
    const en = render(catalog.en);
    for (const lang of ['ru', 'kk'] as const) {
      const other = render(catalog[lang]);
      const same = english.filter((key) => other[key] === en[key]);
      expect(same, lang).toEqual([]);
    }
  });

  it('formats numbers and progress per language', () => {
    expect(catalog.en.progress('embed', 1200, 3400, 19.2)).toBe('Embedding 1,200 / 3,400 (35%), ~20 s left');
    expect(catalog.ru.progress('embed', 1200, 3400, undefined)).toBe('Векторизация 1\u00a0200 / 3\u00a0400 (35%)');
    expect(catalog.kk.uploadTooLarge(2 * 1024 * 1024)).toBe('Файл тым үлкен. Шегі — 2 МБ.');
    expect(catalog.ru.intro(1)).toContain('из 1 документа');
    expect(catalog.ru.intro(5)).toContain('из 5 документов');
    expect(catalog.en.uploadAdded('Title', 42, 3.14)).toBe('Added ‘Title’: 42 passages, 3.1 s');
  });

  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['kk', 'kk'],
    ['KK-kz', 'kk'],
    ['en-US', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
  ])('detectLang(%j) = %s', (code, lang) => {
    expect(detectLang(code)).toBe(lang);
  });
});
