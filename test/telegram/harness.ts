import type { Update, UserFromGetMe } from 'grammy/types';
import { pino, type Logger } from 'pino';
import type { Answer, Quote } from '../../src/answer/answer.js';
import { type CreateBotDeps, type QantarBot, createBot } from '../../src/telegram/createBot.js';
import type {
  AddDocumentOutcome,
  CorpusAdmin,
  DocumentSummary,
  NewDocument,
  Progress,
  QuestionService,
  ReindexOutcome,
  RemoveDocumentOutcome,
} from '../../src/telegram/services.js';

export const TOKEN = '123456:TEST-token';
export const ADMIN_ID = 42;
export const USER_ID = 1001;
export const BOT_INFO: UserFromGetMe = {
  id: 777,
  is_bot: true,
  first_name: 'Qantar',
  username: 'QantarBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export const DOCS: DocumentSummary[] = [
  { id: 'acca-torture', title: 'Torture of participants', publisher: 'ACCA', url: 'https://example.org/acca', date: '2022-12-21', passages: 13 },
  { id: 'hrw-report', title: 'Kazakhstan: Killings, Excessive Use of Force', publisher: 'HRW', url: null, date: null, passages: 40 },
];

export const SUGGESTIONS = ['How many people were detained?', 'How many people have been prosecuted?', 'How many people died?'];

export function quote(text: string, figures: string[] = [], extra: Partial<Quote> = {}): Quote {
  return { text, documentId: 'acca-torture', title: 'Torture of participants', publisher: 'ACCA', url: 'https://example.org/acca', start: 0, end: text.length, score: 0.9, figures, ...extra };
}

export function answered(question: string, lead: string, quotes: Quote[]): Answer {
  return { tier: 'answer', answered: true, question, lead, quotes, figures: quotes.flatMap((q) => q.figures) };
}

/** A "probably": the sentence shown under the hedge, not as an answer. */
export function probably(question: string, closest: Quote): Answer {
  return { tier: 'probably', answered: false, question, closest, suggestions: SUGGESTIONS };
}

export const DETAINED = answered('How many people were detained?', 'About two thousand people were detained', [
  quote('“About two thousand people were detained for various offenses during the January events.', ['About two thousand']),
  quote('Several hundred people have been prosecuted.', ['Several hundred'], { title: 'HRW report', publisher: null, url: null }),
]);

/** A question the fake core answers only with "probably". */
export const HEDGED = probably('Who looked into the torture cases?', quote('The Commissioner for Human Rights has been actively involved.'));

/** An in-memory QuestionService: known questions get canned answers (HEDGED a "probably"), the rest are "not covered". */
export class FakeServices implements QuestionService {
  readonly asked: string[] = [];
  answers = new Map<string, Answer>([
    [DETAINED.question, DETAINED],
    [HEDGED.question, HEDGED],
  ]);
  docs = DOCS;
  failNext = false;
  /** When set, `ask` waits for it: lets a test hold a question "in flight". */
  gate: Promise<void> | undefined;

  async ask(question: string): Promise<Answer> {
    this.asked.push(question);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('index exploded');
    }
    await this.gate;
    return this.answers.get(question) ?? { tier: 'not-covered', answered: false, question, reason: 'not-covered', suggestions: SUGGESTIONS };
  }
  documents(): DocumentSummary[] {
    return this.docs;
  }
  suggestions(limit: number): string[] {
    return SUGGESTIONS.slice(0, limit);
  }
  stats() {
    return { documents: 2, passages: 53, sentences: 120, modelId: 'bundled', builtAt: '2026-01-05T10:15:00.000Z' };
  }
}

const CHANGE = { documents: 2, passages: 53, embedded: 12, reused: 41, seconds: 3.14 };

