import { Composer } from 'grammy';
import type { Rejection } from '../../corpus/document.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { escapeHtml } from '../html.js';
import type { Strings } from '../i18n.js';
import { type ProgressMessage, progressOptions, progressReporter, sendProgress } from '../progress.js';
import type { AddLinkOutcome } from '../services.js';
import { adminOnly } from './adminGuard.js';

/**
 * `/add <url> [title]` from an admin in private chat: the bot fetches the page, PDF or Word file and
 * adds it with the url as its source. Progress and the outcome go in one message, edited in place;
 * a refused link says why in the admin's language.
 */
export function addLinkFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('add', adminOnly(deps, 'add'), async (ctx) => {
    const [typed, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    // People paste "example.org/news" as often as the full link; https is what a browser would try.
    const url = typed && !/^[a-z][a-z0-9+.-]*:/i.test(typed) ? `https://${typed}` : typed;
    if (!url) {
      await ctx.reply(ctx.t.link.usage, { parse_mode: 'HTML' });
      return;
    }
    if (deps.admin.busy) {
      await ctx.reply(ctx.t.busy, { parse_mode: 'HTML' });
      return;
    }
    const { t } = ctx;
    const message = await sendProgress(ctx, t.link.starting(url), progressOptions(deps));
    const title = rest.join(' ') || undefined;
    deps.background.run('add-link', () => addLink(ctx, deps, { url, title }, message), () => message.finish(t.apology));
  });
  return composer;
}

async function addLink(ctx: BotContext, deps: FeatureDeps, link: { url: string; title: string | undefined }, message: ProgressMessage): Promise<void> {
  const { t } = ctx;
  const addedBy = `telegram:${ctx.from?.id ?? 'unknown'}`;
  const outcome = await deps.admin.addLink({ ...link, addedBy }, progressReporter(message, t, deps.now));
  const refusal = outcome.status === 'refused' ? outcome.refusal : undefined;
  deps.logger.info({ userId: ctx.from?.id, url: link.url, status: outcome.status, refusal }, 'add link');
  await message.finish(linkText(t, outcome, link.url));
}

function linkText(t: Strings, outcome: AddLinkOutcome, url: string): string {
  if (outcome.status === 'refused') return t.link.refused(outcome.refusal.reason, url);
  if (outcome.status === 'busy') return t.busy;
  if (outcome.status === 'rejected') return rejectionText(t, outcome.rejection);
  return t.uploadAdded(outcome.document.title, outcome.document.passages, outcome.seconds);
}

/** A scan, a password or a zip bomb is worded in the admin's language; other rejections keep the port's message, escaped. */
export function rejectionText(t: Strings, rejection: Rejection): string {
  return t.link.rejected(rejection.reason) ?? escapeHtml(rejection.message);
}
