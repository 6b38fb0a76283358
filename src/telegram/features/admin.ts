import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { formatList } from '../format.js';
import type { StatsView } from '../i18n.js';
import { progressOptions, progressReporter, sendProgress } from '../progress.js';
import { adminOnly } from './adminGuard.js';
import { adminReportsFeature, persistedTotals } from './adminReports.js';
import { removeFeature } from './adminRemove.js';
import { uploadFeature } from './adminUpload.js';

/** Commands registered for admins (setMyCommands) and guarded here. */
export const ADMIN_COMMANDS = ['reindex', 'docs', 'remove', 'stats', 'unanswered', 'feedback'] as const;

/** Corpus administration and reports: /reindex, /docs, /remove, /stats, /unanswered, /feedback and uploads, all behind `adminOnly`. */
export function adminFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('reindex', adminOnly(deps, 'reindex'), (ctx) => startReindex(ctx, deps));
  composer.command('docs', adminOnly(deps, 'docs'), async (ctx) => {
    const documents = deps.services.documents();
    const messages = documents.length === 0 ? [ctx.t.noDocuments] : formatList(ctx.t.docsHeader(documents.length), documents.map(ctx.t.docsLine));
    for (const text of messages) await ctx.reply(text, { parse_mode: 'HTML' });
  });
  composer.command('stats', adminOnly(deps, 'stats'), async (ctx) => {
    await ctx.reply(ctx.t.stats({ ...statsView(deps), totals: await persistedTotals(deps) }), { parse_mode: 'HTML' });
  });
  composer.use(adminReportsFeature(deps));
  composer.use(removeFeature(deps));
  composer.use(uploadFeature(deps));
  return composer;
}

/**
 * Sends the progress message, then runs the reindex in the background: the handler returns at once,
 * so this chat's later updates and everyone's questions are not held up behind a long rebuild.
 */
async function startReindex(ctx: BotContext, deps: FeatureDeps): Promise<void> {
  if (deps.admin.busy) {
    await ctx.reply(ctx.t.busy, { parse_mode: 'HTML' });
    return;
  }
  const { t } = ctx;
  const message = await sendProgress(ctx, t.reindexStarting, progressOptions(deps));
  deps.background.run(
    'reindex',
    async () => {
      const outcome = await deps.admin.reindex(progressReporter(message, t, deps.now));
      await message.finish(outcome.status === 'busy' ? t.busy : t.reindexDone(outcome));
    },
    () => message.finish(t.apology),
  );
}

function statsView(deps: FeatureDeps): Omit<StatsView, 'totals'> {
  const stats = deps.services.stats();
  return {
    documents: stats.documents,
    passages: stats.passages,
    modelId: stats.modelId,
    builtAt: readableInstant(stats.builtAt),
    uptimeSeconds: (deps.now() - deps.startedAt) / 1000,
    answered: deps.counters.answered,
    probably: deps.counters.probably,
    abstained: deps.counters.abstained,
  };
}

/** "2022-01-20 10:15 UTC" from an ISO time; anything unparseable is shown as given. */
function readableInstant(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
