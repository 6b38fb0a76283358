import { Composer } from 'grammy';
import { ASK_CALLBACK, replyWithAnswer, suggestionAt } from '../answering.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';

/**
 * In a private chat any text is a question; example-question buttons ask theirs; everything else
 * (stickers, photos, voice, unknown commands) gets a friendly pointer instead of silence.
 * Runs after the admin and start features, so their commands never reach this point.
 */
export function privateQuestionsFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');
  pm.on(['message', 'callback_query:data'], deps.questionLimiter);

  pm.callbackQuery(ASK_CALLBACK, async (ctx) => {
    const question = suggestionAt(deps, Number(ctx.match[1]), ctx.match[2] as string);
    if (question === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t.buttonExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await replyWithAnswer(ctx, question, deps, { buttons: true, echoQuestion: true });
  });

  pm.on('message:text', async (ctx) => {
    // A result the user sent through our own inline mode is an answer, not a question.
    if (ctx.msg.via_bot?.id === ctx.me.id) return;
    if (ctx.msg.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) {
      await ctx.reply(ctx.t.unknownCommand, { parse_mode: 'HTML' });
      return;
    }
    await replyWithAnswer(ctx, ctx.msg.text, deps, { buttons: true });
  });

  pm.on('message', async (ctx) => {
    await ctx.reply(ctx.t.nonText, { parse_mode: 'HTML' });
  });

  return composer;
}
