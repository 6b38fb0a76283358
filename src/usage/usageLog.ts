import { type Answer, type Tier, shownQuotes } from '../answer/answer.js';
import type { LoggedQuote, Outcome, QuestionEntry, RatedAnswer, Store, Totals, Vote, VoteOutcome } from '../storage/store.js';
import { type QuestionGroup, countDistinct, mergeSimilar } from './clusterQuestions.js';
import { pseudonym } from './salt.js';

export type { RatedAnswer, Totals, Vote, VoteOutcome } from '../storage/store.js';
export type { QuestionGroup } from './clusterQuestions.js';

/** One question as the bot saw it. Raw ids stop here: the log stores only their salted hashes. */
export interface QuestionEvent {
  at: number;
  userId: number;
  chatId: number;
  chatType: string;
  languageCode: string | undefined;
  question: string;
  answer: Answer;
  latencyMs: number;
}

export interface VoteEvent {
  questionId: number;
  userId: number;
  chatId: number;
  vote: Vote;
  at: number;
}

export interface PeriodTotals {
  today: Totals;
  week: Totals;
  all: Totals;
}

/** The usage port the bot and `npm run report` see: the question log, feedback and the reports over them. */
export interface UsageLog {
  /** The logged question's id, or undefined for an empty question, which is not worth logging. */
  recordQuestion(event: QuestionEvent): number | undefined;
  vote(event: VoteEvent): VoteOutcome;
  /** Today (UTC), the last 7 days and all time. */
  totals(now: number): PeriodTotals;
  /** Questions with no answer or a 👎 in the last `days`, near-duplicates merged, most frequent first. */
  unanswered(days: number, now: number, limit?: number): Promise<QuestionGroup[]>;
  worstRated(days: number, now: number, limit?: number): RatedAnswer[];
  /** Deletes what is older than the retention period; returns how many questions. */
  prune(now: number): number;
  close(): void;
}

export type EmbedQuestions = (texts: readonly string[]) => Promise<Float32Array[]>;

export interface UsageLogOptions {
  store: Store;
  salt: string;
  embed: EmbedQuestions;
  retentionDays: number;
  /** Cosine at or above which two questions count as one; 0.8 suits the bundled model (see README). */
  similarity?: number;
}

const DAY_MS = 86_400_000;
/** Enough for any week's report; the oldest rows beyond it would not make the top of the list. */
const MISSED_SCAN = 5000;

export function createUsageLog(options: UsageLogOptions): UsageLog {
  const { store, salt, embed } = options;
  const hash = (kind: 'user' | 'chat', id: number) => pseudonym(salt, kind, id);
  return {
    recordQuestion: (event) => (isEmptyQuestion(event.answer) ? undefined : store.record(toEntry(event, hash))),
    vote: ({ questionId, userId, chatId, vote, at }) => store.vote({ questionId, userHash: hash('user', userId), chatHash: hash('chat', chatId), vote, at }),
    totals: (now) => ({ today: store.totals(startOfUtcDay(now)), week: store.totals(now - 7 * DAY_MS), all: store.totals(0) }),
    async unanswered(days, now, limit = 20) {
      const groups = countDistinct(store.missed(now - days * DAY_MS, MISSED_SCAN));
      if (groups.length < 2) return groups.slice(0, limit);
      const vectors = await embed(groups.map((group) => group.example));
      return mergeSimilar(groups, vectors, options.similarity ?? 0.8).slice(0, limit);
    },
    worstRated: (days, now, limit = 10) => store.worstRated(now - days * DAY_MS, limit),
    prune: (now) => store.prune(now - options.retentionDays * DAY_MS),
    close: () => store.close(),
  };
}

function toEntry(event: QuestionEvent, hash: (kind: 'user' | 'chat', id: number) => string): QuestionEntry {
  const { answer } = event;
  return {
    askedAt: event.at,
    chatType: event.chatType,
    language: event.languageCode?.toLowerCase().split(/[-_]/)[0] ?? '',
    userHash: hash('user', event.userId),
    chatHash: hash('chat', event.chatId),
    question: event.question,
    outcome: OUTCOMES[answer.tier],
    reason: answer.tier === 'not-covered' ? answer.reason : null,
    // The sentence of a "probably" is logged too: its score is what threshold tuning needs.
    quotes: shownQuotes(answer).map(loggedQuote),
    latencyMs: Math.round(event.latencyMs * 100) / 100,
  };
}

const OUTCOMES: Record<Tier, Outcome> = { answer: 'answered', probably: 'probably', 'not-covered': 'abstained' };

const isEmptyQuestion = (answer: Answer) => answer.tier === 'not-covered' && answer.reason === 'empty-question';

const loggedQuote = ({ documentId, start, end, score, text }: LoggedQuote): LoggedQuote => ({ documentId, start, end, score, text });

export const quoteId = (quote: Pick<LoggedQuote, 'documentId' | 'start' | 'end'>) => `${quote.documentId}:${quote.start}-${quote.end}`;

export function startOfUtcDay(now: number): number {
  return now - (now % DAY_MS);
}
