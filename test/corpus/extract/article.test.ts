import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/corpus/extract/article.js';
import { ARTICLE_HTML, ARTICLE_PARAGRAPHS, BOILERPLATE } from './siteServer.js';

describe('extractArticle (Readability over linkedom)', () => {
  it('keeps the article paragraphs verbatim and its metadata, and leaves menus, ads, comments and footer out', () => {
    const article = extractArticle(ARTICLE_HTML, 'https://steppe.example/news/1');
    expect(article).toEqual({
      text: ARTICLE_PARAGRAPHS.join('\n\n'),
      title: 'Almaty unrest: what we know',
      publisher: 'Steppe News',
      author: 'Aigerim Sadykova',
      date: '2022-01-12',
      url: 'https://steppe.example/news/1',
    });
    for (const junk of BOILERPLATE) expect(article?.text).not.toContain(junk);
  });

  it('finds no article on a page of links', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">News item ${i}</a></li>`).join('');
    expect(extractArticle(`<html><body><nav><ul>${links}</ul></nav></body></html>`, 'https://x.example/')).toBeUndefined();
  });
});
