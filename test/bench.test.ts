import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

/**
 * Proves `npm run bench -- --quick --json` runs end to end and prints one well-formed JSON object.
 * No timing is asserted: this machine's speed is not what the test is about.
 */
function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['scripts/bench.ts', '--quick', '--json'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const POSITIVE = ['passages', 'modelLoadSeconds', 'embedPerSec', 'insertPerSec', 'ingestPassagesPerSec', 'buildSeconds', 'indexBytes', 'coldStartSeconds', 'queryP50Ms', 'queryP95Ms', 'queryP99Ms', 'rssMb'];

describe('npm run bench -- --quick --json', () => {
  it('prints exactly one JSON object with every field of every size', async () => {
    const { code, stdout, stderr } = await runQuickBench();
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.node).toMatch(/^v\d+/);
    expect(typeof report.model).toBe('string');
    expect(report.sizes).toHaveLength(1);
    const [size] = report.sizes;
    for (const field of POSITIVE) {
      expect(Number.isFinite(size[field]), field).toBe(true);
      expect(size[field], field).toBeGreaterThan(0);
    }
    expect(size.passages).toBeGreaterThanOrEqual(900);
    expect(size.queryP50Ms).toBeLessThanOrEqual(size.queryP95Ms);
    expect(size.queryP95Ms).toBeLessThanOrEqual(size.queryP99Ms);
    expect(size.recallAt10).toBeGreaterThan(0);
    expect(size.recallAt10).toBeLessThanOrEqual(1);
    // Null only with a note saying why, never silently.
    if (size.inlineP95Ms === null) expect(report.notes.join(' ')).toMatch(/not measured/);
    else expect(size.inlineP95Ms).toBeGreaterThan(0);
  }, 300_000);
});
