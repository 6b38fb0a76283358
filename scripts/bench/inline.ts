import type { UserFromGetMe } from 'grammy/types';
import type { CorpusAdmin, QuestionService } from '../../src/telegram/services.js';
import { latencySummary } from './measure.js';

export type InlineResult = { p95Ms: number; note?: undefined } | { p95Ms: null; note: string };

const BOT_INFO: UserFromGetMe = {
  id: 777, is_bot: true, first_name: 'Qantar', username: 'QantarBenchBot', can_join_groups: false,
  can_read_all_group_messages: false, supports_inline_queries: true, can_connect_to_business: false, has_main_web_app: false,
  has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false,
};

/** Corpus changes are not benchmarked here; the bot only needs something that says "busy". */
const IDLE_ADMIN: CorpusAdmin = {
  busy: false,
  reindex: async () => ({ status: 'busy' }),
  addDocument: async () => ({ status: 'busy' }),
  removeDocument: async () => ({ status: 'busy' }),
  addLink: async () => ({ status: 'busy' }),
};

/**
 * Inline-query latency through the real bot: `handleUpdate` with an inline_query update, every
 * outgoing API call captured by a transformer so nothing touches the network. Timed from update
 * to the captured answerInlineQuery, which is what a user waits for.
 */
export async function measureInline(services: QuestionService, questions: readonly string[]): Promise<InlineResult> {
  let createBot: typeof import('../../src/telegram/createBot.js').createBot;
  let pino: typeof import('pino').pino;
  try {
    ({ createBot } = await import('../../src/telegram/createBot.js'));
    ({ pino } = await import('pino'));
  } catch (error) {
    return { p95Ms: null, note: `not measured: src/telegram/createBot.ts could not be loaded (${firstLine(error)})` };
  }
  const answered: string[] = [];
  const { bot } = createBot({
    token: '123456:BENCH',
    services,
    admin: IDLE_ADMIN,
    adminIds: [],
    // Generous limits: the rate limiter must not drop benchmark queries.
    limits: { maxQuestionLength: 500, maxUploadBytes: 2 * 1024 * 1024, rateLimitPerMinute: 1_000_000 },
    logger: pino({ level: 'silent' }),
    botInfo: BOT_INFO,
  });
  bot.api.config.use(async (_previous, method, payload) => {
    if (method === 'answerInlineQuery') answered.push((payload as { inline_query_id: string }).inline_query_id);
    return { ok: true, result: true } as never;
  });
  const durations: number[] = [];
  for (const [i, query] of questions.entries()) {
    const started = performance.now();
    await bot.handleUpdate({
      update_id: i + 1,
      inline_query: { id: `q${i}`, from: { id: 10_000 + i, is_bot: false, first_name: 'Bench' }, query, offset: '', chat_type: 'sender' },
    });
    durations.push(performance.now() - started);
  }
  if (answered.length !== questions.length) {
    return { p95Ms: null, note: `not measured: the bot answered ${answered.length} of ${questions.length} inline queries` };
  }
  return { p95Ms: latencySummary(durations).p95 };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
