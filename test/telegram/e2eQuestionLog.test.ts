import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { freePort } from './fileServer.js';

/**
 * The question log through the real process and the Bot API emulator: a user asks, votes and asks
 * again; the bot is stopped and started again; the admin's reports still show all of it.
 */
const TOKEN = '434343:e2e-log-token';
const USER = 31;
const ADMIN = 32;
let server: TelegramServer;
let temp: string;

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 120 });
  await server.start();
  temp = await mkdtemp(path.join(tmpdir(), 'qantar-e2e-log-'));
  await cp(path.join(projectRoot, 'corpus'), path.join(temp, 'corpus'), { recursive: true });
});

afterAll(async () => {
  await server?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startBotProcess(port: number): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      CORPUS_DIR: path.join(temp, 'corpus'),
      INDEX_DIR: path.join(temp, 'index'),
      MODELS_DIR: path.join(projectRoot, 'models'),
      DATABASE_PATH: path.join(temp, 'data', 'qantar.db'),
      QUESTION_LOG: 'on',
      LOG_SALT: '',
      WEBHOOK_URL: '',
      ADMIN_IDS: String(ADMIN),
      LOG_LEVEL: 'info',
      PORT: String(port),
      METRICS: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function stop(bot: Running): Promise<void> {
  bot.child.kill('SIGTERM');
  expect(await bot.exited, bot.output()).toBe(0);
}

type Reply = { text: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };
const client = (id: number) => server.getClient(TOKEN, { userId: id, chatId: id, timeout: 60_000, interval: 50 });
const nextReply = async (c: ReturnType<typeof client>) => (await c.getUpdates()).result[0]?.message as unknown as Reply;

describe('the question log survives a restart of the real process', () => {
  it('ask, vote, restart, then /unanswered and /stats show what happened before', async () => {
    const user = client(USER);
    const port = await freePort();
    const first = startBotProcess(port);
    try {
      await user.sendMessage(user.makeMessage('How many people were detained?'));
      const answer = await nextReply(user);
      expect(answer.text, first.output()).toContain('<b>About two thousand</b>');
      const down = answer.reply_markup?.inline_keyboard.flat().find((button) => button.text === '👎');
      expect(down?.callback_data).toMatch(/^fb:\d+:d$/);
      await user.sendCallback(user.makeCallbackQuery(down?.callback_data ?? ''));
      // Updates of one chat are handled in order, so once this is answered the vote is in.
      await user.sendMessage(user.makeMessage('Who won the 1998 World Cup?'));
      expect((await nextReply(user)).text).toMatch(/do not cover/);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/qantar_questions_total\{outcome="answered",language="en",chat_type="private"\} 1\b/);
      expect(metrics).toMatch(/qantar_questions_total\{outcome="not-covered",language="en",chat_type="private"\} 1\b/);
      expect(metrics).toMatch(/qantar_answer_duration_seconds_count 2\b/);
    } finally {
      await stop(first);
    }

    const admin = client(ADMIN);
    const second = startBotProcess(await freePort());
    try {
      await admin.sendCommand(admin.makeCommand('/unanswered'));
      const unanswered = (await nextReply(admin)).text;
      expect(unanswered, second.output()).toContain('• 1× How many people were detained?');
      expect(unanswered).toContain('• 1× Who won the 1998 World Cup?');
      await admin.sendCommand(admin.makeCommand('/stats'));
      const stats = (await nextReply(admin)).text;
      expect(stats).toContain('All time: 2 questions, answered 1, “probably” 0, abstained 1, 👍 0, 👎 1');
      expect(stats).toContain('Questions since start: 0 answered, 0 “probably”, 0 without an answer');
    } finally {
      await stop(second);
    }
  }, 180_000);
});
