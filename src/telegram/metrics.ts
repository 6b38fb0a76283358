import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BotMetrics } from './botMetrics.js';
import { outcomeOf } from './botMetrics.js';

/** Read at scrape time, so the gauge follows reindexes without anyone updating it. */
export interface IndexSize {
  passages(): number;
}

export interface PrometheusMetrics extends BotMetrics {
  /** The text exposition format, and its content type for the HTTP response. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Latency buckets in seconds: warm answers take milliseconds, a cold or overloaded one seconds. */
const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const REINDEX_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 180, 600, 1800];

/** A registry of its own per bot, so tests (and two bots in one process) never share counts. */
export function createPrometheusMetrics(index: IndexSize): PrometheusMetrics {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const questions = new Counter({
    name: 'qantar_questions_total',
    help: 'Questions asked in chats, by outcome (answered, probably, or the reason for abstaining), interface language and chat type.',
    labelNames: ['outcome', 'language', 'chat_type'] as const,
    registers: [register],
  });
  const latency = new Histogram({
    name: 'qantar_answer_duration_seconds',
    help: 'Time to find the answer to a chat question, sending excluded.',
    buckets: ANSWER_BUCKETS,
    registers: [register],
  });
  const apiErrors = new Counter({
    name: 'qantar_telegram_api_errors_total',
    help: 'Failed Telegram Bot API calls by method and error code ("network" when there was no response).',
    labelNames: ['method', 'code'] as const,
    registers: [register],
  });
  new Gauge({
    name: 'qantar_index_passages',
    help: 'Passages in the index currently answering questions.',
    registers: [register],
    collect() {
      this.set(index.passages());
    },
  });
  const indexChanges = new Histogram({
    name: 'qantar_reindex_duration_seconds',
    help: 'Duration of completed index changes: a full reindex, or adding or removing one document.',
    labelNames: ['kind'] as const,
    buckets: REINDEX_BUCKETS,
    registers: [register],
  });
  return {
    question(answer, { language, chatType }, seconds) {
      questions.inc({ outcome: outcomeOf(answer), language, chat_type: chatType });
      latency.observe(seconds);
    },
    apiError: (method, code) => apiErrors.inc({ method, code }),
    indexChange: (kind, seconds) => indexChanges.observe({ kind }, seconds),
    render: async () => ({ contentType: register.contentType, body: await register.metrics() }),
  };
}
