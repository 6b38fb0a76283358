import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { projectRoot } from '../../src/config.js';

/**
 * The crash scenario of issue 16, as a user would try it: 400 users each ask one question at once
 * through the Bot API emulator, the bot (long polling, `tsx src/main.ts`) is killed with SIGKILL as
 * soon as the first answer arrives, started again, and the replies are counted per user.
 * With a third argument N the kill comes N ms after the bot has fetched the questions instead,
 * while answers are still being worked out.
 * `npx tsx scripts/bench/killRestart.ts [on|off|sync] [questions] [ms after fetch]`; prints JSON.
 */
const inbox = process.argv[2] ?? 'on';
const count = Number(process.argv[3] ?? 400);
const killAfterFetchMs = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const TOKEN = '464646:kill-restart';
const temp = mkdtempSync(path.join(tmpdir(), 'qantar-kill-'));
cpSync(path.join(projectRoot, 'corpus'), path.join(temp, 'corpus'), { recursive: true });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
await emulator.start();

async function start(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      CORPUS_DIR: path.join(temp, 'corpus'),
      INDEX_DIR: path.join(temp, 'index'),
      DATABASE_PATH: path.join(temp, 'qantar.db'),
      INBOX: inbox,
      WEBHOOK_URL: '',
      LOG_LEVEL: 'info',
      PORT: String(await freePort()),
      RATE_LIMIT_PER_MINUTE: '20',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

const replies = () => emulator.storage.botMessages.filter((m) => m.botToken === TOKEN);
const waitFor = async (done: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
};

try {
  // A first start builds the index, so the measured start is a warm one.
  const warm = await start();
  await waitFor(() => warm.output().includes('"msg":"bot started"'), 120_000);
  warm.child.kill('SIGTERM');
  await new Promise((resolve) => warm.child.once('exit', resolve));

  for (let i = 0; i < count; i++) {
    const client = emulator.getClient(TOKEN, { userId: 700_000 + i, chatId: 700_000 + i });
    await client.sendMessage(client.makeMessage(i % 2 ? 'How many people were detained?' : 'How many people died?'));
  }
  const first = await start();
  const fetched = () => emulator.storage.userMessages.filter((m) => m.botToken === TOKEN && m.isRead).length;
  if (killAfterFetchMs === undefined) {
    // Killed the moment the emulator stores the first reply.
    emulator.once('AddedBotMessage', () => first.child.kill('SIGKILL'));
  } else {
    await waitFor(() => fetched() === count, 120_000);
    setTimeout(() => first.child.kill('SIGKILL'), killAfterFetchMs);
  }
  await new Promise((resolve) => first.child.once('exit', resolve));
  const beforeKill = replies().length;
  const fetchedBeforeKill = fetched();

  const second = await start();
  await waitFor(() => second.output().includes('"msg":"bot started"'), 120_000);
  // Quiet for 3 s: everything that will be answered has been.
  let last = -1;
  while (replies().length !== last) {
    last = replies().length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  second.child.kill('SIGTERM');
  await new Promise((resolve) => second.child.once('exit', resolve));
  const perChat = new Map<number, number>();
  for (const reply of replies()) {
    const chat = Number((reply.message as { chat_id: number | string }).chat_id);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
  }
  const recovered = Number(/"recovered":(\d+)/.exec(second.output())?.[1] ?? 0);
  const result = {
    inbox,
    questions: count,
    kill: killAfterFetchMs === undefined ? 'at the first stored reply' : `${killAfterFetchMs} ms after the fetch`,
    fetchedBeforeKill,
    answeredBeforeKill: beforeKill,
    answered: perChat.size,
    answeredTwice: [...perChat.values()].filter((n) => n > 1).length,
    recoveredAtRestart: recovered,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await emulator.stop();
  rmSync(temp, { recursive: true, force: true });
}
