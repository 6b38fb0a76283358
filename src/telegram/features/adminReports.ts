import { Composer } from 'grammy';
import type { PeriodTotals, UsageLog } from '../../usage/usageLog.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { formatList } from '../format.js';
import { adminOnly } from './adminGuard.js';

const DEFAULT_DAYS = 7;
const MAX_DAYS = 3650;

/** "/unanswered 30" → 30; no argument → the default; anything else → undefined (show the usage). */
export function parseDays(argument: string): number | undefined {
  const text = argument.trim();
  if (text === '') return DEFAULT_DAYS;
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const days = Number(text);
  return days >= 1 && days <= MAX_DAYS ? days : undefined;
}

/** /unanswered and /feedback: what the question log says the documents fail at. Admins only, private chat. */
export function adminReportsFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('unanswered', adminOnly(deps, 'unanswered'), (ctx) =>
    report(ctx, deps, async (usage, days) => {
      const groups = await usage.unanswered(days, deps.now());
      return groups.length === 0 ? [ctx.t.unansweredNone(days)] : formatList(ctx.t.unansweredHeader(days), groups.map(ctx.t.unansweredLine));
    }),
  );
  composer.command('feedback', adminOnly(deps, 'feedback'), (ctx) =>
    report(ctx, deps, async (usage, days) => {
      const rated = usage.worstRated(days, deps.now());
      return rated.length === 0 ? [ctx.t.worstRatedNone(days)] : formatList(ctx.t.worstRatedHeader(days), rated.map(ctx.t.worstRatedLine));
    }),
  );
  return composer;
}

async function report(ctx: BotContext, deps: FeatureDeps, build: (usage: UsageLog, days: number) => Promise<string[]>): Promise<void> {
  const days = parseDays(typeof ctx.match === 'string' ? ctx.match : '');
  const { usage } = deps;
  let messages: string[] | undefined = [ctx.t.daysUsage(MAX_DAYS)];
  if (days !== undefined) messages = usage ? await readLog(deps, () => build(usage, days)) : undefined;
  for (const text of messages ?? [ctx.t.questionLogUnavailable]) await ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
}

/** A report the log cannot produce is logged and answered with a notice, not with a stack trace. */
async function readLog<T>(deps: FeatureDeps, read: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    deps.logger.error({ err: error }, 'question log read failed');
    return undefined;
  }
}

/** Persisted totals for /stats, or undefined when there is no log to read them from. */
export async function persistedTotals(deps: FeatureDeps): Promise<PeriodTotals | undefined> {
  const { usage } = deps;
  return usage ? readLog(deps, () => usage.totals(deps.now())) : undefined;
}
