import { limit } from '@grammyjs/ratelimiter';
import type { BotError, Middleware, MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from './context.js';
import { catalog } from './i18n.js';

/**
 * Drops edited messages (the answer to the original is already there) and messages older than
 * `maxAgeSeconds`: after downtime, answering a backlog of stale questions would only confuse people.
 */
export function dropStaleUpdates(now: () => number, maxAgeSeconds: number, logger: Logger): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const { update } = ctx;
    if (update.edited_message || update.edited_channel_post || update.channel_post) return;
    const date = update.message?.date;
    if (date !== undefined && now() / 1000 - date > maxAgeSeconds) {
      logger.debug({ updateId: update.update_id, ageSeconds: Math.round(now() / 1000 - date) }, 'skipped stale update');
      return;
    }
    return next();
  };
}

/**
 * Catches whatever a handler throws, logs it with the update's ids and tells the user briefly.
 * It sits inside the middleware stack (not only in bot.catch) because `handleUpdate`, which
 * webhooks and tests use, rethrows instead of calling bot.catch: a webhook answering 500 would
 * make Telegram redeliver the same failing update again and again.
 */
export function errorBoundary(logger: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      logger.error({ err: error, updateId: ctx.update.update_id, userId: ctx.from?.id, chatId: ctx.chat?.id }, 'update failed');
      await apologize(ctx).catch((replyError: unknown) => logger.warn({ err: replyError }, 'could not send the apology'));
    }
  };
}

async function apologize(ctx: BotContext): Promise<void> {
  const text = (ctx.t ?? catalog.en).apology;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text }).catch(() => undefined);
  if (ctx.inlineQuery) return;
  if (ctx.chat) {
    const replyTo = ctx.msg?.message_id;
    await ctx.api.sendMessage(ctx.chat.id, text, replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {});
  }
}

/** Last resort for errors outside the middleware stack (the runner's sink calls it). */
export function logBotError(logger: Logger): (error: BotError<BotContext>) => void {
  return (error) => logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'unhandled update error');
}

/**
 * The per-user question limit. The plugin calls `onLimitExceeded` only on the first excess hit of
 * each window, which is exactly "one polite notice per window"; later excess updates are dropped.
 */
export function questionLimiter(perMinute: number, logger: Logger): Middleware<BotContext> {
  return limit<BotContext, never>({
    timeFrame: 60_000,
    limit: perMinute,
    keyPrefix: 'question',
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      logger.info({ userId: ctx.from?.id }, 'rate limited');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: stripTags(ctx.t.rateLimited), show_alert: true });
      else if (ctx.chat) await ctx.reply(ctx.t.rateLimited, { parse_mode: 'HTML', ...replyTo(ctx) });
    },
  });
}

/** In groups every reply threads to the asker's message, so it is clear who is answered. */
export function replyTo(ctx: BotContext): { reply_parameters?: { message_id: number; allow_sending_without_reply: true } } {
  const id = ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '');
