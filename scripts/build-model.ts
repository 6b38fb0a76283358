/**
 * Builds the bundled offline embedding model into <repo>/models (gitignored).
 *   npx tsx scripts/build-model.ts [--force]
 * Progress bars go to stderr, a one-line summary to stdout.
 */
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import type { ProgressListener } from '../src/embedding/embedder.js';
import { ensureBundledModel } from '../src/embedding/bundled/ensureBundledModel.js';
import { ONNX_FILE } from '../src/embedding/bundled/staticModelFiles.js';

// Relative to this file, not the cwd, so `npm run build-model` works from any directory.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const modelsDir = join(repoRoot, 'models');

/** One bar per stage; a new stage name finishes the previous bar. */
function progressBars(): { listener: ProgressListener; stop: () => void; seconds: Map<string, number> } {
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  let stageStart = 0;
  const seconds = new Map<string, number>();
  const stop = () => bar?.stop();
  const listener: ProgressListener = ({ stage, done, total }) => {
    const now = performance.now();
    if (stage !== current) {
      stageStart = now;
      stop();
      current = stage;
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${stage.padEnd(7)} [{bar}] {value}/{total} {duration_formatted}` },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    } else {
      bar?.setTotal(total);
      bar?.update(done);
    }
    seconds.set(stage, (now - stageStart) / 1000);
  };
  return { listener, stop, seconds };
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const bars = progressBars();
  const started = performance.now();
  let built = false;
  const model = await ensureBundledModel(
    modelsDir,
    (event) => {
      built = true;
      bars.listener(event);
    },
    { force },
  ).finally(bars.stop);
  const seconds = (performance.now() - started) / 1000;
  const onnxMb = (await stat(join(model.folder, ONNX_FILE))).size / 1e6;
  const distil = bars.seconds.get('distil');
  const verb = built
    ? `built in ${seconds.toFixed(1)} s${distil === undefined ? '' : ` (distil ${distil.toFixed(1)} s)`}`
    : 'up to date';
  console.log(
    `${model.modelName}: ${verb}, ${ONNX_FILE} ${onnxMb.toFixed(1)} MB, ` +
      `hash ${model.modelHash.slice(0, 12)} → ${relative(process.cwd(), model.folder) || '.'}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
