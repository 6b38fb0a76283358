import type { IndexedDocument, IndexedSentence } from '../index/snapshot.js';
import { answerKind } from '../language/questionWords.js';
import { holdsAskedFigure } from '../retrieval/features.js';
import { quantityIntent } from '../retrieval/questionIntent.js';
import type { RankedSentence } from '../retrieval/retrieve.js';
import { refersBack } from '../retrieval/sentenceCues.js';
import type { AnswerThresholds } from '../retrieval/sentenceRanker.js';
import type { Answer, Quote } from './answer.js';
import { leadClause } from './lead.js';

export interface AnswerPolicy extends AnswerThresholds {
  maxQuotes: number;
}

/**
 * Pure: turns ranked sentences into an answer, or into an honest "not covered". Every string in an
 * answered result is a slice of a stored document; nothing here writes wording of its own.
 */
export function composeAnswer(question: string, ranked: readonly RankedSentence[], suggestions: readonly string[], policy: AnswerPolicy): Answer {
  const answering = answeringSentences(question, ranked, policy);
  const best = answering[0];
  if (!best || best.probability < policy.minProbability) {
    const nearest = ranked[0];
    const closest = nearest && nearest.probability >= policy.closestMinProbability ? { closest: toQuote(nearest) } : {};
    return { answered: false, question, reason: 'not-covered', suggestions: [...suggestions], ...closest };
  }
  const floor = Math.max(policy.minProbability, best.probability * policy.quoteRatio);
  const quotes = withoutOverlaps(answering.filter((r) => r.probability >= floor))
    .slice(0, policy.maxQuotes)
    .map(toQuote);
  const intent = quantityIntent(question);
  return {
    answered: true,
    question,
    lead: leadClause(best.sentence.text, best.figures, intent.wants === 'figure' ? intent.kinds : []),
    quotes,
    figures: [...new Set(quotes.flatMap((q) => q.figures))],
  };
}

/**
 * A count or money question is answered only by a sentence that states such a figure of the thing
 * counted ("How many police officers were killed?" is not answered by "230 people died"), and only
 * if it is about as likely as the best sentence: "How many people were released?" must not fall
 * through to a sentence the model ranks far lower.
 */
export function answeringSentences(question: string, ranked: readonly RankedSentence[], policy: Pick<AnswerPolicy, 'quoteRatio'>): readonly RankedSentence[] {
  const kind = answerKind(question);
  const top = ranked[0]?.probability ?? 0;
  if (holdsAskedFigure(kind, ranked[0]?.features ?? []) === null) return ranked;
  return ranked.filter((r) => holdsAskedFigure(kind, r.features) === true && r.probability >= top * policy.quoteRatio);
}

/** A sentence quoted with the one before it is not quoted again on its own. */
function withoutOverlaps(ranked: readonly RankedSentence[]): RankedSentence[] {
  const taken = new Set<number>();
  return ranked.filter((r) => {
    const rows = quotedSentences(r).map((s) => s.row);
    if (rows.some((row) => taken.has(row))) return false;
    rows.forEach((row) => taken.add(row));
    return true;
  });
}

/** A sentence that leans on the one before ("He is also …", "As a result, …") is quoted with it, as one span. */
function quotedSentences(ranked: RankedSentence): IndexedSentence[] {
  const previous = ranked.index > 0 && refersBack(ranked.sentence.text) ? ranked.document.sentences[ranked.index - 1] : undefined;
  return previous ? [previous, ranked.sentence] : [ranked.sentence];
}

/** The text a sentence is quoted as: with the sentence before it when it refers back. */
export function quotedSpan(ranked: RankedSentence): string {
  return ranked.document.text.slice((quotedSentences(ranked)[0] as IndexedSentence).start, ranked.sentence.end);
}

function toQuote(ranked: RankedSentence): Quote {
  const sentences = quotedSentences(ranked);
  const start = (sentences[0] as IndexedSentence).start;
  const { end } = ranked.sentence;
  const document: IndexedDocument = ranked.document;
  return {
    text: document.text.slice(start, end),
    documentId: document.id,
    title: document.title,
    publisher: document.publisher,
    url: document.url,
    start,
    end,
    score: Number(ranked.probability.toFixed(4)),
    figures: ranked.figures.map((f) => f.text),
  };
}
