import type { IndexedDocument, IndexedSentence } from '../index/snapshot.js';
import type { Question } from '../language/question.js';
import { holdsAskedFigure } from '../retrieval/features.js';
import type { RankedSentence } from '../retrieval/retrieve.js';
import { refersBack } from '../retrieval/sentenceCues.js';
import type { AnswerThresholds, SentenceRanker } from '../retrieval/sentenceRanker.js';
import type { Answer, Quote } from './answer.js';
import { type TierConfidence, decideTier } from './decideTier.js';
import { leadClause } from './lead.js';

export interface AnswerPolicy extends AnswerThresholds {
  maxQuotes: number;
  /** The ranker's trained confidence stage; without it the best probability decides. */
  confidence?: SentenceRanker['confidence'];
}

/**
 * Pure: turns ranked sentences into an answer, a hedged "probably", or an honest "not covered".
 * Every quoted string is a slice of a stored document; nothing here writes wording of its own.
 */
export function composeAnswer(understood: Question, ranked: readonly RankedSentence[], suggestions: readonly string[], policy: AnswerPolicy): Answer {
  const question = understood.text;
  const candidates = ranked.map((r) => ({ probability: r.probability, holdsAskedFigure: holdsAskedFigure(understood.kind, r.features) }));
  const decision = decideTier(candidates, { ...policy, confidence: tierConfidence(ranked, policy.confidence) });
  if (decision.tier === 'not-covered') return { tier: 'not-covered', answered: false, question, reason: 'not-covered', suggestions: [...suggestions] };
  if (decision.tier === 'probably') {
    return { tier: 'probably', answered: false, question, closest: toQuote(ranked[decision.closest] as RankedSentence), suggestions: [...suggestions] };
  }
  const answering = decision.quotes.map((i) => ranked[i] as RankedSentence);
  const best = answering[0] as RankedSentence;
  const quotes = withoutOverlaps(answering).slice(0, policy.maxQuotes).map(toQuote);
  const intent = understood.quantity;
  return {
    tier: 'answer',
    answered: true,
    question,
    lead: leadClause(best.sentence.text, best.figures, intent.wants === 'figure' ? intent.kinds : []),
    quotes,
    figures: [...new Set(quotes.flatMap((q) => q.figures))],
  };
}

/** The confidence stage over a list of ranked sentences, picked by index. */
function tierConfidence(ranked: readonly RankedSentence[], stage: AnswerPolicy['confidence']): TierConfidence | undefined {
  if (!stage) return undefined;
  const scored = (i: number) => {
    const r = ranked[i] as RankedSentence;
    return { probability: r.probability, features: r.features, row: r.sentence.row };
  };
  return { thresholds: stage.thresholds, of: (indices) => stage.of(indices.map(scored)) };
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
