import { AsyncLocalStorage } from 'node:async_hooks';
import type { Bot, Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { BotContext } from './context.js';
import type { DurableInbox } from './inbox.js';

/** How long start waits for recovered updates before polling resumes anyway (one may be stuck on a flood limit). */
const RECOVERY_WAIT_MS = 30_000;

/** Bot API calls that put something in front of the user: the first one makes an update "replying". */
const REPLIES = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'answerCallbackQuery', 'answerInlineQuery', 'sendDocument', 'deleteMessage']);

/**
 * Hands admitted updates to the bot, in either transport, and marks each done in the inbox when
 * its handling ends: replied to, or the bot decided to send nothing. A failure is done too (the
 * user got an apology), so one poisonous update cannot be retried after every restart.
 */
export class Dispatcher {
  readonly #inFlight = new Set<Promise<void>>();
  /** Which update a Bot API call is made for, across the handlers' awaits. */
  readonly #current = new AsyncLocalStorage<number>();

  constructor(
    private readonly bot: Bot<BotContext>,
    private readonly inbox: DurableInbox<Update>,
    private readonly logger: Logger,
  ) {
    // Installed last, so it is outermost: it sees each reply once, before auto-retry's attempts.
    bot.api.config.use(this.#markReplies());
  }

  handle(update: Update): Promise<void> {
    const task = this.#current
      .run(update.update_id, () => this.bot.handleUpdate(update))
      .catch((error: unknown) => this.logger.error({ err: error, updateId: update.update_id }, 'update failed outside the handlers'))
      .finally(() => this.inbox.done(update.update_id));
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task));
    return task;
  }

  /**
   * Handles the updates left unfinished by a crash, oldest first, before new ones are taken.
   * Updates of one chat stay in order (the bot sequentializes per chat); returns how many.
   */
  async recover(): Promise<number> {
    const { updates, replyUnknown } = this.inbox.recover();
    if (replyUnknown > 0) this.logger.warn({ updates: replyUnknown }, 'replies were on their way when the bot stopped; not sent again');
    if (updates.length === 0) return 0;
    this.logger.info({ updates: updates.length }, 'recovering updates received before a crash');
    const all = Promise.allSettled(updates.map((update) => this.handle(update)));
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, RECOVERY_WAIT_MS)));
    await Promise.race([all, waited]);
    clearTimeout(timer);
    return updates.length;
  }

  #markReplies(): Transformer {
    return (prev, method, payload, signal) => {
      const updateId = this.#current.getStore();
      if (updateId !== undefined && REPLIES.has(method)) this.inbox.replying(updateId);
      return prev(method, payload, signal);
    };
  }

  /** Resolves when every update handed over so far has been handled. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }
}
