import type { Answer, Quote, Unanswered } from './answer.js';
import { languageNames } from './questionLanguage.js';

/** Plain-text rendering for the terminal; the bot has its own HTML formatter. */
export function renderAnswerText(answer: Answer): string {
  const note = answer.tier !== 'not-covered' && answer.documentLanguages ? [`(From documents in ${languageNames('en', answer.documentLanguages)}.)`] : [];
  switch (answer.tier) {
    case 'answer':
      return [...note, answer.lead, ...answer.quotes.flatMap(quoteLines)].join('\n');
    case 'probably':
      return [...note, 'Probably (not sure, this may not answer it):', ...quoteLines(answer.closest)].join('\n');
    case 'not-covered': {
      const lines = [notCoveredLine(answer)];
      if (answer.suggestions.length > 0) lines.push('Questions they do answer:', ...answer.suggestions.map((q) => `  • ${q}`));
      return lines.join('\n');
    }
  }
}

function quoteLines(quote: Quote): string[] {
  return [`> "${quote.text}"`, `  — ${sourceLine(quote)}`];
}

export function sourceLine(quote: Pick<Quote, 'title' | 'publisher' | 'url'>): string {
  const publisher = quote.publisher ? ` (${quote.publisher})` : '';
  const url = quote.url ? ` ${quote.url}` : '';
  return `${quote.title}${publisher}${url}`;
}

function notCoveredLine({ reason, languages = [] }: Unanswered): string {
  switch (reason) {
    case 'empty-question':
      return 'Ask a question about the documents.';
    case 'empty-corpus':
      return 'There are no documents to answer from yet.';
    case 'not-covered':
      return 'The documents do not cover this question, so there is no answer to quote.';
    case 'unsupported-language':
      return `Nothing could be matched: questions about these documents can be asked in ${languageNames('en', languages)}.`;
  }
}
