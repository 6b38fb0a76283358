import cliProgress from 'cli-progress';
import type { ProgressListener } from '../src/embedding/embedder.js';

/**
 * Shared plumbing for the npm scripts: progress bars on stderr (stdout stays clean for --json),
 * redrawn in place on a terminal and printed as a line every 2 s in logs and CI, and one-line
 * errors instead of stack traces.
 */
export function progressBar(): ProgressListener & { stop(): void } {
  let bar: cliProgress.SingleBar | undefined;
  let stage = '';
  const listener = (event: { stage: string; done: number; total: number }) => {
    if (event.total === 0) return;
    if (event.stage !== stage) {
      bar?.stop();
      stage = event.stage;
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${label(stage)} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(event.total, event.done);
    } else {
      bar?.update(event.done);
    }
    if (event.done >= event.total) {
      bar?.stop();
      bar = undefined;
      stage = '';
    }
  };
  return Object.assign(listener, { stop: () => bar?.stop() });
}

function label(stage: string): string {
  const labels: Record<string, string> = {
    distil: 'Building the bundled model',
    load: 'Loading the teacher model',
    write: 'Writing the model files',
    embed: 'Embedding sentences',
  };
  return (labels[stage] ?? stage).padEnd(26);
}

export function notice(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Runs a script's main function; expected failures and bugs alike end as one line on stderr and exit 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
    process.stderr.write(`Error: ${message}\n`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  });
}
