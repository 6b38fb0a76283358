import { HttpError, type Transformer } from 'grammy';
import type { Answer } from '../answer/answer.js';
import type { CorpusAdmin } from './services.js';

/** Where a question came from: the asker's interface language and the chat type. */
export interface QuestionLabels {
  language: string;
  chatType: string;
}

/**
 * What the bot reports to operators. The Prometheus implementation is in metrics.ts, the only
 * module that imports prom-client; with METRICS=off the bot gets `noMetrics` and never loads it.
 */
export interface BotMetrics {
  question(answer: Answer, labels: QuestionLabels, seconds: number): void;
  /** `code` is Telegram's error_code, or "network" when the request got no answer. */
  apiError(method: string, code: string): void;
  indexChange(kind: IndexChangeKind, seconds: number): void;
}

export type IndexChangeKind = 'reindex' | 'add' | 'remove';

export const noMetrics: BotMetrics = {
  question: () => undefined,
  apiError: () => undefined,
  indexChange: () => undefined,
};

/** The outcome label: "answered", "probably", or the reason the bot abstained. */
export function outcomeOf(answer: Answer): string {
  if (answer.tier === 'answer') return 'answered';
  return answer.tier === 'probably' ? 'probably' : answer.reason;
}

/**
 * Counts every failed Bot API call. Installed under auto-retry, so a 429 that a retry later
 * got through is still counted: flood limits are what operators most need to see.
 */
export function countApiErrors(metrics: BotMetrics): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      if (!response.ok) metrics.apiError(method, String(response.error_code));
      return response;
    } catch (error) {
      if (error instanceof HttpError) metrics.apiError(method, 'network');
      throw error;
    }
  };
}

/** The same corpus changes, with the duration of each completed one reported. */
export function timedAdmin(admin: CorpusAdmin, metrics: BotMetrics): CorpusAdmin {
  const timed = <T extends { status: string; seconds?: number }>(kind: IndexChangeKind, outcome: T): T => {
    if (outcome.seconds !== undefined) metrics.indexChange(kind, outcome.seconds);
    return outcome;
  };
  return {
    get busy() {
      return admin.busy;
    },
    reindex: async (onProgress) => timed('reindex', await admin.reindex(onProgress)),
    addDocument: async (document, onProgress) => timed('add', await admin.addDocument(document, onProgress)),
    removeDocument: async (id, onProgress) => timed('remove', await admin.removeDocument(id, onProgress)),
  };
}
