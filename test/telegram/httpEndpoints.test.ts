// The package's default export is typed as an ES default but is CommonJS; the class module imports cleanly.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/telegram/startBot.js';
import { freePort } from './fileServer.js';
import { FakeAdmin, FakeServices } from './harness.js';

/** /healthz and /metrics of the started bot, in both modes, against the local Bot API emulator. */
const TOKEN = '515151:ops-token';
let server: TelegramServer;

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
});

async function startOn(env: Record<string, string>, port?: number) {
  port ??= await freePort();
  const config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.config.apiURL, PORT: String(port), LOG_LEVEL: 'silent', ...env });
  const bot = await startBot({ config, services: new FakeServices(), admin: new FakeAdmin() });
  return { bot, url: (path: string) => `http://127.0.0.1:${port}${path}` };
}

describe('health and metrics while long polling', () => {
  it('serves /healthz and /metrics on PORT, counts the questions, and closes the port on stop', async () => {
    const { bot, url } = await startOn({});
    try {
      const health = await fetch(url('/healthz'));
      expect([health.status, await health.text()]).toEqual([200, 'ok']);
      const before = await fetch(url('/metrics'));
      expect(before.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await before.text()).toMatch(/^qantar_index_passages 53$/m);

      const client = server.getClient(TOKEN, { userId: 61, chatId: 61, timeout: 10_000, interval: 50 });
      await client.sendMessage(client.makeMessage('How many people were detained?'));
      expect((await client.getUpdates()).result).toHaveLength(1);
      const after = await (await fetch(url('/metrics'))).text();
      expect(after).toContain('qantar_questions_total{outcome="answered",language="en",chat_type="private"} 1');
      expect((await fetch(url('/anything-else'))).status).toBe(404);
    } finally {
      await bot.stop();
    }
    await expect(fetch(url('/healthz'))).rejects.toThrow();
  }, 30_000);

  it('with METRICS=off opens no port at all', async () => {
    const { bot, url } = await startOn({ METRICS: 'off' });
    try {
      await expect(fetch(url('/metrics'))).rejects.toThrow();
      await expect(fetch(url('/healthz'))).rejects.toThrow();
    } finally {
      await bot.stop();
    }
  }, 30_000);
});

describe('health and metrics in webhook mode', () => {
  it('serves /metrics next to the webhook, and with METRICS=off keeps /healthz but not /metrics', async () => {
    for (const [metrics, status] of [['on', 200], ['off', 404]] as const) {
      const port = await freePort();
      const { bot, url } = await startOn({ METRICS: metrics, WEBHOOK_URL: `http://127.0.0.1:${port}/hook` }, port);
      try {
        expect(await (await fetch(url('/healthz'))).text()).toBe('ok');
        expect((await fetch(url('/metrics'))).status).toBe(status);
      } finally {
        await bot.stop();
      }
    }
  }, 30_000);
});
