import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { ALLOWED_UPDATES, type QantarBot } from './createBot.js';
import type { Dispatcher } from './dispatch.js';
import { type MetricsSource, type RequestHandler, startHttpServer } from './httpServer.js';
import type { DurableInbox } from './inbox.js';

export interface WebhookSettings {
  url: string;
  secret: string | undefined;
  port: number;
}

export interface Transport {
  stop(): Promise<void>;
}

/** Far above any update the bot asks for (messages of at most 4096 characters). */
const MAX_BODY_BYTES = 1024 * 1024;
/** Telegram waits about a minute for an answer; an update only in memory is answered within it. */
const IN_MEMORY_WAIT_MS = 50_000;

/**
 * Serves Telegram's webhook on the path of WEBHOOK_URL, next to `/healthz` and `/metrics`.
 * Without a configured secret a random one is used, so the endpoint never accepts unsigned posts.
 */
export async function startWebhook(
  { bot }: QantarBot,
  inbox: DurableInbox<Update>,
  dispatcher: Dispatcher,
  settings: WebhookSettings,
  logger: Logger,
  metrics?: MetricsSource,
): Promise<Transport> {
  const secret = settings.secret ?? randomBytes(32).toString('hex');
  const path = new URL(settings.url).pathname;
  const handle = webhookHandler(inbox, dispatcher, secret);
  const server = await startHttpServer(settings.port, { webhook: { path, handle }, metrics }, logger);
  try {
    await bot.api.setWebhook(settings.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    stop: async () => {
      await server.stop();
      await dispatcher.drain();
    },
  };
}

/**
 * Telegram retries a post until it gets 200, so 200 is sent only once the update is safe: written
 * to the inbox (then it is handled after the response), or, when the inbox cannot be written,
 * handled from memory first. A redelivered update is acknowledged and not handled again.
 */
function webhookHandler(inbox: DurableInbox<Update>, dispatcher: Dispatcher, secret: string): RequestHandler {
  return async (req, res) => {
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      res.writeHead(401).end('secret token is wrong');
      return;
    }
    const update = parseUpdate(await readBody(req));
    if (update === undefined) {
      res.writeHead(400).end('not an update');
      return;
    }
    const { fresh, durable } = inbox.admit([update]);
    const handling = Promise.all(fresh.map((u) => dispatcher.handle(u)));
    if (!durable) await withinMs(handling, IN_MEMORY_WAIT_MS);
    res.writeHead(200).end();
  };
}

function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseUpdate(body: string | undefined): Update | undefined {
  if (body === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    const id = (value as { update_id?: unknown } | null)?.update_id;
    return Number.isSafeInteger(id) ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

async function withinMs(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
