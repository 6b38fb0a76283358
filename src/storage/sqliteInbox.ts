import type Database from 'better-sqlite3';
import type { InboxStore, ReceivedUpdate } from './inboxStore.js';
import { openWritableDatabase } from './sqliteStore.js';

export interface SqliteInboxOptions {
  /**
   * Sync every commit to the disk (synchronous=FULL): an update then survives power loss too, at
   * the cost of an fsync per batch (about 4 ms per update on the development machine's disk in
   * webhook mode). Without it (NORMAL, as the question log) a commit is in the operating system's
   * cache at once and survives the process being killed, not the machine losing power.
   */
  sync?: boolean;
  /** Short on purpose: a locked file must cost durability, never an answer's speed. */
  busyTimeoutMs?: number;
}

/** The inbox over its own connection to the bot's database: durability is set per connection. */
export function openSqliteInbox(file: string, options: SqliteInboxOptions = {}): InboxStore {
  const db = openWritableDatabase(file, options.busyTimeoutMs ?? 50);
  try {
    db.pragma(`synchronous = ${options.sync ? 'FULL' : 'NORMAL'}`);
    return new SqliteInbox(db, options.sync ?? false);
  } catch (error) {
    db.close();
    throw error;
  }
}

class SqliteInbox implements InboxStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #done: Database.Statement;
  readonly #replying: Database.Statement;
  readonly #writeBatch: Database.Transaction<(botId: number, updates: readonly ReceivedUpdate[]) => Set<number>>;
  readonly #markBatch: Database.Transaction<(botId: number, updateIds: readonly number[], at: number) => void>;

  constructor(
    db: Database.Database,
    private readonly sync: boolean,
  ) {
    this.#db = db;
    this.#insert = db.prepare(`INSERT INTO inbox (bot_id, update_id, received_at, update_json, state)
      VALUES (?, ?, ?, ?, 'received') ON CONFLICT (bot_id, update_id) DO NOTHING`);
    this.#replying = db.prepare(`UPDATE inbox SET state = 'replying' WHERE bot_id = ? AND update_id = ? AND state = 'received'`);
    this.#done = db.prepare(`UPDATE inbox SET state = 'done', done_at = ?, update_json = NULL WHERE bot_id = ? AND update_id = ?`);
    this.#writeBatch = db.transaction((botId: number, updates: readonly ReceivedUpdate[]) => {
      const fresh = new Set<number>();
      for (const { updateId, receivedAt, json } of updates) {
        if (this.#insert.run(botId, updateId, receivedAt, json).changes > 0) fresh.add(updateId);
      }
      return fresh;
    });
    this.#markBatch = db.transaction((botId: number, updateIds: readonly number[], at: number) => {
      for (const updateId of updateIds) this.#done.run(at, botId, updateId);
    });
  }

  receive(botId: number, updates: readonly ReceivedUpdate[]): Set<number> {
    return updates.length === 0 ? new Set() : this.#writeBatch.immediate(botId, updates);
  }

  /**
   * Never synced on its own, even with `sync`: it sits before every reply, and the next synced commit
   * carries it to the disk anyway. Lost to a power cut, it costs one reply sent twice, not one lost.
   */
  markReplying(botId: number, updateId: number): void {
    if (!this.sync) {
      this.#replying.run(botId, updateId);
      return;
    }
    this.#db.pragma('synchronous = NORMAL');
    try {
      this.#replying.run(botId, updateId);
    } finally {
      this.#db.pragma('synchronous = FULL');
    }
  }

  markDone(botId: number, updateIds: readonly number[], at: number): void {
    if (updateIds.length > 0) this.#markBatch.immediate(botId, updateIds, at);
  }

  pending(botId: number): Array<ReceivedUpdate & { replying: boolean }> {
    const rows = this.#db
      .prepare(`SELECT update_id AS updateId, received_at AS receivedAt, update_json AS json, state = 'replying' AS replying FROM inbox
        WHERE bot_id = ? AND state IN ('received', 'replying') ORDER BY update_id`)
      .all(botId) as Array<ReceivedUpdate & { replying: number }>;
    return rows.map((row) => ({ ...row, replying: row.replying === 1 }));
  }

  prune(before: number): number {
    return this.#db.prepare(`DELETE FROM inbox WHERE state = 'done' AND done_at < ?`).run(before).changes;
  }

  close(): void {
    this.#db.close();
  }
}
