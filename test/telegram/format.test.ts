import { describe, expect, it } from 'vitest';
import type { Answer, Probable, Unanswered } from '../../src/answer/answer.js';
import {
  formatAnswer,
  formatList,
  formatNoAnswer,
  formatProbably,
  highlightFigures,
  packBlocks,
  quoteBlocks,
  shorten,
  sourceHtml,
  splitToFit,
} from '../../src/telegram/format.js';
import { escapeHtml, link } from '../../src/telegram/html.js';
import { type Lang, catalog } from '../../src/telegram/i18n.js';
import { answered, quote } from './harness.js';

/** Every tag opened in a message is closed in it, in order: Telegram rejects anything else. */
function expectBalanced(html: string): void {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  // No stray "<" or a "&" that does not start an entity.
  expect(html.replace(/<\/?[a-z]+( href="[^"]*")?>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot);)/);
}

describe('escaping', () => {
  it.each([
    ['plain', 'plain'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['AT&T', 'AT&amp;T'],
    ['&lt;', '&amp;lt;'],
    ['"quoted"', '"quoted"'],
  ])('escapeHtml(%j) = %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it.each([
    ['Title', 'https://example.org/a?b=1&c=2', '<a href="https://example.org/a?b=1&amp;c=2">Title</a>'],
    ['T', 'https://x.org/"><script>', '<a href="https://x.org/&quot;&gt;&lt;script&gt;">T</a>'],
    ['T', 'javascript:alert(1)', 'T'],
    ['<T>', null, '&lt;T&gt;'],
  ])('link(%j, %j)', (text, url, expected) => {
    expect(link(text, url)).toBe(expected);
  });
});

describe('highlightFigures', () => {
  it.each<[string, string[], string]>([
    ['About 2,000 were detained.', ['About 2,000'], '<b>About 2,000</b> were detained.'],
    ['No figures here.', [], 'No figures here.'],
    ['5 < 7 & 7 > 5', ['5', '7'], '<b>5</b> &lt; <b>7</b> &amp; <b>7</b> &gt; <b>5</b>'],
    ['$200 million and 200 people', ['$200 million', '200'], '<b>$200 million</b> and <b>200</b> people'],
    ['A&B 10', ['A&B 10'], '<b>A&amp;B 10</b>'],
    ['figure missing', ['42'], 'figure missing'],
  ])('%j with %j', (text, figures, expected) => {
    expect(highlightFigures(text, figures)).toBe(expected);
  });
});

describe('sourceHtml', () => {
  it.each([
    [{ title: 'Report', publisher: 'HRW', url: 'https://hrw.org/r' }, '— <a href="https://hrw.org/r">Report</a>, HRW'],
    [{ title: 'Report', publisher: null, url: null }, '— Report'],
    [{ title: 'R & D', publisher: '<P>', url: null }, '— R &amp; D, &lt;P&gt;'],
  ])('%j', (source, expected) => {
    expect(sourceHtml(source)).toBe(expected);
  });
});

describe('splitToFit', () => {
  const under = (n: number) => (piece: string) => piece.length <= n;
  it.each<[string, number, string[]]>([
    ['Short.', 100, ['Short.']],
    ['One two. Three four. Five six.', 20, ['One two. Three four.', 'Five six.']],
    ['Is it? Yes! Done.', 8, ['Is it?', 'Yes!', 'Done.']],
    ['“Quoted.” Next one.', 12, ['“Quoted.”', 'Next one.']],
    ['Line one\nLine two', 10, ['Line one', 'Line two']],
    ['aaaa bbbb cccc', 9, ['aaaa bbbb', 'cccc']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['😀😀😀', 4, ['😀😀', '😀']],
  ])('%j at %i', (text, limit, expected) => {
    expect(splitToFit(text, under(limit))).toEqual(expected);
  });

  it('measures the rendered form, so escapes count', () => {
    const pieces = splitToFit('& & & & &', (p) => escapeHtml(p).length <= 10);
    expect(pieces.every((p) => escapeHtml(p).length <= 10)).toBe(true);
    expect(pieces.join(' ')).toBe('& & & & &');
  });
});

describe('packBlocks', () => {
  it.each<[string[], number, string[]]>([
    [['a', 'b', 'c'], 100, ['a\n\nb\n\nc']],
    [['aaaa', 'bbbb', 'cccc'], 10, ['aaaa\n\nbbbb', 'cccc']],
    [['aaaaaaaaaaaa', 'b'], 10, ['aaaaaaaaaaaa', 'b']],
    [[], 10, []],
  ])('%j at %i', (blocks, limit, expected) => {
    expect(packBlocks(blocks, limit)).toEqual(expected);
  });
});

describe('formatAnswer', () => {
  const short = answered('q', 'About 2,000 people were detained', [quote('About 2,000 people were detained.', ['About 2,000'])]);

  it('renders a bold lead and a quote with its source', () => {
    expect(formatAnswer(short as Extract<Answer, { answered: true }>)).toEqual([
      '<b>About 2,000 people were detained</b>\n\n<blockquote><b>About 2,000</b> people were detained.</blockquote>\n— <a href="https://example.org/acca">Torture of participants</a>, ACCA',
    ]);
  });

  it('splits at quote boundaries and keeps every message within the limit and balanced', () => {
    const quotes = Array.from({ length: 60 }, (_, i) => quote(`${i} <people> & more were detained in region number ${i}, officials said.`, [`${i}`]));
    const messages = formatAnswer(answered('q', 'lead', quotes) as Extract<Answer, { answered: true }>, 1000);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(1000);
      expectBalanced(m);
      // A quote and its source never end up in different messages.
      expect(m.match(/<blockquote>/g)?.length).toBe(m.match(/\n— /g)?.length);
    }
  });

  it('splits one very long quote at sentence boundaries, each part its own blockquote, source after the last', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence ${i} says that ${i * 3} houses & <shops> burned.`);
    const long = quote(sentences.join(' '), ['3']);
    const blocks = quoteBlocks(long, 4096);
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) {
      expect(block.length).toBeLessThanOrEqual(4096);
      expectBalanced(block);
      // Each part ends at a sentence end.
      expect(block).toMatch(/burned\.<\/blockquote>(\n— .*)?$/);
    }
    expect(blocks.at(-1)).toMatch(/\n— <a href/);
    expect(blocks.slice(0, -1).some((b) => b.includes('\n— '))).toBe(false);
  });

  it('puts the note naming the documents\' languages above the lead only when they differ from the question\'s', () => {
    const fromEnglish = { ...(short as Extract<Answer, { answered: true }>), documentLanguages: ['en'] };
    const [html] = formatAnswer(fromEnglish, 4096, { t: catalog.ru });
    expect(html!.split('\n\n').slice(0, 2)).toEqual(['<i>Ответ из документов на английском:</i>', '<b>About 2,000 people were detained</b>']);
    expect(formatAnswer(short as Extract<Answer, { answered: true }>, 4096, { t: catalog.ru })).toEqual(formatAnswer(short as Extract<Answer, { answered: true }>));
    expect(formatAnswer(fromEnglish, 4096, { t: catalog.en })[0]).toMatch(/^<i>The answer, from documents in English:<\/i>\n\n<b>/);
  });

  it('can leave the lead out (inline results for secondary quotes)', () => {
    const [html] = formatAnswer(short as Extract<Answer, { answered: true }>, 4096, { lead: false });
    expect(html).toMatch(/^<blockquote>/);
  });
});

describe('formatNoAnswer', () => {
  const t = catalog.en;
  const none = (reason: Unanswered['reason'], suggestions = ['How many <died>?']): Unanswered => ({ tier: 'not-covered', answered: false, question: 'q', reason, suggestions });
  const kazakh: Unanswered = { tier: 'not-covered', answered: false, question: 'Қанша адам ұсталды?', reason: 'unsupported-language', suggestions: [], languages: ['en', 'ru'] };

  it.each([
    [none('not-covered'), true, `${t.notCovered}\n\n${t.suggestionsHeader}\n• How many &lt;died&gt;?`],
    [none('not-covered'), false, `${t.notCovered}\n\n${t.suggestionsHeader}`],
    [none('empty-corpus', []), true, t.emptyCorpus],
    [none('empty-question', []), true, t.emptyQuestion],
    [kazakh, true, 'Sorry, I found nothing to quote. Questions about these documents can be asked in English or Russian; a question in another language works for documents written in it.'],
  ])('%j, list=%s', (answer, listSuggestions, expected) => {
    expect(formatNoAnswer(answer, t, { listSuggestions })).toBe(expected);
  });


  it.each<[Lang, string[], string]>([
    ['ru', ['en'], 'Вопросы об этих документах можно задавать на английском языке; на другом языке — о документах, написанных на нём.'],
    ['ru', ['en', 'ru'], 'можно задавать на английском или русском языке'],
    ['kk', ['en'], 'Бұл құжаттар туралы сұрақты ағылшын тілінде қоюға болады; басқа тілдегі сұрақ сол тілде жазылған құжаттар бойынша жұмыс істейді.'],
    ['en', ['en', 'de'], 'Questions about these documents can be asked in English or German; a question in another language works for documents written in it.'],
  ])('names the languages questions can be asked in, in %s: %j', (lang, languages, expected) => {
    expect(formatNoAnswer({ ...kazakh, languages }, catalog[lang], { listSuggestions: true })).toContain(expected);
  });
});

describe('formatProbably', () => {
  const closest = quote('Several hundred people have been prosecuted.', ['Several hundred']);
  const hedged: Probable = { tier: 'probably', answered: false, question: 'q', closest, suggestions: ['How many died?'] };

  it.each<[Lang, string]>([
    ['en', 'Probably (not sure this answers it):'],
    ['ru', 'Вероятно (не уверен, что это ответ):'],
    ['kk', 'Мүмкін (бұл жауап екеніне сенімді емеспін):'],
  ])('puts the hedge in %s above the sentence and its source, without the suggestions', (lang, hedge) => {
    expect(formatProbably(hedged, catalog[lang])).toEqual([
      `<i>${hedge}</i>\n\n<blockquote><b>Several hundred</b> people have been prosecuted.</blockquote>\n— <a href="https://example.org/acca">Torture of participants</a>, ACCA`,
    ]);
  });

  it.each<[Lang, string]>([
    ['en', 'Probably (not sure), from documents in English:'],
    ['ru', 'Вероятно (не уверен), из документов на английском:'],
    ['kk', 'Мүмкін (сенімді емеспін), ағылшын тіліндегі құжаттардан:'],
  ])('names the documents\' language in the hedge in %s when it differs from the question\'s', (lang, hedge) => {
    expect(formatProbably({ ...hedged, documentLanguages: ['en'] }, catalog[lang])[0]!.split('\n')[0]).toBe(`<i>${hedge}</i>`);
  });

  it('keeps the hedge and the source with a sentence too long for one message', () => {
    const long = { ...hedged, closest: quote(`${'Word after word. '.repeat(400)}End.`) };
    const messages = formatProbably(long, catalog.en);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]).toMatch(/^<i>Probably \(not sure this answers it\):<\/i>\n\n<blockquote>/);
    expect(messages.at(-1)).toMatch(/\n— <a href="https:\/\/example.org\/acca">Torture of participants<\/a>, ACCA$/);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(4096);
  });
});

describe('lists and titles', () => {
  it('packs long lists into several messages, header first', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `• Document number ${i} with a rather long title`);
    const messages = formatList('<b>Documents (300):</b>', lines);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]).toMatch(/^<b>Documents \(300\):<\/b>\n• Document number 0/);
    expect(messages.every((m) => m.length <= 4096)).toBe(true);
    expect(messages.join('\n').split('\n')).toHaveLength(301);
  });

  it.each([
    ['short', 10, 'short'],
    ['one two three four', 12, 'one two…'],
    ['abcdefghijklmnop', 8, 'abcdefg…'],
    ['  spaced   out  ', 20, 'spaced out'],
  ])('shorten(%j, %i) = %j', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
  });
});
