import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type SqliteOptions, openSqliteStore } from '../../src/storage/sqliteStore.js';
import type { Store } from '../../src/storage/store.js';
import { type EmbedQuestions, type UsageLog, createUsageLog } from '../../src/usage/usageLog.js';

export const SALT = 'test-salt-0123456789abcdef';

/**
 * A stand-in for the embedding model in unit tests: a unit bag-of-words vector, so questions that
 * share most of their words are close and unrelated ones are not.
 */
export const bagOfWords: EmbedQuestions = async (texts) =>
  texts.map((text) => {
    const vector = new Float32Array(256);
    for (const word of text.toLowerCase().match(/\p{L}+|\d+/gu) ?? []) {
      let h = 0;
      for (const ch of word) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 256;
      vector[h] = (vector[h] ?? 0) + 1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((v) => v / norm);
  });

/** A real SQLite file in a fresh temp folder. */
export class TempLog {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'qantar-log-'));
  readonly file = path.join(this.dir, 'qantar.db');
  store: Store | undefined;

  open(options: { retentionDays?: number; similarity?: number; onWriteError?: SqliteOptions['onWriteError'] } = {}): UsageLog {
    this.store = openSqliteStore(this.file, { onWriteError: options.onWriteError ?? ((error) => { throw error; }) });
    return createUsageLog({ store: this.store, salt: SALT, embed: bagOfWords, retentionDays: options.retentionDays ?? 90, similarity: options.similarity ?? 0.7 });
  }

  remove(): void {
    try {
      this.store?.close();
    } catch {
      // Already closed by the test.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
