import path from 'node:path';
import type { Config } from '../config.js';
import { openSqliteStore } from '../storage/sqliteStore.js';
import { loadOrCreateSalt } from './salt.js';
import { type EmbedQuestions, type UsageLog, createUsageLog } from './usageLog.js';

/**
 * The usage log over the configured database, or undefined with QUESTION_LOG=off. Throws a
 * StoreError naming the file when the database cannot be opened (corrupt, newer schema, no access).
 */
export function openUsageLog(config: Config, embed: EmbedQuestions, options: { readonly?: boolean } = {}): UsageLog | undefined {
  if (config.questionLog === undefined) return undefined;
  const readonly = options.readonly ?? false;
  const store = openSqliteStore(config.databasePath, { readonly });
  // Reports only read, and hashes are only computed for writes: a report never creates the salt file.
  const salt = readonly ? '' : loadOrCreateSalt(config.questionLog.salt, path.dirname(config.databasePath));
  return createUsageLog({ store, salt, embed, retentionDays: config.questionLog.retentionDays });
}
