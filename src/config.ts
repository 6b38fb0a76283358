import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Relative paths in the configuration are resolved against the project root, not the caller's cwd:
 * the nearest folder above this file with a package.json, so `src/` under tsx and `dist/src/`
 * compiled give the same root.
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const adminIds = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const parts = raw.split(',').map((part) => part.trim()).filter(Boolean);
    const bad = parts.find((part) => !/^\d{1,15}$/.test(part));
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not a numeric Telegram user id` });
      return z.NEVER;
    }
    return parts.map(Number);
  });

const schema = z.object({
  BOT_TOKEN: optionalString,
  ADMIN_IDS: adminIds,
  CORPUS_DIR: z.string().default('corpus'),
  INDEX_DIR: z.string().default('data/index'),
  MODELS_DIR: z.string().default('models'),
  EMBEDDING_MODEL: z.string().trim().min(1).default('bundled'),
  TELEGRAM_API_ROOT: optionalString.pipe(z.url().optional()),
  WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1-256 characters A-Z, a-z, 0-9, _ or -').optional(),
  ),
  PORT: positiveInt(8080),
  MAX_QUESTION_LENGTH: positiveInt(500),
  MAX_UPLOAD_BYTES: positiveInt(2 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_PATH: z.string().trim().min(1).default('data/qantar.db'),
  LOG_SALT: optionalString.pipe(z.string().min(16, 'use at least 16 characters, or leave it unset to generate one').optional()),
  QUESTION_LOG: z.enum(['on', 'off']).default('on'),
  LOG_RETENTION_DAYS: positiveInt(90),
  METRICS: z.enum(['on', 'off']).default('on'),
  URL_FETCH_ALLOW_PRIVATE: z.enum(['on', 'off']).default('off'),
  INBOX: z.enum(['on', 'sync', 'off']).default('on'),
});

type RawConfig = z.infer<typeof schema>;

export interface Config {
  botToken: string | undefined;
  adminIds: readonly number[];
  corpusDir: string;
  indexDir: string;
  modelsDir: string;
  embeddingModel: string;
  telegramApiRoot: string | undefined;
  webhook: { url: string; secret: string | undefined; port: number } | undefined;
  maxQuestionLength: number;
  maxUploadBytes: number;
  rateLimitPerMinute: number;
  logLevel: RawConfig['LOG_LEVEL'];
  databasePath: string;
  /** undefined with QUESTION_LOG=off: nothing is logged and answers carry no feedback buttons. */
  questionLog: { salt: string | undefined; retentionDays: number } | undefined;
  /** Serve GET /metrics and /healthz on `port`, in polling mode as well as with the webhook. */
  metrics: boolean;
  port: number;
  /** URL_FETCH_ALLOW_PRIVATE=on: /add may fetch from loopback, private and link-local addresses (intranets, tests). */
  urlFetchAllowPrivate: boolean;
  /**
   * Write each update to the inbox in DATABASE_PATH before confirming it to Telegram; undefined with
   * INBOX=off. `sync` (INBOX=sync): every inbox commit is synced to the disk, surviving power loss too.
   */
  inbox: { sync: boolean } | undefined;
}

/** A start-up fault in the environment; its message names the variable so an operator can fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads `.env` (without overriding real environment variables) and validates everything once.
 * Pass `env` explicitly in tests so they never depend on the developer's shell or .env file.
 */
export function loadConfig(env?: NodeJS.ProcessEnv): Config {
  if (env === undefined) {
    loadDotenv({ path: path.join(projectRoot, '.env'), quiet: true });
  }
  const parsed = schema.safeParse(env ?? process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration. ${lines.join('; ')}`);
  }
  return toConfig(parsed.data);
}

function toConfig(raw: RawConfig): Config {
  const inProject = (p: string) => path.resolve(projectRoot, p);
  return {
    botToken: raw.BOT_TOKEN,
    adminIds: raw.ADMIN_IDS,
    corpusDir: inProject(raw.CORPUS_DIR),
    indexDir: inProject(raw.INDEX_DIR),
    modelsDir: inProject(raw.MODELS_DIR),
    embeddingModel: raw.EMBEDDING_MODEL,
    telegramApiRoot: raw.TELEGRAM_API_ROOT,
    webhook: raw.WEBHOOK_URL ? { url: raw.WEBHOOK_URL, secret: raw.WEBHOOK_SECRET, port: raw.PORT } : undefined,
    maxQuestionLength: raw.MAX_QUESTION_LENGTH,
    maxUploadBytes: raw.MAX_UPLOAD_BYTES,
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE,
    logLevel: raw.LOG_LEVEL,
    databasePath: inProject(raw.DATABASE_PATH),
    questionLog: raw.QUESTION_LOG === 'on' ? { salt: raw.LOG_SALT, retentionDays: raw.LOG_RETENTION_DAYS } : undefined,
    metrics: raw.METRICS === 'on',
    port: raw.PORT,
    urlFetchAllowPrivate: raw.URL_FETCH_ALLOW_PRIVATE === 'on',
    inbox: raw.INBOX === 'off' ? undefined : { sync: raw.INBOX === 'sync' },
  };
}

/** The bot cannot start without a token; the CLI tools can. */
export function requireBotToken(config: Config): string {
  if (!config.botToken) {
    throw new ConfigError('BOT_TOKEN is not set. Get a token from @BotFather and put it in .env or the environment.');
  }
  return config.botToken;
}
