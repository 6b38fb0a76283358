import { describe, expect, it } from 'vitest';
import { joinPostParts, postTitle, renderPostFile } from '../../src/corpus/forwardedPost.js';
import { parseFrontMatter } from '../../src/corpus/frontMatter.js';
import { prepareNewDocument } from '../../src/corpus/newDocument.js';

describe('postTitle', () => {
  it.each<[string, string, number, string]>([
    ['the first line, as it is', 'Almaty airport seized\nProtesters took the airport.', 90, 'Almaty airport seized'],
    ['runs of spaces folded', '  Almaty   airport\tseized  \nmore', 90, 'Almaty airport seized'],
    ['a line of emoji or dashes is skipped', '🔴🔴🔴\n———\nState of emergency declared', 90, 'State of emergency declared'],
    ['cut at the last word that fits, with an ellipsis', 'Protesters took control of the airport in Almaty', 30, 'Protesters took control of…'],
    ['trailing punctuation before the cut dropped', 'In Almaty, the airport, the akimat and the TV centre', 22, 'In Almaty, the…'],
    ['exactly the maximum is kept whole', 'abcde fghij', 11, 'abcde fghij'],
    ['one word longer than the maximum is cut where it is', 'https://example.org/a-very-long-path-indeed and more', 20, 'https://example.org/…'],
    ['Cyrillic cut at a word', 'Президент объявил режим чрезвычайного положения в Алматы', 40, 'Президент объявил режим чрезвычайного…'],
    ['no letters or digits: the fallback', '🔥🔥\n\n👇', 90, 'Orda.kz'],
  ])('%s', (_, text, max, title) => {
    expect(postTitle(text, 'Orda.kz', max)).toBe(title);
  });
});

describe('joinPostParts', () => {
  it.each<[string, (string | undefined)[], string]>([
    ['one text', ['Only text.'], 'Only text.'],
    ['captions joined by a blank line, in the order given', ['First.', 'Second.'], 'First.\n\nSecond.'],
    ['parts without a caption dropped', [undefined, 'Caption.', '  ', undefined], 'Caption.'],
    ['inner line breaks kept', ['Line one\nline two', 'Part two'], 'Line one\nline two\n\nPart two'],
    ['nothing at all', [undefined, ''], ''],
  ])('%s', (_, parts, text) => {
    expect(joinPostParts(parts)).toBe(text);
  });
});

describe('renderPostFile', () => {
  const post = {
    text: 'Тоқаев: «Мы не допустим»: заявление\n\nTitle: with a colon\n---\nstill the body',
    publisher: 'Orda "News": KZ',
    url: 'https://t.me/orda_kz/123',
    date: '2022-01-05',
    language: 'ru',
  };

  it('carries the source in front matter and the text verbatim, through the upload checks', () => {
    const { bytes, fileName, title } = renderPostFile(post);
    const parsed = parseFrontMatter(new TextDecoder().decode(bytes));
    expect(parsed).toEqual({ meta: { title, publisher: post.publisher, url: post.url, date: post.date, language: 'ru' }, body: post.text });
    const prepared = prepareNewDocument({ bytes, fileName, addedBy: 'telegram:42', date: '2026-01-05T12:00:00Z' }, [], 10_000);
    expect(prepared.ok && parseFrontMatter(prepared.value.content)).toMatchObject({ meta: { date: '2022-01-05', url: post.url, addedBy: 'telegram:42' }, body: post.text });
  });

  it('leaves out the url of a post without a public link, and a duplicate names the document it repeats', () => {
    const { bytes, fileName } = renderPostFile({ ...post, url: null });
    expect(parseFrontMatter(new TextDecoder().decode(bytes))).not.toHaveProperty('meta.url');
    const existing = [{ id: '20260105_orda_1a2b3c4d', title: 'Earlier', text: `\n${post.text}\n` }];
    const prepared = prepareNewDocument({ bytes, fileName, addedBy: 'telegram:42', date: '2026-01-05T12:00:00Z' }, existing, 10_000);
    expect(prepared).toMatchObject({ ok: false, rejection: { reason: 'duplicate', documentId: '20260105_orda_1a2b3c4d' } });
  });
});
