import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { openQantar } from '../../src/main.js';
import { openSqliteInbox } from '../../src/storage/sqliteInbox.js';
import { Dispatcher } from '../../src/telegram/dispatch.js';
import { DurableInbox } from '../../src/telegram/inbox.js';
import { benchBot, questionUpdate, seedQuestions, summary } from './handlerBench.js';
import { median, round } from './measure.js';

/**
 * The durable inbox's cost: answer latency through the bot's handler at the seed corpus with the
 * inbox on (each update written in its own transaction, as a webhook post is, then handled and
 * marked done) and off, interleaved so machine noise hits both alike; and the time to write one
 * polling batch of 100 updates. Both for INBOX=on and INBOX=sync (every commit synced to the disk).
 * `npx tsx scripts/bench/inbox.ts [rounds]`; prints JSON.
 */
const rounds = Number(process.argv[2] ?? 10);
const temp = mkdtempSync(path.join(tmpdir(), 'qantar-inboxbench-'));
const config = loadConfig({ INDEX_DIR: path.join(temp, 'index'), LOG_LEVEL: 'silent' });
const qantar = await openQantar(config);
const questions = seedQuestions();
const logger = pino({ level: 'silent' });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

type Mode = 'on' | 'off';

async function latency(sync: boolean) {
  const inbox = new DurableInbox<Update>(openSqliteInbox(path.join(temp, `latency-${sync}.db`), { sync }), 1, logger);
  const on = new Dispatcher(benchBot(qantar, undefined), inbox, logger);
  const off = benchBot(qantar, undefined);
  const handle: Record<Mode, (update: Update) => Promise<void>> = {
    on: async (update) => void (await Promise.all(inbox.admit([update]).fresh.map((fresh) => on.handle(fresh)))),
    off: (update) => off.handleUpdate(update),
  };
  const answer: Record<Mode, number[]> = { on: [], off: [] };
  const withDoneMark: Record<Mode, number[]> = { on: [], off: [] };
  for (let r = 0; r <= rounds; r++) {
    for (const [i, question] of questions.entries()) {
      for (const mode of (r + i) % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        const started = performance.now();
        await handle[mode](questionUpdate(question, 1000 + i));
        const answered = performance.now();
        // The done mark is written on the next turn of the event loop, after the reply.
        await nextTurn();
        if (r === 0) continue;
        answer[mode].push(answered - started);
        withDoneMark[mode].push(performance.now() - started);
      }
    }
  }
  inbox.close();
  return { answer: { on: summary(answer.on), off: summary(answer.off) }, withDoneMark: { on: summary(withDoneMark.on), off: summary(withDoneMark.off) } };
}

function batchOf100(sync: boolean): { medianMs: number; batches: number } {
  const inbox = new DurableInbox<Update>(openSqliteInbox(path.join(temp, `batch-${sync}.db`), { sync }), 1, logger);
  const times: number[] = [];
  for (let b = 0; b < 30; b++) {
    const batch = Array.from({ length: 100 }, (_, i) => questionUpdate(questions[i % questions.length] as string, 5000 + i));
    const started = performance.now();
    inbox.admit(batch);
    times.push(performance.now() - started);
    for (const update of batch) inbox.done(update.update_id);
  }
  inbox.close();
  return { medianMs: round(median(times), 2), batches: times.length };
}

try {
  const result = {
    questions: questions.length,
    rounds,
    inboxOn: { latencyMs: await latency(false), pollingBatchOf100: batchOf100(false) },
    inboxSync: { latencyMs: await latency(true), pollingBatchOf100: batchOf100(true) },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
