import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The package's default export is typed as an ES default but is CommonJS; the class module imports cleanly.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { startBot } from '../../src/telegram/startBot.js';
import { freePort } from './fileServer.js';
import { FakeAdmin, FakeServices } from './harness.js';

/**
 * End to end through telegram-test-api, a local Bot API emulator: the user's message goes into the
 * emulator, the bot fetches it over HTTP, and the reply is read back from the emulator.
 * The emulator implements only part of the Bot API (no setMyCommands, no sendChatAction); the bot
 * must shrug those failures off, which is part of what this checks.
 */
const TOKEN = '424242:e2e-token';
let server: TelegramServer;
let temp: string;

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  temp = await mkdtemp(path.join(tmpdir(), 'qantar-e2e-'));
  await cp(path.join(projectRoot, 'corpus'), path.join(temp, 'corpus'), { recursive: true });
});

afterAll(async () => {
  await server?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the real bot process against the Bot API emulator', () => {
  it('answers a question sent by a user, then shuts down gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: server.config.apiURL,
        CORPUS_DIR: path.join(temp, 'corpus'),
        INDEX_DIR: path.join(temp, 'index'),
        MODELS_DIR: path.join(projectRoot, 'models'),
        // The emulator numbers updates from 1 on every run: a database kept between runs would hold
        // them as done already, and the inbox would skip them as Telegram's redeliveries.
        DATABASE_PATH: path.join(temp, 'qantar.db'),
        WEBHOOK_URL: '',
        ADMIN_IDS: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = waitForExit(child);
    try {
      const client = server.getClient(TOKEN, { userId: 31, chatId: 31, timeout: 45_000, interval: 50 });
      await client.sendMessage(client.makeMessage('How many people were detained?'));
      const updates = await client.getUpdates();
      const reply = updates.result[0]?.message as { text: string; parse_mode: string } | undefined;
      expect(reply?.parse_mode, output).toBe('HTML');
      expect(reply?.text).toContain('<b>About two thousand</b>');
      expect(reply?.text).toContain('— Kazakhstan: President confirmed the fact of torture');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }, 60_000);
});

describe('webhook mode (in process) against the emulator', () => {
  it('accepts only posts with the secret token, serves /healthz, and replies through the API root', async () => {
    const hookPort = await freePort();
    const hook = `http://127.0.0.1:${hookPort}/telegram-hook`;
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      WEBHOOK_URL: hook,
      WEBHOOK_SECRET: 'e2e-secret',
      PORT: String(hookPort),
      LOG_LEVEL: 'silent',
    });
    let stopped = false;
    const bot = await startBot({ config, services: new FakeServices(), admin: new FakeAdmin(), onStopped: async () => void (stopped = true) });
    try {
      expect(await (await fetch(`http://127.0.0.1:${hookPort}/healthz`)).text()).toBe('ok');
      const update = {
        update_id: 9001,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 77, type: 'private', first_name: 'Web' },
          from: { id: 77, is_bot: false, first_name: 'Web', language_code: 'kk' },
          text: 'How many people were detained?',
        },
      };
      const post = (headers: Record<string, string>) =>
        fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
      expect((await post({})).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'e2e-secret' })).status).toBe(200);

      const client = server.getClient(TOKEN, { userId: 77, chatId: 77, timeout: 10_000, interval: 50 });
      const reply = (await client.getUpdates()).result[0]?.message as { text: string };
      expect(reply.text).toContain('<b>About two thousand</b>');
    } finally {
      await bot.stop();
    }
    expect(stopped).toBe(true);
    await expect(fetch(`http://127.0.0.1:${hookPort}/healthz`)).rejects.toThrow();
  }, 30_000);
});

describe('graceful shutdown (in process, polling)', () => {
  it('stops taking updates but finishes the question already in flight', async () => {
    const services = new FakeServices();
    let release!: () => void;
    services.gate = new Promise<void>((resolve) => (release = resolve));
    const config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, LOG_LEVEL: 'silent' });
    const bot = await startBot({ config, services, admin: new FakeAdmin() });
    const client = server.getClient(TOKEN, { userId: 88, chatId: 88, timeout: 10_000, interval: 50 });
    await client.sendMessage(client.makeMessage('How many people were detained?'));
    await vi.waitFor(() => expect(services.asked).toHaveLength(1), { timeout: 10_000, interval: 20 });

    let stopped = false;
    const stopping = bot.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    // The answer is still being computed, so stop() cannot have finished.
    expect(stopped).toBe(false);
    release();
    await stopping;
    const reply = (await client.getUpdates()).result[0]?.message as { text: string };
    expect(reply.text).toContain('<b>About two thousand</b>');
  }, 30_000);
});
