import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import type { Answer } from '../../src/answer/answer.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { corpusAdmin, openQantar, questionService } from '../../src/main.js';
import { createBot } from '../../src/telegram/createBot.js';
import { openUsageLog } from '../../src/usage/openUsageLog.js';
import type { UsageLog } from '../../src/usage/usageLog.js';
import { latencySummary, round } from './measure.js';

/**
 * The question log's cost: answer latency through the bot's handler (update in, reply sent) at the
 * seed corpus with the log on and off (interleaved, so machine noise hits both alike), and the
 * database size per 10,000 logged questions. `npx tsx scripts/bench/questionLog.ts [rounds]`; prints JSON.
 */
const rounds = Number(process.argv[2] ?? 10);
const temp = mkdtempSync(path.join(tmpdir(), 'qantar-logbench-'));
const env = (dbName: string) => ({ INDEX_DIR: path.join(temp, 'index'), DATABASE_PATH: path.join(temp, dbName), LOG_LEVEL: 'silent' as const, LOG_SALT: 'bench-salt-0123456789' });
const config = loadConfig(env('latency.db'));
const qantar = await openQantar(config);
const embed = (texts: readonly string[]) => qantar.embedder.embed(texts, 'query');
const questions = (JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/eval-questions.json'), 'utf8')) as { questions: Array<{ question: string }> }).questions.map((q) => q.question);

function bot(usage: UsageLog | undefined) {
  const { bot } = createBot({
    token: '1:bench',
    services: questionService(qantar),
    admin: corpusAdmin(qantar),
    adminIds: [],
    limits: { maxQuestionLength: 500, maxUploadBytes: 1 << 20, rateLimitPerMinute: 1_000_000 },
    logger: pino({ level: 'silent' }),
    botInfo: { id: 1, is_bot: true, first_name: 'B', username: 'BenchBot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true } as never,
    usage,
  });
  bot.api.config.use(async (_prev, method, payload) => ({ ok: true, result: method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: (payload as { chat_id: number }).chat_id, type: 'private' } } : true }) as never);
  return bot;
}

let updateId = 0;
function update(text: string, userId: number): Update {
  const from = { id: userId, is_bot: false, first_name: 'U', language_code: 'en' };
  return { update_id: ++updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: 'private', first_name: 'U' }, from, text } } as Update;
}

async function latency(): Promise<Record<'on' | 'off', { p50: number; p95: number; p99: number }>> {
  const usage = openUsageLog(config, embed);
  const bots = { on: bot(usage), off: bot(undefined) };
  const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
  for (let round = 0; round <= rounds; round++) {
    for (const [i, question] of questions.entries()) {
      const order = (round + i) % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const mode of order) {
        const started = performance.now();
        await bots[mode].handleUpdate(update(question, 1000 + i));
        if (round > 0) times[mode].push(performance.now() - started);
        // The log writes after the reply has gone out: let it, so it is not charged to the next update.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  usage?.close();
  const summary = (values: number[]) => Object.fromEntries(Object.entries(latencySummary(values)).map(([k, v]) => [k, round(v, 2)])) as { p50: number; p95: number; p99: number };
  return { on: summary(times.on), off: summary(times.off) };
}

async function sizePer10k(): Promise<{ rows: number; bytesBeforeCheckpoint: number; bytesAfterClose: number; insertMs: number }> {
  const sizeConfig = loadConfig(env('size.db'));
  const usage = openUsageLog(sizeConfig, embed) as UsageLog;
  const answers: Answer[] = [];
  for (const question of questions) answers.push(await qantar.ask(question));
  const started = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const answer = answers[i % answers.length] as Answer;
    const id = usage.recordQuestion({ at: Date.now() - i * 60_000, userId: 10_000 + (i % 700), chatId: 10_000 + (i % 700), chatType: i % 5 ? 'private' : 'supergroup', languageCode: 'en', question: answer.question, answer, latencyMs: 5 + (i % 7) });
    if (id !== undefined && answer.answered && i % 10 === 0) usage.vote({ questionId: id, userId: 10_000 + (i % 700), chatId: 10_000 + (i % 700), vote: i % 20 ? 'up' : 'down', at: Date.now() });
  }
  const insertMs = performance.now() - started;
  const file = sizeConfig.databasePath;
  const bytes = () => statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  const bytesBeforeCheckpoint = bytes();
  usage.close();
  return { rows: 10_000, bytesBeforeCheckpoint, bytesAfterClose: bytes(), insertMs: round(insertMs, 1) };
}

try {
  const result = { questions: questions.length, rounds, latencyMs: await latency(), size: await sizePer10k() };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
