import { randomBytes } from 'node:crypto';
import { webhookCallback } from 'grammy';
import type { Logger } from 'pino';
import { ALLOWED_UPDATES, type QantarBot } from './createBot.js';
import { type MetricsSource, startHttpServer } from './httpServer.js';

export interface WebhookSettings {
  url: string;
  secret: string | undefined;
  port: number;
}

export interface Transport {
  stop(): Promise<void>;
}

/**
 * Serves Telegram's webhook on the path of WEBHOOK_URL, next to `/healthz` and `/metrics`.
 * Without a configured secret a random one is used, so the endpoint never accepts unsigned posts.
 */
export async function startWebhook({ bot }: QantarBot, settings: WebhookSettings, logger: Logger, metrics?: MetricsSource): Promise<Transport> {
  const secret = settings.secret ?? randomBytes(32).toString('hex');
  // 'return' answers Telegram in time and lets a slow update finish: a timeout answered with an
  // error would make Telegram deliver the same update again.
  const handle = webhookCallback(bot, 'http', { secretToken: secret, onTimeout: 'return', timeoutMilliseconds: 50_000 });
  const path = new URL(settings.url).pathname;
  const server = await startHttpServer(settings.port, { webhook: { path, handle }, metrics }, logger);
  try {
    await bot.api.setWebhook(settings.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
