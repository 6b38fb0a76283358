import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { loadSnapshot, readCurrentBuildFolder, readManifest } from '../../src/index/indexStore.js';
import { openQantar } from '../../src/main.js';


let work: string;
let env: NodeJS.ProcessEnv;

// One process, not the tsx wrapper: SIGKILL must hit the process that is writing the index.
/** Enough new text that embedding takes several batches, so the kill lands mid-build. */
function filler(count: number): string {
  return Array.from({ length: count }, (_, i) => `Report ${i}: the district court in region ${i % 17} reviewed ${i + 3} appeals on day ${i}.`).join('\n');
}

function runUntilEmbedding(): Promise<{ killedDuringEmbed: boolean; exitSignal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/rebuildUntilKilled.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let killedDuringEmbed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /embed (\d+)\/(\d+)/.exec(chunk.toString());
      if (match && Number(match[1]) > 0 && Number(match[1]) < Number(match[2]) && !killedDuringEmbed) {
        killedDuringEmbed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killedDuringEmbed, exitSignal: signal }));
  });
}

describe('a rebuild killed with SIGKILL', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'qantar-crash-'));
    await cp(path.join(projectRoot, 'corpus'), path.join(work, 'corpus'), { recursive: true });
    env = { ...process.env, CORPUS_DIR: path.join(work, 'corpus'), INDEX_DIR: path.join(work, 'index'), LOG_LEVEL: 'silent' };
    await openQantar(loadConfig(env));
    await writeFile(path.join(work, 'corpus', 'court-reports.txt'), filler(1500));
  }, 120_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('leaves the previous index loading and answering', async () => {
    const before = await readCurrentBuildFolder(path.join(work, 'index'));
    const run = await runUntilEmbedding();
    expect(run).toEqual({ killedDuringEmbed: true, exitSignal: 'SIGKILL' });

    const folder = await readCurrentBuildFolder(path.join(work, 'index'));
    expect(folder).toBe(before);
    const manifest = await readManifest(folder as string);
    const snapshot = await loadSnapshot(folder as string, manifest!);
    expect(snapshot.documents.map((d) => d.id)).toEqual(['000_ce937058a360aa29']);

    const qantar = await openQantar(loadConfig(env));
    const answer = await answerQuestion(snapshot, qantar.embedder, 'How many people died during the riots?');
    expect(answer.answered && answer.quotes[0]?.text).toContain('230 people died during the riots');
  }, 120_000);

  it('is finished on the next start, and leaves no half-written build behind', async () => {
    const qantar = await openQantar(loadConfig(env));
    expect(qantar.knowledge.snapshot.documents.map((d) => d.id)).toContain('court-reports');
    const builds = await readdir(path.join(work, 'index', 'builds'));
    expect(builds.filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    expect(builds).toHaveLength(1);
  }, 120_000);
});
