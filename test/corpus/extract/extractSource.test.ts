import { describe, expect, it } from 'vitest';
import { extractSource } from '../../../src/corpus/extract/extractSource.js';
import { writeDocx } from './fixtures.js';
import { ARTICLE_HTML } from './siteServer.js';

const MB = 1024 * 1024;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('extractSource', () => {
  it('reads plain text in its declared charset, and clean UTF-8 without one', async () => {
    const cp1251 = new Uint8Array([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb]);
    expect(await extractSource({ bytes: cp1251, format: 'text', label: 'x', charset: 'windows-1251', url: 'https://x.example/a.txt' }, MB)).toEqual({
      ok: true,
      value: { text: 'Алматы', url: 'https://x.example/a.txt' },
    });
    expect(await extractSource({ bytes: cp1251, format: 'text', label: '“a.txt”' }, MB)).toMatchObject({ ok: false, rejection: { reason: 'not-utf8' } });
  });

  it('rejects with typed reasons: a page without an article, a Word file that is not one', async () => {
    expect(await extractSource({ bytes: bytes('<html><body><a href="/">Home</a></body></html>'), format: 'html', label: 'https://x.example/' }, MB)).toMatchObject({
      ok: false,
      rejection: { reason: 'no-article', message: 'https://x.example/ has no article text that I could find.' },
    });
    expect(await extractSource({ bytes: bytes('plain text, not a zip'), format: 'docx', label: '“a.docx”' }, MB)).toMatchObject({ ok: false, rejection: { reason: 'unreadable' } });
  });

  it('keeps the url it is given on an article and a Word file', async () => {
    const article = await extractSource({ bytes: bytes(ARTICLE_HTML), format: 'html', label: 'l', url: 'https://steppe.example/1' }, MB);
    expect(article).toMatchObject({ ok: true, value: { url: 'https://steppe.example/1', publisher: 'Steppe News' } });
    const docx = await extractSource({ bytes: writeDocx(['One.', 'Two.']), format: 'docx', label: 'l', url: 'https://x.example/d.docx' }, MB);
    expect(docx).toEqual({ ok: true, value: { text: 'One.\n\nTwo.', url: 'https://x.example/d.docx' } });
  });
});
