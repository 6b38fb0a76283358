import { pino, type Logger } from 'pino';
import { type Config, requireBotToken } from '../config.js';
import { timedAdmin } from './botMetrics.js';
import { registerCommands } from './commands.js';
import { type QantarBot, createBot } from './createBot.js';
import { Dispatcher } from './dispatch.js';
import type { InboxCounts } from './inbox.js';
import { type OpenInbox, type RunningInbox, startInbox } from './inboxLifecycle.js';
import { startPolling } from './polling.js';
import type { CorpusAdmin, QuestionService } from './services.js';
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
  /** Opens the durable inbox's store (undefined with INBOX=off); a failure to open is logged, not fatal. */
  openInbox?: OpenInbox;
}

/**
 * Starts the bot with long polling, or as a webhook server when WEBHOOK_URL is set. SIGINT and
 * SIGTERM stop taking updates, let questions in flight finish, call `onStopped`, then exit.
 */
export async function startBot(options: StartBotOptions): Promise<{ stop(): Promise<void> }> {
  const { config } = options;
  const logger = pino({ level: config.logLevel, base: { service: 'qantar-bot' } });
  const usageLog = startUsageLog(options.openUsage, logger);
  let running: RunningInbox | undefined;
  const metrics = config.metrics ? await prometheusMetrics(options.services, () => running?.inbox.counts) : undefined;
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
  const inbox = (running = startInbox(options.openInbox, qantar.bot.botInfo.id, logger));
  const dispatcher = new Dispatcher(qantar.bot, inbox.inbox, logger);
  // Updates left unfinished by a crash are handled first, before new ones are taken.
  const recovered = await dispatcher.recover();
  if (options.openInbox) qantar.counters.recovered = recovered;
  const transport = config.webhook
    ? await startWebhook(qantar, inbox.inbox, dispatcher, config.webhook, logger, metrics)
    : await startPolling(qantar, inbox.inbox, dispatcher, logger, metrics && { port: config.port, metrics });
  logger.info({ username: qantar.bot.botInfo.username, mode: config.webhook ? 'webhook' : 'polling', recovered }, 'bot started');

  let stopping: Promise<void> | undefined;
  const onStopped = async () => {
    await options.onStopped?.();
    usageLog.stop();
    inbox.stop();
  };
  const stop = () => (stopping ??= shutdown(qantar, transport, logger, onStopped).finally(() => removeSignals()));
  const removeSignals = handleSignals(stop, logger);
  return { stop };
}

/** prom-client is loaded only when metrics are on. */
async function prometheusMetrics(services: QuestionService, inbox: () => InboxCounts | undefined): Promise<PrometheusMetrics> {
  const { createPrometheusMetrics } = await import('./metrics.js');
  return createPrometheusMetrics({ passages: () => services.stats().passages }, inbox);
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
