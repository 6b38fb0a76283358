import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { WriteBehind } from './writeBehind.js';
import type { LoggedQuote, MissedQuestion, QuestionEntry, RatedAnswer, Store, Totals, VoteInput, VoteOutcome } from './store.js';

/** The database cannot be opened or used; the message names the file. */
export class StoreError extends Error {
  override name = 'StoreError';
}

export interface SqliteOptions {
  /** For reports from the shell while the bot runs: never writes, never migrates. */
  readonly?: boolean;
  /**
   * How long a write waits for another connection's lock. Short on purpose: answering waits for
   * the log write, and a locked file should cost a question its buttons, not seconds.
   */
  busyTimeoutMs?: number;
  /** A batch of questions could not be written; it is kept and retried with the next one. */
  onWriteError?: (error: unknown, info: { pending: number; dropped: number }) => void;
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opens (creating and migrating when writable) the SQLite file behind the storage port. */
export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  const readonly = options.readonly ?? false;
  if (readonly && !existsSync(file)) {
    throw new StoreError(`There is no question log at ${file} yet: the bot creates it on its first start with QUESTION_LOG=on.`);
  }
  let db: Database.Database | undefined;
  try {
    if (!readonly) mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 20 });
    if (readonly) checkVersion(db, file, true);
    else prepareWritable(db, file);
    return new SqliteStore(db, file, options.onWriteError ?? ((error) => process.emitWarning(`question log write failed: ${String(error)}`)));
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`Cannot open the question log ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function prepareWritable(db: Database.Database, file: string): void {
  // WAL: the shell's reports read while the bot writes; NORMAL sync is safe in WAL and skips an fsync per question.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const from = checkVersion(db, file, false);
  if (from !== SCHEMA_VERSION) {
    // Off while migrating: a migration that rebuilds a table must not cascade its DROP to the rows that refer to it.
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const migration of MIGRATIONS.slice(from)) db.exec(migration);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new StoreError(`Migrating ${file} would break ${broken.length} references between its tables.`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  }
  db.pragma('foreign_keys = ON');
}

function checkVersion(db: Database.Database, file: string, mustBeCurrent: boolean): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StoreError(`${file} has schema version ${version}, newer than this program's ${SCHEMA_VERSION}. Run a newer Qantar or set another DATABASE_PATH.`);
  }
  if (mustBeCurrent && version < SCHEMA_VERSION) {
    throw new StoreError(`${file} has schema version ${version}; start the bot once to upgrade it to ${SCHEMA_VERSION}.`);
  }
  return version;
}

const TOTALS = `SELECT count(*) AS questions, coalesce(sum(outcome = 'answered'), 0) AS answered,
  coalesce(sum(outcome = 'probably'), 0) AS probably, coalesce(sum(outcome = 'abstained'), 0) AS abstained FROM questions WHERE asked_at >= ?`;
const VOTE_TOTALS = `SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM votes WHERE voted_at >= ?`;
const DOWN_VOTES = `(SELECT count(*) FROM votes v WHERE v.question_id = q.id AND v.vote = -1)`;
const MISSED = `SELECT q.question, q.asked_at AS askedAt, q.outcome, ${DOWN_VOTES} AS down FROM questions q
  WHERE q.asked_at >= ? AND (q.outcome IN ('abstained', 'probably') OR ${DOWN_VOTES} > 0) ORDER BY q.asked_at DESC, q.id DESC LIMIT ?`;
const WORST = `SELECT q.id AS questionId, q.question, q.asked_at AS askedAt,
  sum(v.vote = 1) AS up, sum(v.vote = -1) AS down,
  t.document_id AS documentId, t.start, t.end, t.score, t.text
  FROM questions q JOIN votes v ON v.question_id = q.id LEFT JOIN quotes t ON t.question_id = q.id AND t.rank = 0
  WHERE q.asked_at >= ? GROUP BY q.id HAVING down > 0 ORDER BY down - up DESC, down DESC, q.asked_at DESC LIMIT ?`;

