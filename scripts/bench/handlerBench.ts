import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { projectRoot } from '../../src/config.js';
import { type Qantar, corpusAdmin, questionService } from '../../src/main.js';
import { createBot } from '../../src/telegram/createBot.js';
import type { UsageLog } from '../../src/usage/usageLog.js';
import { latencySummary, round } from './measure.js';

/** What the handler benches share: the bot over the real core with a Bot API that answers at once, and the seed questions. */
export function benchBot(qantar: Qantar, usage: UsageLog | undefined) {
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

export function seedQuestions(): string[] {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/eval-questions.json'), 'utf8')) as { questions: Array<{ question: string }> }).questions.map((q) => q.question);
}

let updateId = 0;
export function questionUpdate(text: string, userId: number): Update {
  const from = { id: userId, is_bot: false, first_name: 'U', language_code: 'en' };
  return { update_id: ++updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: 'private', first_name: 'U' }, from, text } } as Update;
}

export type Percentiles = { p50: number; p95: number; p99: number };

export const summary = (values: number[]): Percentiles => Object.fromEntries(Object.entries(latencySummary(values)).map(([k, v]) => [k, round(v, 2)])) as Percentiles;
