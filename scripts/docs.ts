import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { addDocument } from '../src/index/addDocument.js';
import { removeDocument } from '../src/index/removeDocument.js';
import { openQantar } from '../src/main.js';
import { notice, progressBar, runCli } from './cli.js';

const USAGE = 'Usage: npm run docs -- list | add FILE [--title T] | remove ID';

/** The same corpus-change code path as the bot's admin commands, from the shell. */
runCli(async () => {
  const { values, positionals } = parseArgs({ options: { title: { type: 'string' } }, allowPositionals: true });
  const [command, argument] = positionals;
  if (command !== 'list' && command !== 'add' && command !== 'remove') throw new Error(USAGE);
  if (command !== 'list' && !argument) throw new Error(USAGE);
  const progress = progressBar();
  const { knowledge } = await openQantar(loadConfig(), { onProgress: progress, onNotice: notice });
  if (command === 'list') {
    for (const d of knowledge.snapshot.documents) {
      process.stdout.write(`${d.id}\t${d.passages.length} passages\t${d.date ?? '-'}\t${d.title}\n`);
    }
    return;
  }
  const started = performance.now();
  const outcome =
    command === 'add'
      ? await addDocument(knowledge, await readUpload(argument as string, values.title), progress)
      : await removeDocument(knowledge, argument as string, progress);
  progress.stop();
  if (outcome.status === 'rejected') throw new Error(outcome.rejection.message);
  if (outcome.status === 'not-found') throw new Error(`No document with id “${argument}”. See npm run docs -- list.`);
  const verb = command === 'add' ? 'Added' : 'Removed';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${verb} ‘${outcome.title}’ (${outcome.documentId}): ${outcome.snapshot.manifest.counts.passages} passages in the index, ${outcome.stats.embedded} sentences embedded, ${seconds} s.\n`);
});

async function readUpload(file: string, title: string | undefined) {
  return {
    bytes: await readFile(file),
    fileName: path.basename(file),
    title,
    addedBy: `shell:${os.userInfo().username}`,
    date: new Date().toISOString(),
  };
}
