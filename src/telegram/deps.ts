import type { Middleware } from 'grammy';
import type { Logger } from 'pino';
import type { Answer } from '../answer/answer.js';
import type { UsageLog } from '../usage/usageLog.js';
import type { Background } from './background.js';
import type { BotMetrics } from './botMetrics.js';
import type { BotContext } from './context.js';
import type { CorpusAdmin, QuestionService } from './services.js';

export interface BotLimits {
  maxQuestionLength: number;
  maxUploadBytes: number;
  rateLimitPerMinute: number;
}

/** Questions by tier since start, for /stats. In memory: a restart is a new "since start". */
export class Counters {
  answered = 0;
  probably = 0;
  abstained = 0;

  record(answer: Answer): void {
    if (answer.tier === 'answer') this.answered += 1;
    else if (answer.tier === 'probably') this.probably += 1;
    // An empty question is not a question the documents failed to answer.
    else if (answer.reason !== 'empty-question') this.abstained += 1;
  }
}

/** What every feature composer is built from; assembled once in createBot. */
export interface FeatureDeps {
  token: string;
  apiRoot: string;
  services: QuestionService;
  admin: CorpusAdmin;
  adminIds: readonly number[];
  limits: BotLimits;
  logger: Logger;
  background: Background;
  counters: Counters;
  metrics: BotMetrics;
  now: () => number;
  startedAt: number;
  progressIntervalMs: number;
  /** Per-user question limit, shared by every route that asks a question so they count together. */
  questionLimiter: Middleware<BotContext>;
  /** The question log behind feedback buttons and reports; undefined with QUESTION_LOG=off or when it failed to open. */
  usage?: UsageLog | undefined;
}

/** How many example questions /start and "no answer" replies offer as buttons. */
export const SUGGESTION_COUNT = 3;
