import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ExtractedDocument, isoDate, joinParagraphs } from './extracted.js';

/** Elements whose text is one paragraph of the stored document. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

/**
 * The article of a web page, without its menus, ads, comments and footers: Mozilla Readability
 * (the Firefox Reader View engine) over a linkedom DOM. Readability's scoring of text density,
 * link density and class names is years of tuning against real news sites that a hand-written
 * boilerplate filter would not match. Returns undefined when the page has no readable article.
 */
export function extractArticle(html: string, url: string): ExtractedDocument | undefined {
  const document = parseHTML(html).document as unknown as Document;
  // Readability always returns its best candidate, even a list of links; a page with no paragraphs of prose has no article.
  // The thresholds are lower than Firefox's, which hides its button on short items; a short news item is still news.
  if (!isProbablyReaderable(document, { minContentLength: 80, minScore: 10 })) return undefined;
  const article = new Readability(document, { charThreshold: 200 }).parse();
  if (!article?.content) return undefined;
  const text = articleText(article.content);
  if (text === '') return undefined;
  return {
    text,
    title: clean(article.title),
    publisher: clean(article.siteName),
    author: clean(article.byline),
    date: isoDate(article.publishedTime),
    url,
  };
}

/** One paragraph per innermost block element, in document order; nested blocks are read once, at the innermost level. */
function articleText(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((element) => element.querySelector(BLOCKS) === null);
  if (blocks.length === 0) return joinParagraphs([document.body.textContent ?? '']);
  return joinParagraphs(blocks.map((element) => element.textContent ?? ''));
}

const clean = (value: string | null | undefined): string | undefined => value?.replace(/\s+/g, ' ').trim() || undefined;
