import { type ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '../../src/config.js';

/** The real bot (`tsx src/main.ts`) as a child process, with everything it prints kept for failure messages. */
export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `env` is added to the test's own environment; pass every variable the test depends on. */
export function spawnBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, MODELS_DIR: `${projectRoot}/models`, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
