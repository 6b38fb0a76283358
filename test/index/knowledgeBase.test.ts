import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.js';
import { projectRoot } from '../../src/config.js';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { VECTORS_FILE } from '../../src/index/indexStore.js';
import { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { IndexBusyError, withWriteLock } from '../../src/index/writeLock.js';

let work: string;
let embedder: Embedder;

const open = (notices: string[] = []) =>
  KnowledgeBase.open({
    corpusDir: path.join(work, 'corpus'),
    indexDir: path.join(work, 'index'),
    maxDocumentBytes: 1 << 20,
    embedder,
    onNotice: (message) => notices.push(message),
  });

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'qantar-kb-'));
  await cp(path.join(projectRoot, 'corpus'), path.join(work, 'corpus'), { recursive: true });
  embedder = await createEmbedder('bundled', path.join(projectRoot, 'models'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('KnowledgeBase', () => {
  it('is busy from the moment a rebuild is requested, so a second request in the same tick is refused', async () => {
    const knowledge = await open();
    const first = knowledge.rebuild();
    expect(knowledge.busy).toBe(true);
    expect(await knowledge.rebuild()).toEqual({ status: 'busy' });
    expect((await first).status).toBe('done');
    expect(knowledge.busy).toBe(false);
  });

  it('rebuilds from sentence vectors when the previous graph file was removed by another process', async () => {
    const knowledge = await open();
    await rm(path.join(knowledge.snapshot.folder, VECTORS_FILE));
    await writeFile(path.join(work, 'corpus', 'buses.txt'), 'The city said 150 buses were burned during the unrest.');
    const outcome = await knowledge.rebuild();
    expect(outcome.status === 'done' && outcome.stats).toMatchObject({ embedded: 1 });
    const answer = await answerQuestion(knowledge.snapshot, embedder, 'How many buses were burned?');
    expect(answer.answered && answer.quotes[0]?.text).toBe('The city said 150 buses were burned during the unrest.');
    const died = await answerQuestion(knowledge.snapshot, embedder, 'How many people died during the riots?');
    expect(died.answered && died.quotes[0]?.text).toContain('230 people died');
  });

  it('rebuilds instead of failing when the stored manifest is damaged', async () => {
    const knowledge = await open();
    await writeFile(path.join(knowledge.snapshot.folder, 'manifest.json'), '{"formatVersion": 2, "dim": "oops"');
    const notices: string[] = [];
    const reopened = await open(notices);
    expect(notices).toContainEqual(expect.stringMatching(/^Building the index: no index has been built yet/));
    expect(reopened.snapshot.vectors.size).toBeGreaterThan(0);
  });
});

describe('withWriteLock', () => {
  it('refuses while another live process holds the index, and takes over a lock left by a dead one', async () => {
    const indexDir = path.join(work, 'locked');
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await withWriteLock(indexDir, async () => undefined);
    await writeFile(path.join(indexDir, 'write.lock'), String(holder.pid));

    await expect(withWriteLock(indexDir, async () => 'ran')).rejects.toBeInstanceOf(IndexBusyError);
    await expect(withWriteLock(indexDir, async () => 'ran')).rejects.toThrow(`process ${holder.pid}`);

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(await withWriteLock(indexDir, async () => readFile(path.join(indexDir, 'write.lock'), 'utf8'))).toBe(String(process.pid));
    await expect(readFile(path.join(indexDir, 'write.lock'))).rejects.toThrow(/ENOENT/);
  });
});
