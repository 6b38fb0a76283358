/**
 * `npm run bench [-- --json] [--sizes 1000,10000,100000] [--quick] [--keep]`
 * Builds a synthetic corpus per size in a temp folder and measures ingest, cold start, warm and
 * inline latency, HNSW recall and peak RSS. With --json, stdout carries exactly one JSON object.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../src/config.js';
import { readCurrentBuildFolder } from '../src/index/indexStore.js';
import { notice, runCli } from './cli.js';
import { type ColdStart, ensureBuilt, measureColdStart } from './bench/coldStart.js';
import type { SizeMeasurement } from './bench/measureSize.js';
import { round } from './bench/measure.js';
import { type BenchReport, type SizeReport, UNITS, formatTable } from './bench/report.js';
import { writeSyntheticCorpus } from './bench/syntheticCorpus.js';

const DEFAULT_SIZES = [1000, 10_000, 100_000];
/** Warm latency is taken over all of them (≥ 500); --quick only proves the bench runs. */
const QUESTIONS = 600;
const QUICK_QUESTIONS = 100;
const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const MEASURE = path.join(projectRoot, 'scripts', 'bench', 'measureSize.ts');

interface Options {
  json: boolean;
  sizes: number[];
  questions: number;
  coldStartRuns: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, sizes: { type: 'string' }, quick: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
  });
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim())) : values.quick ? [1000] : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes takes passage counts of at least 10, e.g. 1000,10000; got "${values.sizes}".`);
  return { json: values.json, sizes, questions: values.quick ? QUICK_QUESTIONS : QUESTIONS, coldStartRuns: values.quick ? 1 : 3, keep: values.keep };
}

export async function runBench(argv: string[]): Promise<BenchReport> {
  const options = parseOptions(argv);
  const notes: string[] = [];
  const sizes: SizeReport[] = [];
  ensureBuilt();
  for (const passages of options.sizes) sizes.push(await benchSize(passages, options, notes));
  return {
    machine: { cpus: cpus().length, node: process.version },
    model: loadConfig().embeddingModel,
    sizes,
    units: UNITS,
    notes: [...new Set(notes)],
  };
}

async function benchSize(passages: number, options: Options, notes: string[]): Promise<SizeReport> {
  const root = await mkdtemp(path.join(tmpdir(), `qantar-bench-${passages}-`));
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  try {
    notice(`— ${passages.toLocaleString('en-US')} passages: writing the synthetic corpus to ${root}`);
    const corpus = await writeSyntheticCorpus(corpusDir, passages, options.questions);
    const questionsFile = path.join(root, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(corpus.questions));
    const measured = await runMeasureChild(corpusDir, indexDir, questionsFile);
    if (measured.inlineNote) notes.push(`inline p95 ${measured.inlineNote}`);
    const answerable = corpus.questions.find((q) => q.figure !== null)?.question ?? 'How many people were evacuated?';
    const cold = await measureColdStart(corpusDir, indexDir, answerable, options.coldStartRuns);
    if (cold.note) notes.push(`${passages} passages: ${cold.note}`);
    return toReport(measured, await folderBytes(indexDir), cold.seconds);
  } finally {
    if (options.keep) notice(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

function toReport(m: SizeMeasurement, indexBytes: number, coldStart: ColdStart['seconds']): SizeReport {
  return {
    passages: m.passages,
    modelLoadSeconds: round(m.modelLoadSeconds),
    embedPerSec: round(m.embedPerSec, 0),
    insertPerSec: round(m.passages / m.insertSeconds, 0),
    ingestPassagesPerSec: round(m.passages / m.buildSeconds, 0),
    buildSeconds: round(m.buildSeconds, 2),
    indexBytes,
    coldStartSeconds: round(coldStart.compiled),
    queryP50Ms: round(m.queryMs.p50),
    queryP95Ms: round(m.queryMs.p95),
    queryP99Ms: round(m.queryMs.p99),
    inlineP95Ms: m.inlineP95Ms === null ? null : round(m.inlineP95Ms),
    recallAt10: round(m.recallAt10, 4),
    rssMb: round(m.rssMb, 0),
    sentences: m.sentences,
    documents: m.documents,
    firstAnswerSeconds: round(m.firstAnswerSeconds),
    answerHitRate: round(m.answerHitRate),
    offTopicAbstainRate: round(m.offTopicAbstainRate),
    coldStartTsxSeconds: round(coldStart.tsx),
  };
}

/** The child's stderr (progress) passes through; its stdout is one JSON line. */
function runMeasureChild(corpusDir: string, indexDir: string, questionsFile: string): Promise<SizeMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MEASURE, corpusDir, indexDir, questionsFile], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`measuring failed (exit ${code})`));
      resolve(JSON.parse(line) as SizeMeasurement);
    });
  });
}

/** Bytes of the live build: what a deployment stores and loads. */
async function folderBytes(indexDir: string): Promise<number> {
  const folder = await readCurrentBuildFolder(indexDir);
  if (!folder) return 0;
  let total = 0;
  for (const name of await readdir(folder)) total += (await stat(path.join(folder, name))).size;
  return total;
}

runCli(async () => {
  const report = await runBench(process.argv.slice(2));
  const table = `${formatTable(report)}\n`;
  // With --json the table still reaches a person, on stderr, and stdout stays one JSON object.
  if (parseOptions(process.argv.slice(2)).json) {
    process.stderr.write(table);
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(table);
  }
});
