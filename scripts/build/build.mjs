/**
 * `npm run build`: compiles src/ and scripts/ with tsc (tsconfig.build.json) into dist/, then copies
 * the non-TypeScript files src/ reads at run time (JSON tables and the like) next to the compiled code.
 * With --if-stale (npm's prestart), it does nothing when dist/ is newer than every source file, so a
 * start after `git pull` or in a fresh clone builds first and every other start costs a few stat calls.
 * Plain JavaScript, so that checking costs no TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
/** Everything that changes the output: sources, assets and the compiler settings. */
const INPUTS = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Run-time assets are everything under src/ that tsc does not emit; the .mjs is tsx's worker shim. */
const isAsset = (file) => !/\.(ts|mts|cts|mjs)$/.test(file);

function newestInput(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestInput(path.join(entry, name))), stat.mtimeMs);
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((entry) => newestInput(entry) > built);
}

function build() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The TypeScript build failed; see the errors above.\n');
    process.exit(result.status ?? 1);
  }
  cpSync(path.join(root, 'src'), path.join(dist, 'src'), { recursive: true, filter: (source) => statSync(source).isDirectory() || isAsset(source) });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  if (process.argv.includes('--if-stale')) process.stderr.write('Building dist/ (sources changed since the last build)…\n');
  build();
}
