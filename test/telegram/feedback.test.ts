import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqliteStore.js';
import { type UsageLog, createUsageLog } from '../../src/usage/usageLog.js';
import { startUsageLog } from '../../src/telegram/usageLifecycle.js';
import { SALT, TempLog, bagOfWords } from '../storage/tempLog.js';
import { ADMIN_ID, DETAINED, HEDGED, captureLogger, createHarness } from './harness.js';
import { GROUP_ID, callbackUpdate, message, textUpdate, user } from './updates.js';

let temp: TempLog;
let log: UsageLog;
afterEach(() => temp?.remove());

function harnessWithLog() {
  temp = new TempLog();
  log = temp.open();
  return createHarness({ usage: log });
}

const keyboardOf = (call: { payload: Record<string, any> } | undefined) =>
  (call?.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data: string }) => [b.text, b.callback_data]);
const toasts = (h: ReturnType<typeof createHarness>) => h.sent('answerCallbackQuery').map((c) => c.payload.text as string);
const groupMessage = () => message('…', { chat: 'group' });

describe('feedback buttons', () => {
  it('puts 👍 and 👎 under answers in private chats and groups, referring to the logged question', async () => {
    const h = harnessWithLog();
    await h.send(textUpdate(DETAINED.question));
    await h.send(textUpdate(`/ask ${DETAINED.question}`, { chat: 'group' }));
    await h.send(textUpdate('What is the capital of France?'));
    const [privateAnswer, groupAnswer, noAnswer] = h.sent();
    expect(keyboardOf(privateAnswer)).toEqual([['👍', 'fb:1:u'], ['👎', 'fb:1:d']]);
    expect(keyboardOf(groupAnswer)).toEqual([['👍', 'fb:2:u'], ['👎', 'fb:2:d']]);
    // An abstention offers example questions instead: there is no answer to rate.
    expect(keyboardOf(noAnswer).every(([, data]: string[]) => data?.startsWith('ask:'))).toBe(true);
    expect(log.totals(h.clock.now()).all).toMatchObject({ questions: 3, answered: 2, abstained: 1 });
  });

  it('puts 👍 and 👎 under a "probably" too, whose votes say whether the sentence was the answer', async () => {
    const h = harnessWithLog();
    await h.send(textUpdate(HEDGED.question));
    expect(h.texts()[0]).toMatch(/^<i>Probably \(not sure this answers it\):<\/i>\n\n<blockquote>The Commissioner/);
    expect(keyboardOf(h.sent()[0])).toEqual([['👍', 'fb:1:u'], ['👎', 'fb:1:d']]);
    await h.send(callbackUpdate('fb:1:u'));
    expect(toasts(h)).toEqual(['Thanks for your feedback!']);
    expect(log.totals(h.clock.now()).all).toMatchObject({ questions: 1, answered: 0, probably: 1, abstained: 0, up: 1 });
    expect(h.counters).toMatchObject({ answered: 0, probably: 1, abstained: 0 });
    // Not a sure answer: /unanswered lists it for the admin, 👍 or not.
    await h.send(textUpdate('/unanswered', { from: user(ADMIN_ID) }));
    expect(h.texts().at(-1)).toContain(`• 1× ${HEDGED.question}`);
  });

  it('shows no buttons when the question log is off', async () => {
    const h = createHarness();
    await h.send(textUpdate(DETAINED.question));
    expect(h.sent()[0]?.payload.reply_markup).toBeUndefined();
  });

  it('records one vote per user per answer, lets it change, and thanks every press', async () => {
    const h = harnessWithLog();
    await h.send(textUpdate(`/ask ${DETAINED.question}`, { chat: 'group' }));
    const alice = user(501);
    const bob = user(502, 'ru');
    await h.send(callbackUpdate('fb:1:u', { from: alice, message: groupMessage() }));
    await h.send(callbackUpdate('fb:1:u', { from: alice, message: groupMessage() }));
    await h.send(callbackUpdate('fb:1:d', { from: alice, message: groupMessage() }));
    await h.send(callbackUpdate('fb:1:d', { from: bob, message: groupMessage() }));
    expect(toasts(h)).toEqual(['Thanks for your feedback!', 'Thanks for your feedback!', 'Thanks, your vote is changed.', 'Спасибо за оценку!']);
    expect(log.totals(h.clock.now()).all).toMatchObject({ up: 0, down: 2 });
  });

  it('refuses votes on unknown answers and on answers sent to another chat', async () => {
    const h = harnessWithLog();
    await h.send(textUpdate(DETAINED.question, { from: user(601) }));
    await h.send(callbackUpdate('fb:999:u', { from: user(601) }));
    // Forged data: the answer of user 601's private chat, pressed in a group.
    await h.send(callbackUpdate('fb:1:d', { from: user(602), message: groupMessage() }));
    await h.send(callbackUpdate('fb:1:u', { from: user(601) }));
    const unknown = 'This answer is no longer in my log, so I cannot record a vote for it.';
    expect(toasts(h)).toEqual([unknown, unknown, 'Thanks for your feedback!']);
    expect(log.totals(h.clock.now()).all).toMatchObject({ up: 1, down: 0 });
  });
});

