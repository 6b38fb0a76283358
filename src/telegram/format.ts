import type { Answered, Probable, Quote, Unanswered } from '../answer/answer.js';
import { escapeHtml, link } from './html.js';
import type { Strings } from './i18n.js';
import type { DocumentSummary } from './services.js';
import { packBlocks, splitToFit } from './split.js';

export { packBlocks, splitToFit } from './split.js';

/** Telegram's limit for one text message (and for an inline result's message text). */
export const MESSAGE_LIMIT = 4096;

/**
 * Escapes a quote and puts its figures in bold. Figures are located in the raw text first and each
 * segment is escaped on its own, so a figure can never be bolded across an escaped entity.
 */
export function highlightFigures(text: string, figures: readonly string[]): string {
  const spans: Array<[number, number]> = [];
  for (const figure of [...new Set(figures)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(figure); at !== -1; at = text.indexOf(figure, at + figure.length)) {
      const end = at + figure.length;
      if (!spans.some(([s, e]) => at < e && end > s)) spans.push([at, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let html = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    html += `${escapeHtml(text.slice(cursor, start))}<b>${escapeHtml(text.slice(start, end))}</b>`;
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor));
}

/** "— Title, Publisher", the title linked when the document has a web address. */
export function sourceHtml(quote: Pick<Quote, 'title' | 'publisher' | 'url'>): string {
  const publisher = quote.publisher ? `, ${escapeHtml(quote.publisher)}` : '';
  return `— ${link(quote.title, quote.url)}${publisher}`;
}

/** One quote as blocks: a blockquote (split at sentences if it alone is too long) with its source under the last part. */
export function quoteBlocks(quote: Quote, limit = MESSAGE_LIMIT): string[] {
  const source = sourceHtml(quote);
  const wrap = (piece: string) => `<blockquote>${highlightFigures(piece, quote.figures)}</blockquote>`;
  // Reserve room for the source line so the last piece can always carry it.
  const pieces = splitToFit(quote.text, (piece) => wrap(piece).length + source.length + 1 <= limit);
  return pieces.map((piece, i) => (i === pieces.length - 1 ? `${wrap(piece)}\n${source}` : wrap(piece)));
}

/** The chat answer: bold lead line, then each quote with its source. Returns one string per message. */
export function formatAnswer(answer: Answered, limit = MESSAGE_LIMIT, options: { lead?: boolean; t?: Strings } = {}): string[] {
  const lead = options.lead === false ? [] : splitToFit(answer.lead, (p) => `<b>${escapeHtml(p)}</b>`.length <= limit);
  // The note is already HTML from the catalog, which escapes what it interpolates.
  const note = answer.documentLanguages && options.t ? [`<i>${options.t.answerFromDocumentsIn(answer.documentLanguages)}</i>`] : [];
  const blocks = [...note, ...lead.map((p) => `<b>${escapeHtml(p)}</b>`), ...answer.quotes.flatMap((q) => quoteBlocks(q, limit))];
  return packBlocks(blocks, limit);
}

/**
 * A "probably" reply: the hedge line in the user's language, then the best sentence with its
 * source. The hedge is never dropped: without it the sentence would read as a sure answer.
 */
export function formatProbably(answer: Probable, t: Strings, limit = MESSAGE_LIMIT): string[] {
  const hedge = `<i>${t.probably(answer.documentLanguages)}</i>`;
  return packBlocks([hedge, ...quoteBlocks(answer.closest, limit - hedge.length - 1)], limit);
}

/**
 * A polite "no answer": the reason and the questions that do work (listed when there are no
 * buttons to show them).
 */
export function formatNoAnswer(answer: Unanswered, t: Strings, options: { listSuggestions: boolean }): string {
  const suggestions = answer.suggestions.length === 0 ? [] : ['', t.suggestionsHeader];
  if (options.listSuggestions) suggestions.push(...answer.suggestions.map((q) => `• ${escapeHtml(q)}`));
  return [noAnswerReason(answer, t), ...suggestions].join('\n');
}

function noAnswerReason(answer: Unanswered, t: Strings): string {
  switch (answer.reason) {
    case 'not-covered':
      return t.notCovered;
    case 'unsupported-language':
      return t.unsupportedLanguage(answer.languages ?? []);
    case 'empty-corpus':
      return t.emptyCorpus;
    case 'empty-question':
      return t.emptyQuestion;
  }
}

/** "• Title — Publisher", linked when there is a url: the lines of /help and /sources. */
export function documentLines(documents: readonly DocumentSummary[]): string[] {
  return documents.map((d) => `• ${link(d.title, d.url)}${d.publisher ? ` — ${escapeHtml(d.publisher)}` : ''}`);
}

/** A header and a list of lines, packed into as few messages as the limit allows. */
export function formatList(header: string, lines: readonly string[], limit = MESSAGE_LIMIT): string[] {
  if (lines.length === 0) return [header];
  const [first = '', ...rest] = lines;
  return packBlocks([`${header}\n${first}`, ...rest], limit, '\n');
}

/** Plain text for inline titles and descriptions, cut at a word boundary. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
