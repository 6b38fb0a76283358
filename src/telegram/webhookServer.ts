import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { webhookCallback } from 'grammy';
import type { Logger } from 'pino';
import { ALLOWED_UPDATES, type QantarBot } from './createBot.js';

export interface WebhookSettings {
  url: string;
  secret: string | undefined;
  port: number;
}

export interface Transport {
  stop(): Promise<void>;
}

/**
 * Serves Telegram's webhook on the path of WEBHOOK_URL and `/healthz` for the platform's probes.
 * Without a configured secret a random one is used, so the endpoint never accepts unsigned posts.
 */
export async function startWebhook({ bot }: QantarBot, settings: WebhookSettings, logger: Logger): Promise<Transport> {
  const secret = settings.secret ?? randomBytes(32).toString('hex');
  // 'return' answers Telegram in time and lets a slow update finish: a timeout answered with an
  // error would make Telegram deliver the same update again.
  const handle = webhookCallback(bot, 'http', { secretToken: secret, onTimeout: 'return', timeoutMilliseconds: 50_000 });
  const path = new URL(settings.url).pathname;
  let stopping = false;
  const server = createServer((req, res) => {
    route(req, res, { path, stopping, handle, logger });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(settings.port, () => resolve());
  });
  await bot.api.setWebhook(settings.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  logger.info({ port: settings.port, path }, 'webhook server listening');
  return {
    async stop() {
      stopping = true;
      // Stop accepting; requests already in progress run to completion before `close` calls back.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}

interface RouteOptions {
  path: string;
  stopping: boolean;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  logger: Logger;
}

function route(req: IncomingMessage, res: ServerResponse, options: RouteOptions): void {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && pathname === '/healthz') {
    res.writeHead(options.stopping ? 503 : 200, { 'content-type': 'text/plain' }).end(options.stopping ? 'stopping' : 'ok');
    return;
  }
  if (req.method !== 'POST' || pathname !== options.path) {
    res.writeHead(404).end();
    return;
  }
  options.handle(req, res).catch((error: unknown) => {
    options.logger.error({ err: error }, 'webhook request failed');
    if (!res.headersSent) res.writeHead(500).end();
  });
}
