import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SALT_FILE = 'log-salt';

/**
 * The salt users and chats are hashed with: LOG_SALT when set, otherwise a random one generated
 * once into the database's folder (readable by the owner only) and reused on every later start,
 * so one user's questions and votes keep matching across restarts.
 */
export function loadOrCreateSalt(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;
  const file = path.join(dataDir, SALT_FILE);
  const existing = readSalt(file);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': if another process created it meanwhile, keep theirs.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSalt(file);
  if (created === undefined) throw new Error(`${file} is empty; delete it or set LOG_SALT.`);
  return created;
}

function readSalt(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A keyed hash: without the salt, a stored value cannot be checked against a guessed Telegram id. */
export function pseudonym(salt: string, kind: 'user' | 'chat', id: number): string {
  return createHmac('sha256', salt).update(`${kind}:${id}`).digest('base64url').slice(0, 16);
}
