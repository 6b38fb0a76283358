import { run } from '@grammyjs/runner';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { ALLOWED_UPDATES, type QantarBot } from './createBot.js';
import type { Dispatcher } from './dispatch.js';
import { type MetricsSource, startHttpServer } from './httpServer.js';
import type { DurableInbox } from './inbox.js';
import type { Transport } from './webhookServer.js';

/**
 * Long polling through grammY's runner, with the inbox in its fetch: each batch is written to the
 * inbox before `getUpdates` returns it, and the runner's next call, whose offset confirms the batch
 * to Telegram, comes only after that. Redelivered updates are fetched (so the offset moves past
 * them) but not handled. With `http`, /healthz and /metrics are served on its port.
 */
export async function startPolling(
  { bot }: QantarBot,
  inbox: DurableInbox<Update>,
  dispatcher: Dispatcher,
  logger: Logger,
  http?: { port: number; metrics: MetricsSource },
): Promise<Transport> {
  // getUpdates fails with 409 while a webhook is set, e.g. after switching back from webhook mode.
  await bot.api.deleteWebhook();
  const server = http && (await startHttpServer(http.port, { metrics: http.metrics }, logger));
  const admitted = new Set<number>();
  const source = {
    api: {
      getUpdates: async (args: { offset: number; limit: number; timeout: number }, signal: Parameters<Api['getUpdates']>[1]): Promise<Update[]> => {
        const updates = await bot.api.getUpdates(args, signal);
        for (const update of inbox.admit(updates).fresh) admitted.add(update.update_id);
        return updates;
      },
    },
    handleUpdate: async (update: Update) => {
      if (admitted.delete(update.update_id)) await dispatcher.handle(update);
    },
    errorHandler: (error: unknown) => logger.error({ err: error }, 'unhandled update error'),
  };
  const runner = run(source, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  // A bot that no longer polls is useless: exit so the supervisor restarts it.
  runner.task()?.catch((error: unknown) => {
    logger.fatal({ err: error }, 'polling stopped with an error');
    process.exit(1);
  });
  return {
    // Resolves once every update already fetched has been handled.
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      await dispatcher.drain();
      await server?.stop();
    },
  };
}
