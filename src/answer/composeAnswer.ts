import type { FigureKind } from '../chunking/figures.js';
import type { RankedSentence } from '../retrieval/retrieve.js';
import { quantityIntent } from '../retrieval/questionIntent.js';
import type { Answer, Quote } from './answer.js';
import { leadClause } from './lead.js';

export interface AnswerPolicy {
  /** Below this best score the documents are taken not to answer the question (calibrated by `npm run eval`). */
  minScore: number;
  /**
   * From this score the best sentence is offered as the closest match when nothing answers: below
   * `minScore`, or above it when it lacks the figure a quantity question needs. Off-topic questions
   * of the eval sets score below it; casual rewordings that miss `minScore` mostly do not.
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
  const intent = quantityIntent(question);
  const wantedKinds = intent.wants === 'figure' ? intent.kinds : [];
  const answering = answeringSentences(ranked, wantedKinds, policy);
  const best = answering[0];
  if (!best || best.score < policy.minScore) {
    const nearest = ranked[0];
    const closest = nearest && nearest.score >= policy.closestMinScore ? { closest: toQuote(nearest) } : {};
    return { answered: false, question, reason: 'not-covered', suggestions: [...suggestions], ...closest };
  }
  const chosen = answering
    .filter((r) => r.score >= Math.max(policy.minScore, best.score - policy.quoteMargin))
    .slice(0, policy.maxQuotes);
  const quotes = chosen.map(toQuote);
  return {
    answered: true,
    question,
    lead: leadClause(best.sentence.text, best.figures, wantedKinds),
    quotes,
    figures: [...new Set(quotes.flatMap((q) => q.figures))],
  };
}

/**
 * A count or money question is answered only by a sentence that states such a figure ("How many
 * officers were convicted?" is not answered by a sentence about officers with no number) and
 * mentions what is counted ("How many police officers were killed?" is not answered by "230 people
 * died"), and only if that sentence is about as good a match as the best one: "How many people were
 * released?" must not fall through to "230 people died". Dates only rank: a bare year is not
 * extracted as a date.
 */
function answeringSentences(ranked: readonly RankedSentence[], wantedKinds: readonly FigureKind[], policy: AnswerPolicy): readonly RankedSentence[] {
  if (wantedKinds.length === 0 || wantedKinds[0] === 'date') return ranked;
  const top = ranked[0]?.score ?? 0;
  return ranked.filter((r) => r.mentionsCounted && r.figures.some((f) => wantedKinds.includes(f.kind)) && r.score >= top - policy.quoteMargin);
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