describe('admin reports', () => {
  const ask = (h: ReturnType<typeof createHarness>, text: string, id: number) => h.send(textUpdate(text, { from: user(id) }));

  it('/unanswered groups near-duplicates with a count and one example, including answers with a 👎', async () => {
    const h = harnessWithLog();
    await ask(h, 'Who ordered the shooting?', 1);
    await ask(h, 'who ordered the shooting', 2);
    await ask(h, 'Who ordered the shooting?', 3);
    await ask(h, 'Who exactly ordered the shooting?', 4);
    await ask(h, 'What is the capital of France?', 5);
    await ask(h, DETAINED.question, 6);
    await h.send(callbackUpdate('fb:6:d', { from: user(6) }));
    await h.send(textUpdate('/unanswered', { from: user(ADMIN_ID) }));
    expect(h.texts().at(-1)).toBe(
      [
        '<b>Asked in the last 7 days without a sure answer or with a 👎:</b>',
        '• 4× Who ordered the shooting?',
        '• 1× How many people were detained?',
        '• 1× What is the capital of France?',
      ].join('\n'),
    );
  });

  it('/feedback lists the worst-rated answers with the quote they gave, in the admin’s language', async () => {
    const h = harnessWithLog();
    await ask(h, DETAINED.question, 7);
    await h.send(callbackUpdate('fb:1:d', { from: user(7) }));
    await h.send(textUpdate('/feedback 30', { from: user(ADMIN_ID, 'ru') }));
    expect(h.texts().at(-1)).toBe(
      [
        '<b>Ответы с худшими оценками за 30 дней:</b>',
        '• 👎 1 👍 0 — How many people were detained?',
        `  «“About two thousand people were detained for various offenses during the January events.» <code>acca-torture:0-${DETAINED.answered ? DETAINED.quotes[0]!.end : 0}</code>`,
      ].join('\n'),
    );
    await h.send(textUpdate('/feedback soon', { from: user(ADMIN_ID) }));
    expect(h.texts().at(-1)).toContain('Write a number of days from 1 to 3,650');
  });

  it('/stats shows persisted totals that survive a restart', async () => {
    temp = new TempLog();
    const before = createHarness({ usage: temp.open() });
    await before.send(textUpdate(DETAINED.question, { from: user(8) }));
    await before.send(textUpdate('Who won the 1998 World Cup?', { from: user(8) }));
    await before.send(textUpdate(HEDGED.question, { from: user(8) }));
    await before.send(callbackUpdate('fb:1:u', { from: user(8) }));
    temp.store?.close();

    const after = createHarness({ usage: temp.open() });
    await after.send(textUpdate('/stats', { from: user(ADMIN_ID) }));
    const lines = after.texts().at(-1)?.split('\n') ?? [];
    expect(lines.slice(-4)).toEqual([
      'Questions since start: 0 answered, 0 “probably”, 0 without an answer',
      'Today (UTC): 3 questions, answered 1, “probably” 1, abstained 1, 👍 1, 👎 0',
      'Last 7 days: 3 questions, answered 1, “probably” 1, abstained 1, 👍 1, 👎 0',
      'All time: 3 questions, answered 1, “probably” 1, abstained 1, 👍 1, 👎 0',
    ]);
  });

  it('says so when there is no log to report from', async () => {
    const h = createHarness();
    await h.send(textUpdate('/unanswered 3', { from: user(ADMIN_ID, 'kk') }));
    expect(h.texts()).toEqual(['Сұрақтар журналы өшірулі немесе қолжетімсіз, есеп жасауға дерек жоқ.']);
  });

  it('refuses non-admins and admins outside a private chat', async () => {
    const h = harnessWithLog();
    await h.send(textUpdate('/unanswered', { from: user(9) }));
    await h.send(textUpdate('/feedback', { from: user(9) }));
    await h.send(textUpdate('/unanswered', { from: user(ADMIN_ID), chat: 'group' }));
    expect(h.texts()).toEqual([
      'Sorry, this is for the bot’s administrators only.',
      'Sorry, this is for the bot’s administrators only.',
      'Please use admin commands in a private chat with me.',
    ]);
    expect(h.logLines.filter((l) => l.msg === 'admin route refused').map((l) => l.route)).toEqual(['unanswered', 'feedback']);
  });
});

