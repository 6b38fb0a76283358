import { run } from '@grammyjs/runner';
import { pino, type Logger } from 'pino';
import { type Config, requireBotToken } from '../config.js';
import { timedAdmin } from './botMetrics.js';
import { registerCommands } from './commands.js';
import { ALLOWED_UPDATES, type QantarBot, createBot } from './createBot.js';
import type { CorpusAdmin, QuestionService } from './services.js';
import { startHttpServer } from './httpServer.js';
import type { PrometheusMetrics } from './metrics.js';
import { type Transport, startWebhook } from './webhookServer.js';
import { type OpenUsageLog, startUsageLog } from './usageLifecycle.js';

export interface StartBotOptions {
  config: Config;
  services: QuestionService;
  admin: CorpusAdmin;
  /** Called after the bot has stopped and in-flight work is done: close the index, flush logs. */
  onStopped?: () => Promise<void>;
  /** Opens the question log (undefined when it is off); a failure to open is logged, not fatal. */
  openUsage?: OpenUsageLog;
}

/**
 * Starts the bot with long polling, or as a webhook server when WEBHOOK_URL is set. SIGINT and
 * SIGTERM stop taking updates, let questions in flight finish, call `onStopped`, then exit.
 */
export async function startBot(options: StartBotOptions): Promise<{ stop(): Promise<void> }> {
  const { config } = options;
  const logger = pino({ level: config.logLevel, base: { service: 'qantar-bot' } });
  const usageLog = startUsageLog(options.openUsage, logger);
  const metrics = config.metrics ? await prometheusMetrics(options.services) : undefined;
  const qantar = createBot({
    token: requireBotToken(config),
    apiRoot: config.telegramApiRoot,
    services: options.services,
    admin: metrics ? timedAdmin(options.admin, metrics) : options.admin,
    metrics,
    adminIds: config.adminIds,
    limits: { maxQuestionLength: config.maxQuestionLength, maxUploadBytes: config.maxUploadBytes, rateLimitPerMinute: config.rateLimitPerMinute },
    logger,
    usage: usageLog.usage,
  });
  // getMe first: a wrong token or API root fails here, at start, with a clear error.
  await qantar.bot.init();
  await registerCommands(qantar.bot.api, config.adminIds, logger);
  const transport = config.webhook
    ? await startWebhook(qantar, config.webhook, logger, metrics)
    : await startPolling(qantar, logger, metrics && { port: config.port, metrics });
  logger.info({ username: qantar.bot.botInfo.username, mode: config.webhook ? 'webhook' : 'polling' }, 'bot started');

  let stopping: Promise<void> | undefined;
  const onStopped = async () => {
    await options.onStopped?.();
    usageLog.stop();
  };
  const stop = () => (stopping ??= shutdown(qantar, transport, logger, onStopped).finally(() => removeSignals()));
  const removeSignals = handleSignals(stop, logger);
  return { stop };
}

/** prom-client is loaded only when metrics are on. */
async function prometheusMetrics(services: QuestionService): Promise<PrometheusMetrics> {
  const { createPrometheusMetrics } = await import('./metrics.js');
  return createPrometheusMetrics({ passages: () => services.stats().passages });
}

/** With `http`, /healthz and /metrics are served on its port while polling. */
async function startPolling({ bot }: QantarBot, logger: Logger, http?: { port: number; metrics: PrometheusMetrics }): Promise<Transport> {
  // getUpdates fails with 409 while a webhook is set, e.g. after switching back from webhook mode.
  await bot.api.deleteWebhook();
  const server = http && (await startHttpServer(http.port, { metrics: http.metrics }, logger));
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  // A bot that no longer polls is useless: exit so the supervisor restarts it.
  runner.task()?.catch((error: unknown) => {
    logger.fatal({ err: error }, 'polling stopped with an error');
    process.exit(1);
  });
  return {
    // Resolves once the middleware of updates already fetched has finished.
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      await server?.stop();
    },
  };
}

async function shutdown(qantar: QantarBot, transport: Transport, logger: Logger, onStopped?: () => Promise<void>): Promise<void> {
  logger.info({ inFlight: qantar.background.size }, 'stopping: no new updates, finishing work in flight');
  await transport.stop();
  await qantar.background.settled();
  await onStopped?.();
  logger.info('stopped');
}

/** First signal: graceful stop, then exit. A second one while stopping: exit at once. */
function handleSignals(stop: () => Promise<void>, logger: Logger): () => void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    received = true;
    logger.info({ signal }, 'signal received');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
