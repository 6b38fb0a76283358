import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { SCHEMA_VERSION, StoreError, openSqliteStore } from '../../src/storage/sqliteStore.js';
import { SALT_FILE, loadOrCreateSalt } from '../../src/usage/salt.js';
import type { QuestionEvent } from '../../src/usage/usageLog.js';
import { TempLog } from './tempLog.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 20, 15, 0, 0);
const RAW_USER = 918_273_645;
const RAW_CHAT = -100_777_666_555;

const answered: Answer = {
  tier: 'answer',
  answered: true,
  question: 'How many people were detained?',
  lead: 'About two thousand people were detained',
  figures: ['About two thousand'],
  quotes: [{ text: 'About two thousand people were detained.', documentId: 'acca', title: 'T', publisher: null, url: null, start: 10, end: 50, score: 0.91, figures: [] }],
};
const abstained = (question: string): Answer => ({ tier: 'not-covered', answered: false, question, reason: 'not-covered', suggestions: [] });
const CLOSEST = { text: 'Police were involved.', documentId: 'acca', title: 'T', publisher: null, url: null, start: 60, end: 81, score: 0.31, figures: [] };
const probably = (question: string): Answer => ({ tier: 'probably', answered: false, question, closest: CLOSEST, suggestions: [] });

function event(answer: Answer, extra: Partial<QuestionEvent> = {}): QuestionEvent {
  return { at: NOW, userId: RAW_USER, chatId: RAW_CHAT, chatType: 'supergroup', languageCode: 'ru-RU', question: answer.question, answer, latencyMs: 6.25, ...extra };
}

let temp: TempLog;
afterEach(() => temp?.remove());

