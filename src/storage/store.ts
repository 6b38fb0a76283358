/**
 * The storage port: what the question log, the feedback buttons and the reports need from a
 * database. `sqliteStore.ts` implements it over an embedded SQLite file; a server database can
 * replace it by implementing the same interfaces. Users and chats arrive here already hashed.
 * Times are milliseconds since the epoch.
 */
/** 'probably': the best sentence was shown under a hedge, not as a sure answer. */
export type Outcome = 'answered' | 'probably' | 'abstained';

/** A quote as logged: where it is in its document, how well it scored, and its text for reports. */
export interface LoggedQuote {
  documentId: string;
  start: number;
  end: number;
  score: number;
  text: string;
}

export interface QuestionEntry {
  askedAt: number;
  chatType: string;
  /** Primary subtag of the user's Telegram language ("en", "ru"), or "" when Telegram sent none. */
  language: string;
  userHash: string;
  chatHash: string;
  question: string;
  outcome: Outcome;
  /** Why the bot abstained; null when it answered or said "probably". */
  reason: string | null;
  quotes: readonly LoggedQuote[];
  latencyMs: number;
}

export interface QuestionLog {
  /**
   * Returns the id of the logged question, which feedback refers to. The row may be written a
   * moment later, but every read and vote through this store sees it.
   */
  record(entry: QuestionEntry): number;
  /** Deletes questions asked before `before`, with their quotes and votes; returns how many. */
  prune(before: number): number;
}

export type Vote = 'up' | 'down';

/** 'unknown': no such question (pruned or forged), or it was asked in another chat. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'unknown';

export interface VoteInput {
  questionId: number;
  userHash: string;
  chatHash: string;
  vote: Vote;
  at: number;
}

export interface FeedbackStore {
  vote(input: VoteInput): VoteOutcome;
}

export interface Totals {
  questions: number;
  answered: number;
  probably: number;
  abstained: number;
  up: number;
  down: number;
}

/** A question that got no answer or a 👎, for the unanswered report (grouped above this port). */
export interface MissedQuestion {
  question: string;
  askedAt: number;
  outcome: Outcome;
  down: number;
}

/** An answer with votes, and the best quote it gave. */
export interface RatedAnswer {
  questionId: number;
  question: string;
  askedAt: number;
  up: number;
  down: number;
  quote: LoggedQuote | undefined;
}

export interface Reports {
  /** Questions asked and votes cast since `since`. */
  totals(since: number): Totals;
  /** Abstentions (other than empty questions), "probably" replies and answers with a 👎, asked since `since`, newest first. */
  missed(since: number, limit: number): MissedQuestion[];
  /** Answers asked since `since` with at least one 👎, most net 👎 first. */
  worstRated(since: number, limit: number): RatedAnswer[];
}

export interface Store extends QuestionLog, FeedbackStore, Reports {
  readonly path: string;
  close(): void;
}
