import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
  const questions = ['How many people died?', 'What is the capital of France?', 'what role did the human rights ombudsman play in all this?'];
  const { code, stdout, stderr } = await runAsk(['--json', '--batch'], `${questions[0]}\n\n  \n${questions[1]}\n${questions[2]}\n`, env);
  expect(code, stderr).toBe(0);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.map((l) => l.question)).toEqual(questions);
  for (const line of lines) expect(Object.keys(line)).toEqual(['question', 'answered', 'tier', 'quotes', 'figures', 'closest', 'text', 'tookMs']);
  expect(lines[0]).toMatchObject({ answered: true, tier: 'answer', closest: null });
  expect(JSON.stringify(lines[0]?.quotes)).toContain('230 people died');
  expect(lines[1]).toMatchObject({ answered: false, tier: 'not-covered', quotes: [], closest: null });
  // "Probably": not an answer, so no quotes; the sentence shown under the hedge is `closest`, verbatim.
  expect(lines[2]).toMatchObject({ answered: false, tier: 'probably', quotes: [] });
  const closest = lines[2]?.closest as { text: string; documentId: string; start: number; end: number; score: number };
  expect(Object.keys(closest)).toEqual(['text', 'documentId', 'start', 'end', 'score']);
  expect(closest.text).toContain('Commissioner for Human Rights has been actively involved');
  const document = await readFile(path.join(projectRoot, 'corpus', `${closest.documentId}.md`), 'utf8');
  // Offsets count from the document's text, after its front matter.
  expect(document).toContain(closest.text);
  expect(closest.end - closest.start).toBe(closest.text.length);
  expect(lines[2]?.text).toContain(closest.text);
});