describe('migrations', () => {
  it('creates the current schema in WAL mode from an empty file', () => {
    temp = new TempLog();
    temp.open().close();
    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(['questions', 'quotes', 'sqlite_sequence', 'votes']);
    db.close();
  });

  it('upgrades a version-1 database written by hand, keeping its rows', () => {
    temp = new TempLog();
    const v1 = new Database(temp.file);
    v1.exec(MIGRATIONS[0] as string);
    v1.pragma('user_version = 1');
    v1.prepare(`INSERT INTO questions (asked_at, chat_type, language, user_hash, question, outcome, reason, latency_ms)
      VALUES (?, 'private', 'en', 'old-hash', 'Who was arrested?', 'abstained', 'not-covered', 4.5)`).run(NOW - DAY);
    v1.close();

    const usage = temp.open();
    expect(usage.totals(NOW).all).toEqual({ questions: 1, answered: 0, probably: 0, abstained: 1, up: 0, down: 0 });
    // A question from before feedback existed had no buttons: a vote naming it is refused.
    expect(usage.vote({ questionId: 1, userId: RAW_USER, chatId: RAW_CHAT, vote: 'up', at: NOW })).toBe('unknown');
    const id = usage.recordQuestion(event(answered)) as number;
    expect(usage.vote({ questionId: id, userId: RAW_USER, chatId: RAW_CHAT, vote: 'down', at: NOW })).toBe('recorded');
    expect(new Database(temp.file, { readonly: true }).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('upgrades a version-2 database to the third outcome: an abstention that logged its closest sentence showed it, so it becomes "probably"', () => {
    temp = new TempLog();
    const v2 = new Database(temp.file);
    v2.pragma('foreign_keys = ON');
    v2.exec(`${MIGRATIONS[0]}\n${MIGRATIONS[1]}`);
    v2.pragma('user_version = 2');
    const insert = v2.prepare(`INSERT INTO questions (asked_at, chat_type, language, user_hash, chat_hash, question, outcome, reason, latency_ms)
      VALUES (?, 'private', 'en', 'u', 'c', ?, ?, ?, 4.5)`);
    const row = (question: string, outcome: string, reason: string | null) => Number(insert.run(NOW - DAY, question, outcome, reason).lastInsertRowid);
    const shown = row('Who helped?', 'abstained', 'not-covered');
    const none = row('Capital of France?', 'abstained', 'not-covered');
    const sure = row('How many?', 'answered', null);
    const pruned = row('Pruned later', 'answered', null);
    v2.prepare(`INSERT INTO quotes (question_id, rank, document_id, start, end, score, text) VALUES (?, 0, 'acca', 1, 5, ?, 'text')`).run(shown, 0.3);
    v2.prepare(`INSERT INTO quotes (question_id, rank, document_id, start, end, score, text) VALUES (?, 0, 'acca', 1, 5, ?, 'text')`).run(sure, 0.9);
    v2.prepare(`INSERT INTO votes (question_id, user_hash, vote, voted_at) VALUES (?, 'u', -1, ?)`).run(shown, NOW - DAY);
    v2.prepare('DELETE FROM questions WHERE id = ?').run(pruned);
    v2.close();

    const usage = temp.open();
    usage.close();
    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, outcome, reason FROM questions ORDER BY id').all()).toEqual([
      { id: shown, outcome: 'probably', reason: null },
      { id: none, outcome: 'abstained', reason: 'not-covered' },
      { id: sure, outcome: 'answered', reason: null },
    ]);
    // The rebuild kept the quotes and votes that refer to the questions, and the index by time.
    expect(db.prepare('SELECT question_id AS id FROM quotes ORDER BY question_id').all()).toEqual([{ id: shown }, { id: sure }]);
    expect(db.prepare('SELECT question_id AS id FROM votes').all()).toEqual([{ id: shown }]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'questions_by_time'").all()).toHaveLength(1);
    db.close();
    // The AUTOINCREMENT counter carried over: the deleted row's id is not handed out again.
    const reopened = temp.open();
    expect(reopened.recordQuestion(event(answered))).toBe(pruned + 1);
    reopened.close();
    // Foreign keys are back on after migrating: deleting a question still deletes its quotes and votes.
    expect(temp.open({ retentionDays: 0 }).prune(NOW + 1)).toBe(4);
    const after = new Database(temp.file, { readonly: true });
    expect(after.prepare('SELECT (SELECT count(*) FROM quotes) + (SELECT count(*) FROM votes) AS n').get()).toEqual({ n: 0 });
    after.close();
  });

  it('refuses a database from a newer version with an error naming the file', () => {
    temp = new TempLog();
    const db = new Database(temp.file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(temp.file)).toThrow(StoreError);
    expect(() => openSqliteStore(temp.file)).toThrow(`${temp.file} has schema version ${SCHEMA_VERSION + 1}`);
  });

  it('refuses a file that is not a database, naming it', () => {
    temp = new TempLog();
    writeFileSync(temp.file, 'this is not a database, just some text that fills the header page '.repeat(100));
    expect(() => openSqliteStore(temp.file)).toThrow(`Cannot open the question log ${temp.file}`);
  });
});

describe('the question log', () => {
  it('records outcome, reason, quotes with ids and scores, language and latency', () => {
    temp = new TempLog();
    const usage = temp.open();
    usage.recordQuestion(event(answered));
    usage.recordQuestion(event(abstained('What is the capital of France?'), { languageCode: undefined, chatType: 'private' }));
    usage.recordQuestion(event(probably('Who helped?'), { chatType: 'private' }));
    expect(usage.recordQuestion(event({ tier: 'not-covered', answered: false, question: '', reason: 'empty-question', suggestions: [] }))).toBeUndefined();
    usage.close();
    const db = new Database(temp.file, { readonly: true });
    expect(db.prepare('SELECT chat_type, language, question, outcome, reason, latency_ms FROM questions ORDER BY id').all()).toEqual([
      { chat_type: 'supergroup', language: 'ru', question: 'How many people were detained?', outcome: 'answered', reason: null, latency_ms: 6.25 },
      { chat_type: 'private', language: '', question: 'What is the capital of France?', outcome: 'abstained', reason: 'not-covered', latency_ms: 6.25 },
      { chat_type: 'private', language: 'ru', question: 'Who helped?', outcome: 'probably', reason: null, latency_ms: 6.25 },
    ]);
    // The sentence shown under "probably" is logged like a quote: its score is what threshold tuning needs.
    expect(db.prepare('SELECT question_id, document_id, start, end, score FROM quotes ORDER BY question_id').all()).toEqual([
      { question_id: 1, document_id: 'acca', start: 10, end: 50, score: 0.91 },
      { question_id: 3, document_id: 'acca', start: 60, end: 81, score: 0.31 },
    ]);
    db.close();
  });

  it('stores users and chats only as salted hashes: the raw ids appear in no table', () => {
    temp = new TempLog();
    const usage = temp.open();
    const id = usage.recordQuestion(event(answered)) as number;
    usage.vote({ questionId: id, userId: RAW_USER, chatId: RAW_CHAT, vote: 'up', at: NOW });
    usage.close();
    const db = new Database(temp.file, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const cells = tables.flatMap(({ name }) => (db.prepare(`SELECT * FROM ${name}`).all() as Array<Record<string, unknown>>).flatMap(Object.values));
    expect(cells.length).toBeGreaterThan(10);
    for (const raw of [String(RAW_USER), String(RAW_CHAT), String(-RAW_CHAT)]) {
      expect(cells.filter((cell) => String(cell).includes(raw))).toEqual([]);
    }
    // And not in the file's bytes either (free pages, WAL already checkpointed on close).
    expect(readFileSync(temp.file).includes(Buffer.from(String(RAW_USER)))).toBe(false);
    db.close();
  });

  it('prunes questions older than the retention period, with their quotes and votes', () => {
    temp = new TempLog();
    const usage = temp.open({ retentionDays: 30 });
    const old = usage.recordQuestion(event(answered, { at: NOW - 31 * DAY })) as number;
    usage.vote({ questionId: old, userId: RAW_USER, chatId: RAW_CHAT, vote: 'down', at: NOW - 31 * DAY });
    usage.recordQuestion(event(answered, { at: NOW - 29 * DAY }));
    expect(usage.prune(NOW)).toBe(1);
    expect(usage.totals(NOW).all).toEqual({ questions: 1, answered: 1, probably: 0, abstained: 0, up: 0, down: 0 });
    const db = new Database(temp.file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM quotes').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 0 });
    expect(usage.vote({ questionId: old, userId: RAW_USER, chatId: RAW_CHAT, vote: 'up', at: NOW })).toBe('unknown');
    db.close();
  });

  it('counts totals for today (UTC), the last 7 days and all time', () => {
    temp = new TempLog();
    const usage = temp.open();
    for (const at of [NOW, NOW - 3 * DAY, NOW - 20 * DAY]) usage.recordQuestion(event(abstained('Why?'), { at }));
    for (const at of [NOW - 2000, NOW - 4 * DAY]) usage.recordQuestion(event(probably('Who?'), { at }));
    const id = usage.recordQuestion(event(answered, { at: NOW - 1000 })) as number;
    usage.vote({ questionId: id, userId: 1, chatId: RAW_CHAT, vote: 'up', at: NOW });
    usage.vote({ questionId: id, userId: 2, chatId: RAW_CHAT, vote: 'down', at: NOW });
    const totals = usage.totals(NOW);
    expect(totals.today).toEqual({ questions: 3, answered: 1, probably: 1, abstained: 1, up: 1, down: 1 });
    expect(totals.week).toMatchObject({ questions: 5, answered: 1, probably: 2, abstained: 2 });
    expect(totals.all).toMatchObject({ questions: 6, answered: 1, probably: 2, abstained: 3 });
  });
});

describe('the salt', () => {
  it('is generated once into the data folder, readable by the owner only, and reused', () => {
    temp = new TempLog();
    const first = loadOrCreateSalt(undefined, temp.dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(temp.dir, SALT_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSalt(undefined, temp.dir)).toBe(first);
    expect(loadOrCreateSalt('configured-salt-1234', temp.dir)).toBe('configured-salt-1234');
  });
});

describe('question ids', () => {
  it('are never reused after pruning, so an old button cannot name a newer answer', () => {
    temp = new TempLog();
    const usage = temp.open({ retentionDays: 1 });
    const old = usage.recordQuestion(event(answered, { at: NOW - 2 * DAY })) as number;
    expect(usage.prune(NOW)).toBe(1);
    usage.close();
    const reopened = temp.open();
    expect(reopened.recordQuestion(event(answered))).toBe(old + 1);
  });
});
