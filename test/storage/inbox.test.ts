import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteInbox } from '../../src/storage/sqliteInbox.js';
import { DurableInbox } from '../../src/telegram/inbox.js';
import { startInbox } from '../../src/telegram/inboxLifecycle.js';
import { captureLogger } from '../telegram/harness.js';

const BOT = 777;
const OTHER_BOT = 888;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 20, 12);

type Msg = { update_id: number; message: { text: string; from: { id: number } } };
const msg = (id: number, text = `q${id}`): Msg => ({ update_id: id, message: { text, from: { id: 900_000 + id } } });
const received = (id: number, at = T0) => ({ updateId: id, receivedAt: at, json: JSON.stringify(msg(id)) });

let dir: string;
let file: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
function tempFile(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'qantar-inbox-'));
  file = path.join(dir, 'qantar.db');
  return file;
}

describe('the SQLite inbox', () => {
  it('writes a batch once: an update id seen before, pending or done, is not new again', () => {
    const store = openSqliteInbox(tempFile());
    expect([...store.receive(BOT, [received(1), received(2), received(3)])]).toEqual([1, 2, 3]);
    store.markDone(BOT, [2], T0);
    expect([...store.receive(BOT, [received(2), received(3), received(4)])]).toEqual([4]);
    // Ids are per bot: a new token's update 2 is another update.
    expect([...store.receive(OTHER_BOT, [received(2)])]).toEqual([2]);
    expect(store.pending(BOT).map((row) => row.updateId)).toEqual([1, 3, 4]);
    store.close();
  });

  it('survives reopening, keeps no update once done, and prunes only done rows older than the cut', () => {
    const store = openSqliteInbox(tempFile());
    store.receive(BOT, [received(5), received(6), received(7)]);
    store.markDone(BOT, [5], T0);
    store.markDone(BOT, [6], T0 + 2 * HOUR);
    store.close();

    const again = openSqliteInbox(file);
    expect(again.pending(BOT)).toEqual([{ ...received(7), replying: false }]);
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT update_id AS id, state, update_json AS json FROM inbox ORDER BY update_id').all();
    raw.close();
    expect(rows).toEqual([
      { id: 5, state: 'done', json: null },
      { id: 6, state: 'done', json: null },
      { id: 7, state: 'received', json: JSON.stringify(msg(7)) },
    ]);
    expect(again.prune(T0 + HOUR)).toBe(1);
    expect([...again.receive(BOT, [received(5), received(6)])]).toEqual([5]);
    again.close();
  });
});

describe('the durable inbox', () => {
  it('recovers what a crash left, oldest first, and admits neither it nor a done update again', () => {
    const store = openSqliteInbox(tempFile());
    store.receive(BOT, [received(12), received(10), received(11)]);
    store.markDone(BOT, [11], T0);
    store.close();

    const { logger } = captureLogger();
    const inbox = new DurableInbox<Msg>(openSqliteInbox(file), BOT, logger, () => T0);
    expect(inbox.recover()).toEqual({ updates: [msg(10), msg(12)], replyUnknown: 0 });
    expect(inbox.counts).toEqual({ pending: 2, recovered: 2, writeFailures: 0 });
    const admission = inbox.admit([msg(10), msg(11), msg(12), msg(13)]);
    expect(admission).toEqual({ fresh: [msg(13)], durable: true });
    for (const id of [10, 12, 13]) inbox.done(id);
    expect(inbox.counts.pending).toBe(0);
    inbox.close();
    expect(openSqliteInbox(file).pending(BOT)).toEqual([]);
  });

  it.each([false, true])('an update whose reply was on its way at the crash is not handled again, one never replied to is (sync %s)', (sync) => {
    const { logger } = captureLogger();
    const first = new DurableInbox<Msg>(openSqliteInbox(tempFile(), { sync }), BOT, logger, () => T0);
    first.admit([msg(20), msg(21), msg(22)]);
    first.replying(20);
    first.replying(21);
    first.done(21);
    first.close();

    const second = new DurableInbox<Msg>(openSqliteInbox(file), BOT, logger, () => T0);
    expect(second.recover()).toEqual({ updates: [msg(22)], replyUnknown: 1 });
    expect(second.admit([msg(20), msg(21), msg(22)]).fresh).toEqual([]);
    second.done(22);
    second.close();
    expect(openSqliteInbox(file).pending(BOT)).toEqual([]);
  });

  it('a damaged row does not stop the start: it is dropped and marked done', () => {
    const store = openSqliteInbox(tempFile());
    store.receive(BOT, [received(30), { updateId: 31, receivedAt: T0, json: '{"update_id": 31, "mess' }]);
    store.close();
    const { logger } = captureLogger();
    const inbox = new DurableInbox<Msg>(openSqliteInbox(file), BOT, logger, () => T0);
    expect(inbox.recover()).toEqual({ updates: [msg(30)], replyUnknown: 0 });
    inbox.done(30);
    inbox.close();
    expect(openSqliteInbox(file).pending(BOT)).toEqual([]);
  });

  it('while the file is locked: admits from memory, counts every failure, logs once a minute, then catches up', () => {
    const store = openSqliteInbox(tempFile());
    let now = T0;
    const { logger, lines } = captureLogger();
    const inbox = new DurableInbox<Msg>(store, BOT, logger, () => now);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    expect(inbox.admit([msg(1), msg(2)])).toEqual({ fresh: [msg(1), msg(2)], durable: false });
    now += 30_000;
    expect(inbox.admit([msg(3)]).durable).toBe(false);
    now += 31_000;
    expect(inbox.admit([msg(4)]).durable).toBe(false);
    expect(inbox.counts).toEqual({ pending: 4, recovered: 0, writeFailures: 3 });
    const warnings = lines.filter((line) => line.msg?.startsWith('inbox write failed'));
    expect(warnings.map((line) => line.failures)).toEqual([1, 2]);
    other.exec('ROLLBACK');
    other.close();
    // Unlocked: durable again; the updates answered from memory leave nothing to recover.
    expect(inbox.admit([msg(5)])).toEqual({ fresh: [msg(5)], durable: true });
    for (const id of [1, 2, 3, 4, 5]) inbox.done(id);
    inbox.close();
    expect(openSqliteInbox(file).pending(BOT)).toEqual([]);
  });

  it('a file that is not a database: the bot starts, logs it, and answers from memory', () => {
    writeFileSync(tempFile(), 'not SQLite at all '.repeat(300));
    const { logger, lines } = captureLogger();
    const running = startInbox(() => openSqliteInbox(file), BOT, logger);
    const update: Update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'U' }, from: { id: 5, is_bot: false, first_name: 'U' }, text: 'q' } };
    expect(running.inbox.admit([update])).toEqual({ fresh: [update], durable: false });
    expect(running.inbox.counts.writeFailures).toBe(1);
    expect(lines.find((line) => line.msg?.startsWith('inbox write failed'))?.err?.message).toContain(file);
    running.stop();
  });
});
