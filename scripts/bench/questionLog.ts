import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Answer } from '../../src/answer/answer.js';
import { loadConfig } from '../../src/config.js';
import { openQantar } from '../../src/main.js';
import { openUsageLog } from '../../src/usage/openUsageLog.js';
import type { UsageLog } from '../../src/usage/usageLog.js';
import { benchBot as bot, questionUpdate as update, seedQuestions, summary } from './handlerBench.js';
import { round } from './measure.js';

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
const questions = seedQuestions();

async function latency(): Promise<Record<'on' | 'off', { p50: number; p95: number; p99: number }>> {
  const usage = openUsageLog(config, embed);
  const bots = { on: bot(qantar, usage), off: bot(qantar, undefined) };
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
