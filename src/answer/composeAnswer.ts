import type { RankedSentence } from '../retrieval/retrieve.js';
import { quantityIntent } from '../retrieval/questionIntent.js';
import type { Answer, Quote } from './answer.js';
import { leadClause } from './lead.js';

export interface AnswerPolicy {
  /** Below this best score the documents are taken not to answer the question (calibrated by `npm run eval`). */
  minScore: number;
  /**
   * From this score up to `minScore` the best sentence is offered as the closest match. Off-topic
   * questions of the eval sets score below it; casual rewordings that miss `minScore` mostly do not.
   */
  closestMinScore: number;
  maxQuotes: number;
  /** Further quotes must score within this distance of the best one. */
  quoteMargin: number;
}

export const DEFAULT_POLICY: AnswerPolicy = { minScore: 0.33, closestMinScore: 0.15, maxQuotes: 3, quoteMargin: 0.12 };

/**
 * Pure: turns ranked sentences into an answer, or into an honest "not covered". Every string in an
 * answered result is a slice of a stored document; nothing here writes wording of its own.
 */
export function composeAnswer(
  question: string,
  ranked: readonly RankedSentence[],
  suggestions: readonly string[],
  policy: AnswerPolicy = DEFAULT_POLICY,
): Answer {
  const best = ranked[0];
  if (!best || best.score < policy.minScore) {
    const closest = best && best.score >= policy.closestMinScore ? { closest: toQuote(best) } : {};
    return { answered: false, question, reason: 'not-covered', suggestions: [...suggestions], ...closest };
  }
  const chosen = ranked
    .filter((r) => r.score >= Math.max(policy.minScore, best.score - policy.quoteMargin))
    .slice(0, policy.maxQuotes);
  const quotes = chosen.map(toQuote);
  const intent = quantityIntent(question);
  const wantedKinds = intent.wants === 'figure' ? intent.kinds : [];
  return {
    answered: true,
    question,
    lead: leadClause(best.sentence.text, best.figures, wantedKinds),
    quotes,
    figures: [...new Set(quotes.flatMap((q) => q.figures))],
  };
}

function toQuote(ranked: RankedSentence): Quote {
  const { sentence, document } = ranked;
  return {
    text: sentence.text,
    documentId: document.id,
    title: document.title,
    publisher: document.publisher,
    url: document.url,
    start: sentence.start,
    end: sentence.end,
    score: Number(ranked.score.toFixed(4)),
    figures: ranked.figures.map((f) => f.text),
  };
}