describe('a failing database', () => {
  it('a corrupt file: the failure is logged and the bot answers without buttons', async () => {
    temp = new TempLog();
    writeFileSync(temp.file, 'garbage, not SQLite '.repeat(400));
    const { logger, lines } = captureLogger();
    const running = startUsageLog(() => createUsageLog({ store: openSqliteStore(temp.file), salt: SALT, embed: bagOfWords, retentionDays: 90 }), logger);
    const h = createHarness({ usage: running.usage });
    await h.send(textUpdate(DETAINED.question));
    expect(h.texts()[0]).toContain('<b>About two thousand</b>');
    expect(h.sent()[0]?.payload.reply_markup).toBeUndefined();
    const failure = lines.find((l) => l.msg === 'question log unavailable; answering without it');
    expect(failure?.err?.message).toContain(`Cannot open the question log ${temp.file}`);
    running.stop();
  });

  it('a locked file: answers go out at once, the failed write is logged and retried once the lock is gone', async () => {
    temp = new TempLog();
    const { logger, lines } = captureLogger();
    const running = startUsageLog((onWriteError) => createUsageLog({ store: openSqliteStore(temp.file, { onWriteError }), salt: SALT, embed: bagOfWords, retentionDays: 90 }), logger);
    const h = createHarness({ usage: running.usage });
    const other = new Database(temp.file);
    other.exec('BEGIN EXCLUSIVE');
    await h.send(textUpdate(DETAINED.question));
    await new Promise((resolve) => setImmediate(resolve));
    other.exec('ROLLBACK');
    other.close();
    expect(h.texts()[0]).toContain('<b>About two thousand</b>');
    const failure = lines.find((l) => l.msg === 'question log write failed; will retry with the next question');
    expect(failure?.err?.message).toContain('locked');
    expect(failure?.pending).toBe(1);
    await h.send(callbackUpdate(keyboardOf(h.sent()[0])[0]?.[1] as string));
    expect(toasts(h)).toEqual(['Thanks for your feedback!']);
    expect(running.usage?.totals(h.clock.now()).all).toEqual({ questions: 1, answered: 1, probably: 0, abstained: 0, up: 1, down: 0 });
    running.stop();
  });
});

describe('retention', () => {
  it('prunes expired questions when the bot starts', async () => {
    temp = new TempLog();
    const now = Date.UTC(2026, 0, 5, 12);
    const old = temp.open();
    old.recordQuestion({ at: now - 31 * 86_400_000, userId: 1, chatId: 1, chatType: 'private', languageCode: 'en', question: 'Old?', answer: DETAINED, latencyMs: 1 });
    old.recordQuestion({ at: now - 86_400_000, userId: 1, chatId: 1, chatType: 'private', languageCode: 'en', question: 'New?', answer: DETAINED, latencyMs: 1 });
    old.close();
    const { logger, lines } = captureLogger();
    const running = startUsageLog(() => temp.open({ retentionDays: 30 }), logger, () => now);
    expect(lines.find((l) => l.msg === 'question log pruned')?.pruned).toBe(1);
    expect(running.usage?.totals(now).all.questions).toBe(1);
    running.stop();
  });
});

describe('load', () => {
  it('300 users asking at once: every one gets a reply and every question a log row', async () => {
    const h = harnessWithLog();
    const askers = Array.from({ length: 300 }, (_, i) => user(10_000 + i));
    await Promise.all(askers.map((from, i) => h.send(textUpdate(i % 2 ? DETAINED.question : `Unknown question number ${i}?`, { from }))));
    const replies = h.sent();
    expect(replies).toHaveLength(300);
    expect(new Set(replies.map((r) => r.payload.chat_id)).size).toBe(300);
    expect(log.totals(h.clock.now()).all).toEqual({ questions: 300, answered: 150, probably: 0, abstained: 150, up: 0, down: 0 });
  });
});
