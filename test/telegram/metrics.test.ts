import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { countApiErrors, timedAdmin } from '../../src/telegram/botMetrics.js';
import { createBot } from '../../src/telegram/createBot.js';
import { createPrometheusMetrics } from '../../src/telegram/metrics.js';
import { BOT_INFO, FakeAdmin, FakeServices, TOKEN, HEDGED, captureLogger, createHarness } from './harness.js';
import { NOW_SECONDS, textUpdate, user } from './updates.js';

const metricsFor = (passages = 53) => createPrometheusMetrics({ passages: () => passages });
const text = async (metrics: ReturnType<typeof metricsFor>) => (await metrics.render()).body;

describe('Prometheus metrics of the bot', () => {
  it('counts questions asked through the bot by outcome, interface language and chat type, with their latency', async () => {
    const metrics = metricsFor();
    const h = createHarness({ metrics });
    await h.send(textUpdate('How many people were detained?'));
    await h.send(textUpdate('What is the capital of France?', { from: user(1002, 'ru') }));
    await h.send(textUpdate('/ask How many people were detained?', { chat: 'group' }));
    await h.send(textUpdate(HEDGED.question, { from: user(1003, 'kk') }));
    await h.background.settled();
    expect(h.sent()).toHaveLength(4);

    const body = await text(metrics);
    expect(body).toContain('qantar_questions_total{outcome="answered",language="en",chat_type="private"} 1');
    expect(body).toContain('qantar_questions_total{outcome="not-covered",language="ru",chat_type="private"} 1');
    expect(body).toContain('qantar_questions_total{outcome="answered",language="en",chat_type="group"} 1');
    expect(body).toContain('qantar_questions_total{outcome="probably",language="kk",chat_type="private"} 1');
    expect(body).toMatch(/^qantar_answer_duration_seconds_count 4$/m);
    expect(body).toMatch(/^qantar_answer_duration_seconds_bucket\{le="\+Inf"\} 4$/m);
  });

  it('reports the passages of the current index at scrape time, and the default process metrics', async () => {
    let passages = 53;
    const metrics = createPrometheusMetrics({ passages: () => passages });
    expect(await text(metrics)).toMatch(/^qantar_index_passages 53$/m);
    passages = 60;
    const body = await text(metrics);
    expect(body).toMatch(/^qantar_index_passages 60$/m);
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect((await metrics.render()).contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('times completed index changes by kind and ignores refused ones', async () => {
    const metrics = metricsFor();
    const admin = timedAdmin(new FakeAdmin(), metrics);
    await admin.reindex();
    await admin.removeDocument('acca-torture');
    await admin.removeDocument('no-such-document');
    const body = await text(metrics);
    expect(body).toContain('qantar_reindex_duration_seconds_sum{kind="reindex"} 3.14');
    expect(body).toContain('qantar_reindex_duration_seconds_count{kind="remove"} 1');
    expect(body).not.toContain('kind="add"');
  });
});

describe('Telegram API errors', () => {
  it('are counted by method and error code on the way through grammY', async () => {
    // A Bot API stand-in that accepts everything except sending messages (a user who blocked the bot).
    const server = createServer((req, res) => {
      const method = req.url?.split('/').pop();
      const body = method === 'sendMessage' ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } : { ok: true, result: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const metrics = metricsFor();
      const { bot, background } = createBot({
        token: TOKEN,
        apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        services: new FakeServices(),
        admin: new FakeAdmin(),
        adminIds: [],
        limits: { maxQuestionLength: 300, maxUploadBytes: 1000, rateLimitPerMinute: 100 },
        logger: captureLogger().logger,
        botInfo: BOT_INFO,
        now: () => NOW_SECONDS * 1000,
        metrics,
      });
      await bot.handleUpdate(textUpdate('How many people were detained?'));
      await background.settled();
      // The answer and then the apology both hit the 403; the typing indicator went through.
      const body = await text(metrics);
      expect(body).toContain('qantar_telegram_api_errors_total{method="sendMessage",code="403"} 2');
      expect(body).not.toContain('method="sendChatAction"');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('counts a request that got no response as "network" and still throws it', async () => {
    const metrics = metricsFor();
    const transformer = countApiErrors(metrics);
    const unreachable = async () => {
      throw new HttpError('Network request for \'getMe\' failed!', new Error('ECONNREFUSED'));
    };
    await expect(transformer(unreachable as never, 'getMe', {} as never)).rejects.toBeInstanceOf(HttpError);
    expect(await text(metrics)).toContain('qantar_telegram_api_errors_total{method="getMe",code="network"} 1');
  });
});
