import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { Background } from './background.js';
import { type BotMetrics, countApiErrors, noMetrics } from './botMetrics.js';
import { type BotContext, languageMiddleware } from './context.js';
import { type BotLimits, Counters, type FeatureDeps } from './deps.js';
import { adminFeature } from './features/admin.js';
import { feedbackFeature } from './features/feedback.js';
import { groupsFeature } from './features/groups.js';
import { inlineFeature } from './features/inline.js';
import { privateQuestionsFeature } from './features/privateQuestions.js';
import { startFeature } from './features/start.js';
import { dropStaleUpdates, errorBoundary, logBotError, questionLimiter } from './hygiene.js';
import type { CorpusAdmin, QuestionService } from './services.js';
import type { UsageLog } from '../usage/usageLog.js';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

export interface CreateBotDeps {
  token: string;
  /** A self-hosted Bot API server or an emulator; used for every call and every file download. */
  apiRoot?: string | undefined;
  services: QuestionService;
  admin: CorpusAdmin;
  adminIds: readonly number[];
  limits: BotLimits;
  logger: Logger;
  /** Prometheus counters (startBot passes them unless METRICS=off). */
  metrics?: BotMetrics | undefined;
  /** Known bot identity: tests pass it so no getMe call is made. */
  botInfo?: UserFromGetMe | undefined;
  /** Clock in milliseconds; tests pass a fake one to drive throttling and staleness. */
  now?: () => number;
  progressIntervalMs?: number;
  /** Messages older than this are skipped: a backlog after downtime is not worth answering. */
  maxUpdateAgeSeconds?: number;
  usage?: UsageLog | undefined;
  /** One quiet wait after which a forwarded album is taken as complete (1 s by default); tests release it themselves. */
  albumWait?: (() => Promise<void>) | undefined;
}

export interface QantarBot {
  bot: Bot<BotContext>;
  /** Updates being handled and admin jobs started by them; shutdown waits for `settled()`. */
  background: Background;
  counters: Counters;
}

/** Updates the bot asks Telegram for: edited messages and the rest are never even delivered. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Builds the bot with all features; starting it (polling or webhook) is startBot's job. */
export function createBot(deps: CreateBotDeps): QantarBot {
  // grammY appends "/bot<token>/<method>"; a trailing slash in the setting would double it.
  const apiRoot = (deps.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
  const bot = new Bot<BotContext>(deps.token, { botInfo: deps.botInfo, client: { apiRoot } });
  const metrics = deps.metrics ?? noMetrics;
  // Under auto-retry, so every failed attempt is counted, including 429s a retry got through.
  bot.api.config.use(countApiErrors(metrics));
  // Bounded, so a question in flight cannot wait forever on a flood limit during shutdown.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));

  const now = deps.now ?? Date.now;
  const background = new Background(deps.logger);
  const counters = new Counters();
  const features: FeatureDeps = {
    ...deps,
    apiRoot,
    background,
    counters,
    metrics,
    now,
    startedAt: now(),
    progressIntervalMs: deps.progressIntervalMs ?? 2000,
    questionLimiter: questionLimiter(deps.limits.rateLimitPerMinute, deps.logger),
  };

  // Outermost, so shutdown can wait for every update still being handled, whatever the transport.
  bot.use((_ctx, next) => background.track(next()));
  bot.use(errorBoundary(deps.logger));
  // Updates of one chat run in order; different chats and inline queries run concurrently.
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString()));
  bot.use(dropStaleUpdates(now, deps.maxUpdateAgeSeconds ?? 300, deps.logger));
  bot.use(languageMiddleware());
  bot.use(adminFeature(features));
  bot.use(startFeature(features));
  bot.use(feedbackFeature(features));
  bot.use(privateQuestionsFeature(features));
  bot.use(groupsFeature(features));
  // Inline queries arrive per keystroke: a looser limit, and excess ones are dropped without a notice.
  bot.on('inline_query', limit({ timeFrame: 60_000, limit: deps.limits.rateLimitPerMinute * 3, keyPrefix: 'inline' }), inlineFeature(features));
  // A button from an older version of the bot: stop the client's spinner instead of leaving it hanging.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t.buttonExpired }));
  bot.catch(logBotError(deps.logger));
  return { bot, background, counters };
}
