/**
 * `npx tsx scripts/bench/pdfIngest.ts [--runs 5] [--pages 20] [--passages N]`
 * Adds a generated PDF report (different text each run) to a temp copy of the seed corpus (or, with
 * --passages, a synthetic news corpus of that many passages, as `npm run bench` writes) through the
 * same corpusAdmin port the bot and `npm run docs` use, and reports the median time from bytes to
 * an answerable document, the median time to read the PDF alone, and how many progress events came.
 * Target (issue 17): a 20-page report added in ≤ 5 s on 2 cores, with progress.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../../src/config.js';
import { extractPdf } from '../../src/corpus/extract/pdf.js';
import { corpusAdmin, openQantar } from '../../src/main.js';
import { notice, runCli } from '../cli.js';
import { median, round, timed } from './measure.js';
import { longReport } from './reportPdf.js';
import { writeSyntheticCorpus } from './syntheticCorpus.js';

runCli(async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, pages: { type: 'string', default: '20' }, passages: { type: 'string' } } });
  const runs = Number(values.runs);
  const pages = Number(values.pages);
  const root = await mkdtemp(path.join(tmpdir(), 'qantar-pdf-bench-'));
  try {
    if (values.passages) await writeSyntheticCorpus(path.join(root, 'corpus'), Number(values.passages), 10);
    else await cp(path.join(projectRoot, 'corpus'), path.join(root, 'corpus'), { recursive: true });
    const config = loadConfig({ CORPUS_DIR: path.join(root, 'corpus'), INDEX_DIR: path.join(root, 'index'), MODELS_DIR: path.join(projectRoot, 'models'), LOG_LEVEL: 'silent' });
    const qantar = await openQantar(config);
    const admin = corpusAdmin(qantar);
    const added: number[] = [];
    const read: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const pdf = longReport(pages, run);
      read.push((await timed(() => extractPdf(pdf))).seconds);
      const stages = new Map<string, number>();
      const { value: outcome, seconds } = await timed(() =>
        admin.addDocument({ bytes: pdf, fileName: `report-${run}.pdf`, addedBy: 'bench' }, ({ stage }) => stages.set(stage, (stages.get(stage) ?? 0) + 1)),
      );
      if (outcome.status !== 'added') throw new Error(`run ${run}: ${JSON.stringify(outcome)}`);
      added.push(seconds);
      const progress = [...stages].map(([stage, count]) => `${stage}×${count}`).join(' ');
      notice(`run ${run}: ${pdf.length} bytes, ${outcome.document.passages} passages, ${outcome.embedded} sentences embedded, ${seconds.toFixed(2)} s; progress ${progress}`);
    }
    const report = {
      machine: { cpus: cpus().length, node: process.version },
      pages,
      runs,
      corpus: values.passages ? `synthetic, ${values.passages} passages` : 'seed',
      addSecondsMedian: round(median(added), 2),
      readPdfSecondsMedian: round(median(read), 3),
      addSeconds: added.map((s) => round(s, 2)),
      targetSeconds: 5,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
