import type { Embedder } from '../embedding/embedder.js';
import type { KnowledgeSnapshot } from '../index/snapshot.js';
import { LANGUAGES, documentLanguage } from '../language/analyzer.js';
import { corpusLanguages } from '../retrieval/crossLanguage.js';
import { DEFAULT_RETRIEVAL, type RetrievalOptions, retrieve, understand } from '../retrieval/retrieve.js';
import { type SentenceRanker, defaultRanker } from '../retrieval/sentenceRanker.js';
import { type Answer, type Answered, type Probable, type Quote, type Unanswered, shownQuotes } from './answer.js';
import { composeAnswer } from './composeAnswer.js';
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
  retrieval: RetrievalOptions = DEFAULT_RETRIEVAL,
): Promise<Answer> {
  const question = rawQuestion.trim();
  const suggestions = suggestQuestions(snapshot);
  const unanswered = (reason: Unanswered['reason']): Unanswered => ({ tier: 'not-covered', answered: false, question, reason, suggestions });
  if (question === '') return unanswered('empty-question');
  if (snapshot.vectors.size === 0) return unanswered('empty-corpus');
  const understood = understand(snapshot, embedder, question, retrieval);
  const ranked = await retrieve(snapshot, embedder, understood, ranker, retrieval);
  const answer = composeAnswer(understood, ranked, suggestions, { ...ranker.thresholds, maxQuotes: MAX_QUOTES, confidence: ranker.confidence });
  verifyQuotes(snapshot, shownQuotes(answer));
  const language = understood.languageDetected ? understood.language : null;
  if (answer.tier === 'answer') return withDocumentLanguages(snapshot, answer, answer.quotes, language);
  const readable = readableLanguages(snapshot, embedder, retrieval);
  if (language !== null && !readable.includes(language)) {
    // "Not covered" or "probably" would be a guess: the question could not be read against these documents.
    return { ...unanswered('unsupported-language'), languages: readable };
  }
  return answer.tier === 'probably' ? withDocumentLanguages(snapshot, answer, [answer.closest], language) : answer;
}

/** Marks an answer whose quotes are in another language than the question. */
function withDocumentLanguages<T extends Answered | Probable>(snapshot: KnowledgeSnapshot, answer: T, quotes: readonly Quote[], language: string | null): T {
  const languages = [...new Set(quotes.map((q) => documentLanguage(snapshot.documentById.get(q.documentId)?.language)))];
  return language !== null && languages.some((l) => l !== language) ? { ...answer, documentLanguages: languages } : answer;
}

/**
 * Languages a question can be asked in about this corpus: the documents' own, any a multilingual
 * model reads, and any the query translator takes to a document language (with the committed
 * lexicons, English, Russian and Kazakh each reach the other two).
 */
function readableLanguages(snapshot: KnowledgeSnapshot, embedder: Embedder, { translator }: RetrievalOptions): string[] {
  if (embedder.crossLingual) return [...LANGUAGES];
  const documents = [...corpusLanguages(snapshot)];
  return LANGUAGES.filter((from) => documents.some((to) => translator.translates(from, to)));
}

function verifyQuotes(snapshot: KnowledgeSnapshot, quotes: readonly Quote[]): void {
  for (const quote of quotes) {
    const document = snapshot.documentById.get(quote.documentId);
    if (document?.text.slice(quote.start, quote.end) !== quote.text) {
      throw new UnverifiableQuoteError(`Quote at ${quote.documentId}:${quote.start}-${quote.end} is not verbatim.`);
    }
  }
}
