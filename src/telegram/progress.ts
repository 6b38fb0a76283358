import type { Api, Context } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { FeatureDeps } from './deps.js';
import type { Logger } from 'pino';
import type { Strings } from './i18n.js';
import type { Progress } from './services.js';

export interface ProgressOptions {
  now: () => number;
  /** Telegram allows roughly one edit per second per chat; every 2 s leaves room for everything else. */
  intervalMs: number;
  logger: Logger;
}

/**
 * One status message edited in place. Intermediate reports are throttled and may be dropped;
 * `finish` is always sent, after any edit still in flight, so the last word is never lost.
 */
export class ProgressMessage {
  #lastAt: number;
  #lastText: string;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: Api,
    private readonly chatId: number,
    private readonly messageId: number,
    initialText: string,
    private readonly options: ProgressOptions,
  ) {
    // The message was just sent, so the first edit waits a full interval too.
    this.#lastAt = options.now();
    this.#lastText = initialText;
  }

  report(text: string): void {
    const now = this.options.now();
    if (now - this.#lastAt < this.options.intervalMs) return;
    this.#lastAt = now;
    this.#enqueue(text);
  }

  /** The last word, with buttons when it offers some (an Undo after an added document). */
  async finish(text: string, replyMarkup?: InlineKeyboardMarkup): Promise<void> {
    this.#enqueue(text, replyMarkup);
    await this.#chain;
  }

  #enqueue(text: string, replyMarkup?: InlineKeyboardMarkup): void {
    this.#chain = this.#chain.then(() => this.#edit(text, replyMarkup));
  }

  async #edit(text: string, replyMarkup?: InlineKeyboardMarkup): Promise<void> {
    // Telegram rejects an edit that changes nothing ("message is not modified").
    if (text === this.#lastText && !replyMarkup) return;
    this.#lastText = text;
    try {
      await this.api.editMessageText(this.chatId, this.messageId, text, { parse_mode: 'HTML', ...(replyMarkup ? { reply_markup: replyMarkup } : {}) });
    } catch (error) {
      this.options.logger.warn({ err: error, chatId: this.chatId }, 'progress edit failed');
    }
  }
}

/** Turns port progress events into localized progress lines with a time estimate per stage. */
export function progressReporter(message: ProgressMessage, t: Strings, now: () => number): Progress {
  let stage: { name: string; startedAt: number; startDone: number } | undefined;
  return ({ stage: name, done, total }) => {
    if (stage?.name !== name) stage = { name, startedAt: now(), startDone: done };
    const elapsed = (now() - stage.startedAt) / 1000;
    const rate = elapsed > 0 ? (done - stage.startDone) / elapsed : 0;
    const eta = rate > 0 && done < total ? (total - done) / rate : undefined;
    message.report(t.progress(name, done, total, eta));
  };
}

export const progressOptions = (deps: Pick<FeatureDeps, 'now' | 'progressIntervalMs' | 'logger'>): ProgressOptions => ({
  now: deps.now,
  intervalMs: deps.progressIntervalMs,
  logger: deps.logger,
});

/** Sends the first status line and returns the throttled editor for it. */
export async function sendProgress(ctx: Context, text: string, options: ProgressOptions): Promise<ProgressMessage> {
  const sent = await ctx.reply(text, { parse_mode: 'HTML' });
  return new ProgressMessage(ctx.api, sent.chat.id, sent.message_id, text, options);
}
