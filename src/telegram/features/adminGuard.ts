import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { replyTo } from '../hygiene.js';

export const isAdmin = (deps: Pick<FeatureDeps, 'adminIds'>, userId: number | undefined): boolean =>
  userId !== undefined && deps.adminIds.includes(userId);

/**
 * Lets only admins in a private chat through. It guards every admin route: commands, uploads and
 * button presses, because callback data can be forged by any client and must be checked again.
 * Refusals are logged with the user id so attempts can be noticed.
 */
export function adminOnly(deps: Pick<FeatureDeps, 'adminIds' | 'logger'>, route: string): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (!isAdmin(deps, userId)) {
      deps.logger.warn({ userId, chatId: ctx.chat?.id, route }, 'admin route refused');
      await refuse(ctx, ctx.t.adminsOnly);
      return;
    }
    if (ctx.chat?.type !== 'private') {
      await refuse(ctx, ctx.t.adminPrivateOnly);
      return;
    }
    await next();
  };
}

async function refuse(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else if (ctx.chat) await ctx.reply(text, { parse_mode: 'HTML', ...replyTo(ctx) });
}
