import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { median } from './measure.js';

/** How `npm start` runs (compiled JavaScript), and how it ran before the build, for comparison. */
export type StartPath = 'compiled' | 'tsx';

const COMMANDS: Record<StartPath, { command: string; args: string[] }> = {
  compiled: { command: process.execPath, args: [path.join(projectRoot, 'dist', 'scripts', 'ask.js')] },
  tsx: { command: path.join(projectRoot, 'node_modules', '.bin', 'tsx'), args: [path.join(projectRoot, 'scripts', 'ask.ts')] },
};

export interface ColdStart {
  seconds: Record<StartPath, number>;
  note?: string | undefined;
}

/** The compiled path is measured on a fresh build: the same step `npm start` runs first. */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build', 'build.mjs'), '--if-stale'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('npm run build failed, so the compiled cold start cannot be measured.');
}

/**
 * Seconds from spawning `ask --json "…"` to its answer on stdout, with the index already built:
 * what a user waits for after a restart. The median of `runs` per path, the two paths taking
 * turns so that a noisy neighbour slows both alike; the first run also warms the page cache.
 */
export async function measureColdStart(corpusDir: string, indexDir: string, question: string, runs: number): Promise<ColdStart> {
  const times: Record<StartPath, number[]> = { compiled: [], tsx: [] };
  let note: string | undefined;
  for (let i = 0; i < runs; i++) {
    for (const startPath of ['compiled', 'tsx'] as const) {
      const run = await askOnce(startPath, corpusDir, indexDir, question);
      times[startPath].push(run.seconds);
      // A rebuild would time indexing, not a start: say so rather than report a misleading number.
      if (run.stderr.includes('Building the index')) note = `ask rebuilt the index: ${run.stderr.split('\n')[0]}`;
    }
  }
  return { seconds: { compiled: median(times.compiled), tsx: median(times.tsx) }, note };
}

function askOnce(startPath: StartPath, corpusDir: string, indexDir: string, question: string): Promise<{ seconds: number; stderr: string }> {
  const { command, args } = COMMANDS[startPath];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answeredAt: number | undefined;
    let stdout = '';
    let stderr = '';
    const child = spawn(command, [...args, '--json', question], {
      cwd: projectRoot,
      env: { ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (answeredAt === undefined && stdout.includes('\n')) answeredAt = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || answeredAt === undefined) return reject(new Error(`ask (${startPath}) exited with ${code}: ${stderr.trim()}`));
      resolve({ seconds: (answeredAt - started) / 1000, stderr });
    });
  });
}
