import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Update } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { openSqliteInbox } from '../../src/storage/sqliteInbox.js';
import { startBot } from '../../src/telegram/startBot.js';
import { type BotProcess, spawnBotProcess } from './botProcess.js';
import { freePort } from './fileServer.js';
import { FakeAdmin, FakeServices } from './harness.js';
import { type TelegramFront, startTelegramFront } from './telegramFront.js';

/**
 * The durable inbox through the real process: a few hundred questions, a SIGKILL while replies are
 * in flight, a restart, and then every question must have exactly one reply. Telegram's side is the
 * Bot API emulator behind `telegramFront` (which keeps updates until their offset confirms them, and
 * can hold replies so the kill lands while some are unsent); in webhook mode the test posts the
 * updates itself and, like Telegram, retries each until it gets 200.
 */
const TOKEN = '454545:e2e-inbox-token';
const SECRET = 'inbox-secret';
const QUESTIONS = 240;
/** Replies let through before the rest are held and the bot is killed. */
const BEFORE_KILL = 40;
let emulator: TelegramServer;
let temp: string;

beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
  temp = await mkdtemp(path.join(tmpdir(), 'qantar-e2e-inbox-'));
  await cp(path.join(projectRoot, 'corpus'), path.join(temp, 'corpus'), { recursive: true });
});

