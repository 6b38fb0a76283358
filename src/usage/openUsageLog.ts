import path from 'node:path';
import type { Config } from '../config.js';
import { type SqliteOptions, openSqliteStore } from '../storage/sqliteStore.js';
import { loadOrCreateSalt } from './salt.js';
import { type EmbedQuestions, type UsageLog, createUsageLog } from './usageLog.js';

/**
 * The usage log over the configured database, or undefined with QUESTION_LOG=off (reports read
 * what was logged before it was turned off). Throws a StoreError naming the file when the database
 * cannot be opened (corrupt, newer schema, no access; for reports, also missing).
 */
export function openUsageLog(config: Config, embed: EmbedQuestions, options: Pick<SqliteOptions, 'readonly' | 'onWriteError'> = {}): UsageLog | undefined {
  const readonly = options.readonly ?? false;
  if (config.questionLog === undefined && !readonly) return undefined;
  const store = openSqliteStore(config.databasePath, options);
  // Reports only read, and hashes are only computed for writes: a report never creates the salt file.
  const salt = readonly ? '' : loadOrCreateSalt(config.questionLog?.salt, path.dirname(config.databasePath));
  return createUsageLog({ store, salt, embed, retentionDays: config.questionLog?.retentionDays ?? Number.POSITIVE_INFINITY });
}
