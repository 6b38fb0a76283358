import { Composer, InlineKeyboard } from 'grammy';
import type { Answer } from '../../answer/answer.js';
import type { Vote, VoteOutcome } from '../../usage/usageLog.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';

/** 👍/👎 under an answer: "fb:<logged question id>:u|d", far below Telegram's 64 bytes. */
export const FEEDBACK_CALLBACK = /^fb:(\d{1,15}):([ud])$/;
export const feedbackData = (questionId: number, vote: Vote) => `fb:${questionId}:${vote === 'up' ? 'u' : 'd'}`;

export function feedbackKeyboard(questionId: number): InlineKeyboard {
  return new InlineKeyboard().text('👍', feedbackData(questionId, 'up')).text('👎', feedbackData(questionId, 'down'));
}

/**
 * Logs a question and returns the id its feedback buttons refer to. The row is written after the
 * reply is on its way; a log that fails here costs the answer its buttons and leaves an error in
 * the bot's log, and never stops the answer from being sent.
 */
export function logQuestion(ctx: BotContext, deps: FeatureDeps, question: string, answer: Answer, latencyMs: number): number | undefined {
  if (!deps.usage || !ctx.from || !ctx.chat) return undefined;
  try {
    return deps.usage.recordQuestion({
      at: deps.now(),
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      chatType: ctx.chat.type,
      languageCode: ctx.from.language_code,
      question,
      answer,
      latencyMs,
    });
  } catch (error) {
    deps.logger.error({ err: error }, 'question log unavailable; answering without feedback buttons');
    return undefined;
  }
}

/**
 * Votes from the buttons. One vote per user per answer, changeable; every press gets a toast.
 * The vote must come from the chat the answer was sent to, so forged data naming another chat's
 * answer, or an answer pruned by retention, is refused like any expired button.
 */
export function feedbackFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(FEEDBACK_CALLBACK, async (ctx) => {
    const chatId = ctx.callbackQuery.message?.chat.id;
    const questionId = Number(ctx.match[1]);
    const vote: Vote = ctx.match[2] === 'u' ? 'up' : 'down';
    const outcome = deps.usage && chatId !== undefined ? castVote(deps, { questionId, userId: ctx.from.id, chatId, vote }) : 'unknown';
    await ctx.answerCallbackQuery({ text: toast(ctx, outcome) });
  });
  return composer;
}

function castVote(deps: FeatureDeps, vote: { questionId: number; userId: number; chatId: number; vote: Vote }): VoteOutcome | 'failed' {
  try {
    return deps.usage?.vote({ ...vote, at: deps.now() }) ?? 'unknown';
  } catch (error) {
    deps.logger.error({ err: error, questionId: vote.questionId }, 'feedback write failed');
    return 'failed';
  }
}

function toast(ctx: BotContext, outcome: VoteOutcome | 'failed'): string {
  switch (outcome) {
    case 'recorded':
    case 'unchanged':
      return ctx.t.feedbackThanks;
    case 'changed':
      return ctx.t.feedbackChanged;
    case 'unknown':
      return ctx.t.feedbackUnknown;
    case 'failed':
      return ctx.t.feedbackFailed;
  }
}
