import { loadConfig } from '../src/config.js';
import { openQantar } from '../src/main.js';
import { notice, progressBar, runCli } from './cli.js';

runCli(async () => {
  const progress = progressBar();
  const qantar = await openQantar(loadConfig(), { onProgress: progress, onNotice: notice });
  const outcome = await qantar.knowledge.rebuild(progress);
  progress.stop();
  if (outcome.status === 'busy') throw new Error('Another rebuild is already running.');
  const { counts } = outcome.snapshot.manifest;
  const { embedded, reused, removed, seconds } = outcome.stats;
  process.stdout.write(
    `Indexed ${counts.documents} documents: ${counts.passages} passages, ${counts.sentences} sentences ` +
      `(${embedded} embedded, ${reused} reused, ${removed} removed) in ${seconds.toFixed(1)} s.\n`,
  );
  for (const rejected of outcome.corpus.rejected) notice(`Skipped: ${rejected.message}`);
});
