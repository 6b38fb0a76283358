import type { Embedder } from '../embedding/embedder.js';
import type { KnowledgeSnapshot } from '../index/snapshot.js';
import { retrieve } from '../retrieval/retrieve.js';
import { type SentenceRanker, defaultRanker } from '../retrieval/sentenceRanker.js';
import type { Answer, Quote } from './answer.js';
import { composeAnswer } from './composeAnswer.js';
import { guessQuestionLanguage } from './questionLanguage.js';
import { suggestQuestions } from './suggestQuestions.js';

/** A quote that is not a slice of its stored document would be a made-up quote: that is a bug. */
export class UnverifiableQuoteError extends Error {
  override name = 'UnverifiableQuoteError';
}

const MAX_QUOTES = 3;

/** The one path from a question to an answer, shared by the CLI, the eval, the bench and the bot. */
export async function answerQuestion(
  snapshot: KnowledgeSnapshot,
  embedder: Embedder,
  rawQuestion: string,
  ranker: SentenceRanker = defaultRanker(),
): Promise<Answer> {
  const question = rawQuestion.trim();
  const suggestions = suggestQuestions(snapshot);
  if (question === '') return { answered: false, question, reason: 'empty-question', suggestions };
  if (snapshot.vectors.size === 0) return { answered: false, question, reason: 'empty-corpus', suggestions };
  const ranked = await retrieve(snapshot, embedder, question, ranker);
  const answer = composeAnswer(question, ranked, suggestions, { ...ranker.thresholds, maxQuotes: MAX_QUOTES });
  verifyQuotes(snapshot, answer.answered ? answer.quotes : answer.closest ? [answer.closest] : []);
  if (!answer.answered && !readsLanguageOf(embedder, question)) {
    // A closest sentence to a question the model could not read would be a guess.
    const { closest: _unread, ...unanswered } = answer;
    return { ...unanswered, reason: 'unsupported-language', languages: [...(embedder.languages ?? [])] };
  }
  return answer;
}

/** Only an abstention is re-labelled: the thesaurus does answer some Russian questions. */
function readsLanguageOf(embedder: Embedder, question: string): boolean {
  const language = guessQuestionLanguage(question);
  return embedder.languages === undefined || language === null || embedder.languages.includes(language);
}

function verifyQuotes(snapshot: KnowledgeSnapshot, quotes: readonly Quote[]): void {
  for (const quote of quotes) {
    const document = snapshot.documentById.get(quote.documentId);
    if (document?.text.slice(quote.start, quote.end) !== quote.text) {
      throw new UnverifiableQuoteError(`Quote at ${quote.documentId}:${quote.start}-${quote.end} is not verbatim.`);
    }
  }
}
