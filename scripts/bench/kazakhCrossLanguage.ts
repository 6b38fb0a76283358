/**
 * `npx tsx scripts/bench/kazakhCrossLanguage.ts [--runs 5] [--questions file.json]`
 * Kazakh questions over the English seed: each run is a fresh process, so its first question pays
 * for reading the Kazakh and Russian–English lexicons. Prints the latency over all runs (first
 * questions included) and how many questions each run answered right.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../../src/config.js';
import { openQantar } from '../../src/main.js';
import { type EvalQuestion, isCorrect } from '../evalMetrics.js';
import { latencySummary, median, round } from './measure.js';

const DEFAULT_QUESTIONS = path.join(projectRoot, 'scripts/bench/kazakh-seed-questions.json');

interface RunResult {
  firstMs: number;
  latenciesMs: number[];
  right: number;
  questions: number;
  wrong: string[];
}

async function runOnce(file: string): Promise<RunResult> {
  const { questions } = JSON.parse(readFileSync(file, 'utf8')) as { questions: EvalQuestion[] };
  const base = loadConfig();
  const qantar = await openQantar({ ...base, indexDir: path.join(base.indexDir, '..', 'bench-kazakh') });
  const latenciesMs: number[] = [];
  const wrong: string[] = [];
  let right = 0;
  for (const item of questions) {
    const started = performance.now();
    const answer = await qantar.ask(item.question);
    latenciesMs.push(performance.now() - started);
    const outcome = { item, answer, supportRank: 0, tookMs: 0, verbatim: true };
    if (isCorrect(outcome)) right++;
    else wrong.push(`${item.question} → ${answer.answered ? answer.quotes[0]?.text.slice(0, 70) : answer.reason}`);
  }
  return { firstMs: latenciesMs[0]!, latenciesMs, right, questions: questions.length, wrong };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, questions: { type: 'string', default: DEFAULT_QUESTIONS }, child: { type: 'boolean', default: false } } });
if (values.child) {
  process.stdout.write(`${JSON.stringify(await runOnce(values.questions))}\n`);
} else {
  const runs: RunResult[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', '--questions', values.questions], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`run ${i + 1} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunResult);
  }
  const all = runs.flatMap((r) => r.latenciesMs);
  const { p50, p95 } = latencySummary(all);
  console.log(`${runs.length} fresh runs × ${runs[0]!.questions} Kazakh questions over the seed`);
  console.log(`latency p50 ${round(p50, 1)} ms, p95 ${round(p95, 1)} ms; first question median ${round(median(runs.map((r) => r.firstMs)), 1)} ms`);
  console.log(`answered right: ${runs[0]!.right} / ${runs[0]!.questions}`);
  for (const line of runs[0]!.wrong) console.log(`  ✗ ${line}`);
}