type QuoteColumns = { [K in keyof LoggedQuote]: LoggedQuote[K] | null };

type QueuedQuestion = QuestionEntry & { id: number };

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #queue: WriteBehind<QueuedQuestion>;
  /** Ids are handed out before the row is written, so the buttons of an answer can name it at once. */
  #nextId: number;

  constructor(db: Database.Database, readonly path: string, onWriteError: NonNullable<SqliteOptions['onWriteError']>) {
    this.#db = db;
    // AUTOINCREMENT's counter never goes back, so an id is never reused after pruning and an old button cannot name a new answer.
    const used = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'questions'").get() as { seq: number } | undefined;
    this.#nextId = (used?.seq ?? 0) + 1;
    const insertQuestion = db.prepare(`INSERT INTO questions (id, asked_at, chat_type, language, user_hash, chat_hash, question, outcome, reason, latency_ms)
      VALUES (@id, @askedAt, @chatType, @language, @userHash, @chatHash, @question, @outcome, @reason, @latencyMs)`);
    const insertQuote = db.prepare(`INSERT INTO quotes (question_id, rank, document_id, start, end, score, text)
      VALUES (@questionId, @rank, @documentId, @start, @end, @score, @text)`);
    const writeBatch = db.transaction((batch: readonly QueuedQuestion[]) => {
      for (const { quotes, ...row } of batch) {
        insertQuestion.run(row);
        quotes.forEach((quote, rank) => insertQuote.run({ questionId: row.id, rank, ...quote }));
      }
    });
    this.#queue = new WriteBehind((batch) => writeBatch.immediate(batch), onWriteError);
  }

  record(entry: QuestionEntry): number {
    const id = this.#nextId++;
    this.#queue.push({ ...entry, id });
    return id;
  }

  prune(before: number): number {
    this.#queue.flush();
    return this.#db.prepare('DELETE FROM questions WHERE asked_at < ?').run(before).changes;
  }

  vote({ questionId, userHash, chatHash, vote, at }: VoteInput): VoteOutcome {
    this.#queue.flush();
    return this.#db.transaction((): VoteOutcome => {
      const question = this.#db.prepare('SELECT chat_hash AS chatHash FROM questions WHERE id = ?').get(questionId) as { chatHash: string | null } | undefined;
      if (question?.chatHash == null || question.chatHash !== chatHash) return 'unknown';
      const value = vote === 'up' ? 1 : -1;
      const before = this.#db.prepare('SELECT vote FROM votes WHERE question_id = ? AND user_hash = ?').get(questionId, userHash) as { vote: number } | undefined;
      if (before?.vote === value) return 'unchanged';
      this.#db
        .prepare(`INSERT INTO votes (question_id, user_hash, vote, voted_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`)
        .run(questionId, userHash, value, at);
      return before === undefined ? 'recorded' : 'changed';
    }).immediate();
  }

  totals(since: number): Totals {
    this.#queue.flush();
    const questions = this.#db.prepare(TOTALS).get(since) as Omit<Totals, 'up' | 'down'>;
    const votes = this.#db.prepare(VOTE_TOTALS).get(since) as Pick<Totals, 'up' | 'down'>;
    return { ...questions, ...votes };
  }

  missed(since: number, limit: number): MissedQuestion[] {
    this.#queue.flush();
    return this.#db.prepare(MISSED).all(since, limit) as MissedQuestion[];
  }

  worstRated(since: number, limit: number): RatedAnswer[] {
    this.#queue.flush();
    const rows = this.#db.prepare(WORST).all(since, limit) as Array<Omit<RatedAnswer, 'quote'> & QuoteColumns>;
    return rows.map(({ documentId, start, end, score, text, ...answer }) => ({
      ...answer,
      quote: documentId === null || text === null ? undefined : { documentId, start: start ?? 0, end: end ?? 0, score: score ?? 0, text },
    }));
  }

  close(): void {
    this.#queue.flush();
    this.#db.close();
  }
}
