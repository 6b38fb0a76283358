import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { corpusAdmin, openQantar, questionService } from '../src/main.js';
import type { AddLinkOutcome, ChangeSummary, RemoveDocumentOutcome } from '../src/telegram/services.js';
import { notice, progressBar, runCli } from './cli.js';

const USAGE = 'Usage: npm run docs -- list | add FILE|URL [--title T] | remove ID   (FILE: .txt .md .html .pdf .docx)';

/** The same corpus-change code path as the bot's admin commands (corpusAdmin), from the shell. */
runCli(async () => {
  const { values, positionals } = parseArgs({ options: { title: { type: 'string' } }, allowPositionals: true });
  const [command, argument] = positionals;
  if (command !== 'list' && command !== 'add' && command !== 'remove') throw new Error(USAGE);
  if (command !== 'list' && !argument) throw new Error(USAGE);
  const progress = progressBar();
  const qantar = await openQantar(loadConfig(), { onProgress: progress, onNotice: notice });
  if (command === 'list') {
    for (const d of questionService(qantar).documents()) {
      process.stdout.write(`${d.id}\t${d.passages} passages\t${d.date ?? '-'}\t${d.title}\n`);
    }
    return;
  }
  const admin = corpusAdmin(qantar);
  const outcome =
    command === 'remove'
      ? await admin.removeDocument(argument as string, progress)
      : isLink(argument as string)
        ? await admin.addLink({ url: argument as string, title: values.title, addedBy: shellUser() }, progress)
        : await admin.addDocument(await readUpload(argument as string, values.title), progress);
  progress.stop();
  process.stdout.write(`${describe(outcome, argument as string)}\n`);
});

function describe(outcome: AddLinkOutcome | RemoveDocumentOutcome, argument: string): string {
  switch (outcome.status) {
    case 'refused':
      throw new Error(`Refused ${argument}: ${outcome.refusal.reason} (${outcome.refusal.detail}). See the fetching rules in the README.`);
    case 'busy':
      throw new Error('Another change to the corpus is running; try again when it has finished.');
    case 'rejected':
      throw new Error(outcome.rejection.message);
    case 'not-found':
      throw new Error(`No document with id “${argument}”. See npm run docs -- list.`);
    case 'added':
      return `Added ‘${outcome.document.title}’ (${outcome.document.id}): ${outcome.document.passages} passages. ${summary(outcome)}`;
    case 'removed':
      return `Removed ‘${outcome.document.title}’ (${outcome.document.id}). ${summary(outcome)}`;
  }
}

function summary(change: ChangeSummary): string {
  return `The index has ${change.documents} documents, ${change.passages} passages; ${change.embedded} sentences embedded, ${change.reused} reused, ${change.seconds.toFixed(1)} s.`;
}

async function readUpload(file: string, title: string | undefined) {
  return { bytes: await readFile(file), fileName: path.basename(file), title, addedBy: shellUser() };
}

/** Anything with a scheme is a link (so ftp:// or file:// are refused by the fetcher with a reason, not read as a path). */
const isLink = (argument: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);

const shellUser = () => `shell:${os.userInfo().username}`;