/** A CorpusAdmin whose jobs the test drives: with `holdJobs`, a job stays running until `finishJob()`. */
export class FakeAdmin implements CorpusAdmin {
  busy = false;
  holdJobs = false;
  readonly calls: Array<{ method: string; arg?: unknown }> = [];
  /** The progress callback of the running job, for the test to call. */
  progress: Progress | undefined;
  addOutcome: AddDocumentOutcome = { status: 'added', document: { ...DOCS[0]!, id: 'new', title: 'New doc', passages: 42 }, ...CHANGE, seconds: 3.1 };
  #release: (() => void) | undefined;

  finishJob(): void {
    this.#release?.();
  }

  async reindex(onProgress?: Progress): Promise<ReindexOutcome> {
    this.calls.push({ method: 'reindex' });
    await this.#run(onProgress);
    return { status: 'done', ...CHANGE };
  }

  async addDocument(document: NewDocument, onProgress?: Progress): Promise<AddDocumentOutcome> {
    this.calls.push({ method: 'addDocument', arg: document });
    await this.#run(onProgress);
    return this.addOutcome;
  }

  async removeDocument(id: string, onProgress?: Progress): Promise<RemoveDocumentOutcome> {
    this.calls.push({ method: 'removeDocument', arg: id });
    await this.#run(onProgress);
    const document = DOCS.find((d) => d.id === id);
    return document ? { status: 'removed', document, ...CHANGE, documents: 1 } : { status: 'not-found' };
  }

  async #run(onProgress?: Progress): Promise<void> {
    this.progress = onProgress;
    if (!this.holdJobs) return;
    this.busy = true;
    await new Promise<void>((resolve) => (this.#release = resolve));
    this.busy = false;
  }
}

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
}

export class Clock {
  constructor(public ms = Date.UTC(2026, 0, 5, 12, 0, 0)) {}
  now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function captureLogger(): { logger: Logger; lines: Array<Record<string, any>> } {
  const lines: Array<Record<string, any>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

export interface Harness extends QantarBot {
  calls: ApiCall[];
  services: FakeServices;
  admin: FakeAdmin;
  clock: Clock;
  logLines: Array<Record<string, any>>;
  send(update: Update): Promise<void>;
  sent(method?: string): ApiCall[];
  texts(): string[];
}

/** A bot over fakes with every outgoing API call captured and answered with a plausible result. */
export function createHarness(overrides: Partial<CreateBotDeps> = {}): Harness {
  const services = new FakeServices();
  const admin = new FakeAdmin();
  const clock = new Clock();
  const { logger, lines } = captureLogger();
  const calls: ApiCall[] = [];
  const qantar = createBot({
    token: TOKEN,
    services,
    admin,
    adminIds: [ADMIN_ID],
    limits: { maxQuestionLength: 300, maxUploadBytes: 1000, rateLimitPerMinute: 100 },
    logger,
    botInfo: BOT_INFO,
    now: clock.now,
    ...overrides,
  });
  let messageId = 5000;
  qantar.bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    return { ok: true, result: fakeResult(method, payload as Record<string, any>, ++messageId, clock) } as any;
  });
  return {
    ...qantar,
    calls,
    services: (overrides.services as FakeServices | undefined) ?? services,
    admin: (overrides.admin as FakeAdmin | undefined) ?? admin,
    clock,
    logLines: lines,
    send: (update) => qantar.bot.handleUpdate(update),
    sent: (method = 'sendMessage') => calls.filter((c) => c.method === method),
    texts: () => calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text as string),
  };
}

function fakeResult(method: string, payload: Record<string, any>, messageId: number, clock: Clock): unknown {
  const chat = { id: payload.chat_id, type: 'private' };
  const date = Math.floor(clock.ms / 1000);
  if (method === 'sendMessage') return { message_id: messageId, date, chat, text: payload.text };
  if (method === 'editMessageText') return { message_id: payload.message_id, date, chat, text: payload.text };
  if (method === 'getFile') return { file_id: payload.file_id, file_unique_id: 'u', file_size: 20, file_path: 'documents/file_1.txt' };
  return true;
}
