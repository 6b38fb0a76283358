import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

let indexDir: string | undefined;
afterAll(() => (indexDir ? rm(indexDir, { recursive: true, force: true }) : undefined));

function runAsk(args: string[], stdin: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', 'ask.ts'), ...args], { cwd: projectRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

it('ask --json --batch answers one JSON line per non-empty stdin line over the seed corpus', async () => {
  indexDir = await mkdtemp(path.join(tmpdir(), 'qantar-batch-'));
  const env = { ...process.env, INDEX_DIR: indexDir, CORPUS_DIR: path.join(projectRoot, 'corpus') };
  const { code, stdout, stderr } = await runAsk(['--json', '--batch'], 'How many people died?\n\n  \nWhat is the capital of France?\n', env);
  expect(code, stderr).toBe(0);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.map((l) => l.question)).toEqual(['How many people died?', 'What is the capital of France?']);
  for (const line of lines) expect(Object.keys(line)).toEqual(['question', 'answered', 'quotes', 'figures', 'text', 'tookMs']);
  expect(lines[0]?.answered).toBe(true);
  expect(JSON.stringify(lines[0]?.quotes)).toContain('230 people died');
  expect(lines[1]?.answered).toBe(false);
});