afterAll(async () => {
  await emulator?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

type Running = BotProcess & { port: number };

async function startBotProcess(front: TelegramFront, database: string, port: number, webhook = false): Promise<Running> {
  const bot = spawnBotProcess({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: front.apiRoot,
    CORPUS_DIR: path.join(temp, 'corpus'),
    INDEX_DIR: path.join(temp, 'index'),
    DATABASE_PATH: database,
    QUESTION_LOG: 'on',
    LOG_SALT: '',
    INBOX: 'on',
    WEBHOOK_URL: webhook ? `http://127.0.0.1:${port}/hook` : '',
    WEBHOOK_SECRET: SECRET,
    ADMIN_IDS: '',
    PORT: String(port),
    METRICS: 'on',
  });
  await vi.waitFor(() => expect(bot.output()).toContain('"msg":"bot started"'), { timeout: 60_000, interval: 50 });
  return { ...bot, port };
}

async function stopGracefully(bot: Running): Promise<void> {
  bot.child.kill('SIGTERM');
  expect(await bot.exited, bot.output()).toBe(0);
}

let nextUpdateId = 1000;
function questions(count: number, firstChat: number): Update[] {
  return Array.from({ length: count }, (_, i) => {
    const chat = firstChat + i;
    const text = i % 2 === 0 ? 'How many people were detained?' : `Who won the World Cup number ${i}?`;
    const update_id = nextUpdateId++;
    return {
      update_id,
      message: {
        message_id: update_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: 'private', first_name: 'U' },
        from: { id: chat, is_bot: false, first_name: 'U', language_code: 'en' },
        text,
      },
    } as Update;
  });
}

/** Replies the emulator received, per chat. */
function repliesPerChat(chats: readonly number[]): Map<number, number> {
  const counts = new Map(chats.map((chat) => [chat, 0]));
  for (const stored of emulator.storage.botMessages) {
    const chat = Number((stored.message as { chat_id: number | string }).chat_id);
    if (stored.botToken === TOKEN && counts.has(chat)) counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}

/** Rows of the inbox by state: `received` (not yet replying), `replying` and `done`. */
function inboxStates(database: string): Record<string, number> {
  if (!existsSync(database)) return {};
  const db = new Database(database, { readonly: true });
  try {
    const rows = db.prepare('SELECT state, count(*) AS n FROM inbox GROUP BY state').all() as Array<{ state: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  } finally {
    db.close();
  }
}

async function metric(bot: Pick<Running, 'port'>, name: string): Promise<number> {
  const body = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.slice(name.length + 1) ?? Number.NaN);
}

/**
 * Once BEFORE_KILL replies have gone out, the bot's answers are held (Telegram has the replies, the
 * bot does not know) and the second wave of questions is sent. The bot is killed at a moment when
 * questions are in the inbox not yet replied to and every reply it has started has reached
 * Telegram: frozen with SIGSTOP, checked, and killed, or thawed and tried again. (A reply cut off
 * between the bot and Telegram by the kill is not sent again; the README says so. The freeze keeps
 * that window out of this test.)
 */
async function killMidFlight(bot: Running, front: TelegramFront, database: string, secondWave: () => unknown): Promise<void> {
  await vi.waitFor(() => expect(front.forwardedReplies).toBeGreaterThanOrEqual(BEFORE_KILL), { timeout: 60_000, interval: 5 });
  front.holdReplies();
  const sending = secondWave();
  for (let attempt = 0; ; attempt++) {
    bot.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const states = inboxStates(database);
    if ((states.received ?? 0) > 0 && (states.replying ?? 0) + (states.done ?? 0) === front.forwardedReplies) break;
    expect(attempt, 'no moment with questions waiting and no reply between the bot and Telegram').toBeLessThan(1000);
    bot.child.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  bot.child.kill('SIGKILL');
  expect(await bot.exited).toBeNull();
  front.release();
}

/** Once every chat has a reply and the inbox is empty, waits a little longer for any duplicate. */
async function expectEachAnsweredOnce(bot: Pick<Running, 'port' | 'output'>, chats: readonly number[]): Promise<void> {
  await vi.waitFor(() => expect([...repliesPerChat(chats).values()].filter((n) => n === 0)).toHaveLength(0), { timeout: 60_000, interval: 100 });
  await vi.waitFor(async () => expect(await metric(bot, 'qantar_inbox_pending')).toBe(0), { timeout: 10_000, interval: 50 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const counts = [...repliesPerChat(chats).values()];
  expect(counts.filter((n) => n !== 1), bot.output()).toEqual([]);
}

describe('SIGKILL with questions in flight, then a restart', () => {
  it('long polling: every question is answered exactly once', async () => {
    const front = await startTelegramFront(emulator.config.apiURL);
    const database = path.join(temp, 'polling.db');
    const updates = questions(QUESTIONS, 100_000);
    const chats = updates.map((u) => u.message?.chat.id ?? 0);
    try {
      front.push(updates.slice(0, QUESTIONS / 2));
      const first = await startBotProcess(front, database, await freePort());
      await killMidFlight(first, front, database, () => front.push(updates.slice(QUESTIONS / 2)));
      // The last batch was written to the inbox but, as far as Telegram knows, never confirmed (if a
      // later call confirmed it, that confirmation is lost here): it is delivered again.
      front.redeliverLastBatch();

      const second = await startBotProcess(front, database, await freePort());
      try {
        const recovered = Number(/"recovered":(\d+),"msg":"bot started"/.exec(second.output())?.[1]);
        expect(recovered).toBeGreaterThan(0);
        expect(second.output()).toMatch(/"updates":\d+,"msg":"replies were on their way when the bot stopped; not sent again"/);
        await expectEachAnsweredOnce(second, chats);
        expect(await metric(second, 'qantar_inbox_recovered_total')).toBe(recovered);
        expect([...front.deliveries.values()].some((n) => n > 1)).toBe(true);
      } finally {
        await stopGracefully(second);
      }
    } finally {
      await front.close();
    }
  }, 180_000);

  it('webhook: every question is answered exactly once, and redelivered posts are acknowledged, not answered', async () => {
    const front = await startTelegramFront(emulator.config.apiURL);
    const database = path.join(temp, 'webhook.db');
    const port = await freePort();
    const updates = questions(QUESTIONS, 200_000);
    const chats = updates.map((u) => u.message?.chat.id ?? 0);
    try {
      const first = await startBotProcess(front, database, port, true);
      let delivering = deliverLikeTelegram(port, updates.slice(0, QUESTIONS / 2));
      await killMidFlight(first, front, database, () => (delivering = delivering.then(() => deliverLikeTelegram(port, updates.slice(QUESTIONS / 2)))));
      const second = await startBotProcess(front, database, port, true);
      try {
        await delivering;
        await expectEachAnsweredOnce(second, chats);
        // Telegram may post an update again when it missed the 200: it is acknowledged and skipped.
        await deliverLikeTelegram(port, updates);
        await expectEachAnsweredOnce(second, chats);
      } finally {
        await stopGracefully(second);
      }
    } finally {
      await front.close();
    }
  }, 180_000);
});

describe('a locked database', () => {
  it('keeps answers flowing from memory, logs once and counts the failed writes', async () => {
    const front = await startTelegramFront(emulator.config.apiURL);
    const database = path.join(temp, 'locked.db');
    const bot = await startBotProcess(front, database, await freePort());
    const other = new Database(database);
    try {
      other.exec('BEGIN EXCLUSIVE');
      const updates = questions(60, 300_000);
      front.push(updates);
      await expectEachAnsweredOnce(bot, updates.map((u) => u.message?.chat.id ?? 0));
      expect(await metric(bot, 'qantar_inbox_write_failures_total')).toBeGreaterThan(0);
      expect(bot.output().match(/inbox write failed/g)).toHaveLength(1);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await stopGracefully(bot);
      await front.close();
    }
  }, 120_000);
});

describe('flood limits and server errors with the inbox on (in process)', () => {
  it('300 users while sendMessage fails 25 times with 429 and 15 times with 500: each answered exactly once', async () => {
    const front = await startTelegramFront(emulator.config.apiURL);
    const database = path.join(temp, 'flood.db');
    const port = await freePort();
    const config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: front.apiRoot, LOG_LEVEL: 'silent', PORT: String(port), DATABASE_PATH: database });
    const bot = await startBot({ config, services: new FakeServices(), admin: new FakeAdmin(), openInbox: () => openSqliteInbox(database) });
    const updates = questions(300, 400_000);
    const chats = updates.map((u) => u.message?.chat.id ?? 0);
    try {
      front.failReplies([...Array.from({ length: 25 }, () => ({ code: 429, retryAfter: 1 })), ...Array.from({ length: 15 }, () => ({ code: 500 }))]);
      front.push(updates);
      await expectEachAnsweredOnce({ port, output: () => '' }, chats);
      expect(await metric({ port }, 'qantar_telegram_api_errors_total{method="sendMessage",code="429"}')).toBe(25);
      expect(await metric({ port }, 'qantar_telegram_api_errors_total{method="sendMessage",code="500"}')).toBe(15);
    } finally {
      await bot.stop();
      await front.close();
    }
    expect(openSqliteInbox(database).pending(Number(TOKEN.split(':')[0]))).toEqual([]);
  }, 120_000);
});

/** Posts every update to the webhook, 20 at a time, each retried until it is answered 200. */
async function deliverLikeTelegram(port: number, updates: readonly Update[]): Promise<void> {
  const queue = [...updates];
  const post = async (update: Update) => {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let update = queue.shift(); update; update = queue.shift()) await post(update);
    }),
  );
}
