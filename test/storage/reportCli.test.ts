import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { TempLog } from './tempLog.js';

const run = promisify(execFile);
let temp: TempLog;
afterEach(() => temp?.remove());

const report = (args: string[], databasePath: string) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], { cwd: projectRoot, env: { ...process.env, DATABASE_PATH: databasePath, QUESTION_LOG: 'off' } });

describe('npm run report', () => {
  it('prints stats and the worst-rated answers as CSV from the shell, even with QUESTION_LOG=off', async () => {
    temp = new TempLog();
    const usage = temp.open();
    const quote = { text: 'About 10,000 people, "officially", were detained.', documentId: 'acca', title: 'T', publisher: null, url: null, start: 3, end: 51, score: 0.7, figures: [] };
    const answer = { tier: 'answer' as const, answered: true as const, question: 'How many, roughly?', lead: 'About 10,000', figures: [], quotes: [quote] };
    const id = usage.recordQuestion({ at: Date.now(), userId: 1, chatId: 1, chatType: 'private', languageCode: 'en', question: answer.question, answer, latencyMs: 4 }) as number;
    usage.vote({ questionId: id, userId: 1, chatId: 1, vote: 'down', at: Date.now() });
    usage.close();

    const stats = await report(['stats', '--csv'], temp.file);
    expect(stats.stdout.split('\n')).toEqual([
      'period,questions,answered,probably,abstained,up,down',
      'today (UTC),1,1,0,0,0,1',
      '7 days,1,1,0,0,0,1',
      'all time,1,1,0,0,0,1',
      '',
    ]);
    const feedback = await report(['feedback', '--days', '30', '--csv'], temp.file);
    expect(feedback.stdout).toContain(',"How many, roughly?",acca:3-51,"About 10,000 people, ""officially"", were detained."');
  }, 60_000);

  it('explains its usage and a missing database in one line', async () => {
    temp = new TempLog();
    await expect(report(['stats', '--days', 'many'], temp.file)).rejects.toMatchObject({ stderr: expect.stringContaining('Usage: npm run report --') });
    await expect(report(['stats'], temp.file)).rejects.toMatchObject({ stderr: expect.stringContaining(`There is no question log at ${temp.file}`) });
  }, 60_000);
});
