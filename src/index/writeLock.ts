import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** Another live process (the bot, or `npm run docs`) is changing the same index. */
export class IndexBusyError extends Error {
  override name = 'IndexBusyError';
}

const LOCK_FILE = 'write.lock';

/**
 * Runs `operation` while holding INDEX_DIR/write.lock, so two processes never build into or clean
 * up the same index at once. A lock left by a process that died is taken over.
 */
export async function withWriteLock<T>(indexDir: string, operation: () => Promise<T>): Promise<T> {
  const file = path.join(indexDir, LOCK_FILE);
  await mkdir(indexDir, { recursive: true });
  await acquire(file);
  try {
    return await operation();
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(file: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (isAlive(holder) && holder !== process.pid) {
        throw new IndexBusyError(`The index in ${path.dirname(file)} is being changed by process ${holder}; try again when it has finished.`);
      }
      await rm(file, { force: true });
    }
  }
  throw new IndexBusyError(`Could not lock ${file}.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
