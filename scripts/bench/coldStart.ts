import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { median } from './measure.js';

const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const ASK = path.join(projectRoot, 'scripts', 'ask.ts');

export interface ColdStart {
  seconds: number;
  note?: string | undefined;
}

/**
 * Seconds from spawning `tsx scripts/ask.ts --json "…"` to its answer on stdout, with the index
 * already built: what a user waits for after a restart. The median of `runs`, since one run on a
 * shared machine says little; the first run also warms the page cache and tsx's transform cache.
 */
export async function measureColdStart(corpusDir: string, indexDir: string, question: string, runs: number): Promise<ColdStart> {
  const times: number[] = [];
  let note: string | undefined;
  for (let i = 0; i < runs; i++) {
    const run = await askOnce(corpusDir, indexDir, question);
    times.push(run.seconds);
    // A rebuild would time indexing, not a start: say so rather than report a misleading number.
    if (run.stderr.includes('Building the index')) note = `ask.ts rebuilt the index: ${run.stderr.split('\n')[0]}`;
  }
  return { seconds: median(times), note };
}

function askOnce(corpusDir: string, indexDir: string, question: string): Promise<{ seconds: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answeredAt: number | undefined;
    let stdout = '';
    let stderr = '';
    const child = spawn(TSX, [ASK, '--json', question], {
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
      if (code !== 0 || answeredAt === undefined) return reject(new Error(`ask.ts exited with ${code}: ${stderr.trim()}`));
      resolve({ seconds: (answeredAt - started) / 1000, stderr });
    });
  });
}
