import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';

/**
 * Telegram's update queue in front of the Bot API emulator (telegram-test-api), which forgets an
 * update once it has served it. Here `getUpdates` behaves as Telegram documents: an update stays
 * queued until a later call's `offset` confirms it. Every other method is passed to the emulator.
 * `holdReplies` lets a test kill the bot while replies are in flight: Telegram (the emulator) has
 * them, but the bot never hears back.
 */
export interface TelegramFront {
  apiRoot: string;
  /** Queues updates as if users had sent them. */
  push(updates: readonly Update[]): void;
  /** sendMessage calls that have arrived (each is passed to the emulator). */
  readonly forwardedReplies: number;
  /** From now on, sendMessage calls still reach the emulator, but their answers are held (until `release`). */
  holdReplies(): void;
  /** Drops the held answers (their caller is dead) and stops holding. */
  release(): void;
  /** The next sendMessage calls fail with these errors, one each, without reaching the emulator. */
  failReplies(errors: ReadonlyArray<{ code: number; retryAfter?: number }>): void;
  /** Puts back the last batch served, as Telegram does when its confirmation never arrived. */
  redeliverLastBatch(): number;
  /** How many times each update id was served. */
  deliveries: Map<number, number>;
  queued(): number;
  close(): Promise<void>;
}

export async function startTelegramFront(emulatorRoot: string): Promise<TelegramFront> {
  let queue: Update[] = [];
  let lastBatch: Update[] = [];
  let forwardedReplies = 0;
  let holding = false;
  const held: ServerResponse[] = [];
  const failures: Array<{ code: number; retryAfter?: number }> = [];
  const deliveries = new Map<number, number>();

  async function getUpdates(body: { offset?: number; limit?: number; timeout?: number }, res: ServerResponse): Promise<void> {
    const offset = body.offset ?? 0;
    if (offset > 0) queue = queue.filter((update) => update.update_id >= offset);
    const deadline = Date.now() + Math.min((body.timeout ?? 0) * 1000, 500);
    while (queue.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const batch = queue.slice(0, body.limit ?? 100);
    if (batch.length > 0) lastBatch = batch;
    for (const update of batch) deliveries.set(update.update_id, (deliveries.get(update.update_id) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: batch }));
  }

  async function forward(req: IncomingMessage, raw: Buffer, res: ServerResponse, hold = false): Promise<void> {
    const response = await fetch(`${emulatorRoot}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: req.method === 'GET' ? undefined : new Uint8Array(raw),
    });
    const text = await response.text();
    if (hold) return void held.push(res);
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(text);
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = (req.url ?? '').split('/').pop();
    try {
      if (method === 'getUpdates') return await getUpdates(raw.length > 0 ? JSON.parse(raw.toString()) : {}, res);
      if (method !== 'sendMessage') return await forward(req, raw, res);
      const failure = failures.shift();
      if (failure) return void res.writeHead(failure.code, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody(failure)));
      forwardedReplies += 1;
      await forward(req, raw, res, holding);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    push: (updates) => void queue.push(...updates),
    get forwardedReplies() {
      return forwardedReplies;
    },
    holdReplies: () => void (holding = true),
    release: () => {
      holding = false;
      for (const res of held.splice(0)) res.destroy();
    },
    failReplies: (errors) => void failures.push(...errors),
    redeliverLastBatch: () => {
      const missing = lastBatch.filter((update) => !queue.some((queued) => queued.update_id === update.update_id));
      queue = [...missing, ...queue].sort((a, b) => a.update_id - b.update_id);
      return missing.length;
    },
    deliveries,
    queued: () => queue.length,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function errorBody({ code, retryAfter }: { code: number; retryAfter?: number }) {
  const description = code === 429 ? `Too Many Requests: retry after ${retryAfter}` : 'Internal Server Error';
  return { ok: false, error_code: code, description, ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }) };
}
