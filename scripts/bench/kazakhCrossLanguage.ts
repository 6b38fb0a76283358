/**
 * `npx tsx scripts/bench/kazakhCrossLanguage.ts [--runs 5] [--questions file.json] [--warm-up "question"]`
 * Kazakh questions over the English seed: each run is a fresh process, so its first Kazakh question
 * pays for reading the Kazakh and Russian–English lexicons. With --warm-up, an English question is
 * asked first and timed apart: what any first question costs, whatever its language. Prints the
 * latency over all runs (first Kazakh questions included) and how many each run answered right.
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
  warmUpMs: number | null;
  firstMs: number;
  latenciesMs: number[];
  right: number;
  questions: number;
  wrong: string[];
}

async function runOnce(file: string, warmUp: string | undefined): Promise<RunResult> {
  const { questions } = JSON.parse(readFileSync(file, 'utf8')) as { questions: EvalQuestion[] };
  const base = loadConfig();
  const qantar = await openQantar({ ...base, indexDir: path.join(base.indexDir, '..', 'bench-kazakh') });
  let warmUpMs: number | null = null;
  if (warmUp !== undefined) {
    const started = performance.now();
    await qantar.ask(warmUp);
    warmUpMs = performance.now() - started;
  }
  const latenciesMs: number[] = [];
  const wrong: string[] = [];
  let right = 0;
  for (const item of questions) {
    const started = performance.now();
    const answer = await qantar.ask(item.question);
    latenciesMs.push(performance.now() - started);
    const outcome = { item, answer, supportRank: 0, tookMs: 0, verbatim: true };
    if (isCorrect(outcome)) right++;
    else wrong.push(`${item.question} → ${answer.answered ? answer.quotes[0]?.text.slice(0, 70) : answer.tier === 'probably' ? `probably: ${answer.closest.text.slice(0, 60)}` : answer.reason}`);
  }
  return { warmUpMs, firstMs: latenciesMs[0]!, latenciesMs, right, questions: questions.length, wrong };
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    questions: { type: 'string', default: DEFAULT_QUESTIONS },
    'warm-up': { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});
if (values.child) {
  process.stdout.write(`${JSON.stringify(await runOnce(values.questions, values['warm-up']))}\n`);
} else {
  const runs: RunResult[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const warmUp = values['warm-up'] === undefined ? [] : ['--warm-up', values['warm-up']];
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', '--questions', values.questions, ...warmUp], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`run ${i + 1} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunResult);
  }
  const all = runs.flatMap((r) => r.latenciesMs);
  const { p50, p95 } = latencySummary(all);
  console.log(`${runs.length} fresh runs × ${runs[0]!.questions} Kazakh questions over the seed`);
  console.log(`latency p50 ${round(p50, 1)} ms, p95 ${round(p95, 1)} ms; first question median ${round(median(runs.map((r) => r.firstMs)), 1)} ms`);
  const warmUps = runs.flatMap((r) => r.warmUpMs ?? []);
  if (warmUps.length > 0) console.log(`English warm-up question (timed apart) median ${round(median(warmUps), 1)} ms`);
  console.log(`answered right: ${runs[0]!.right} / ${runs[0]!.questions}`);
  for (const line of runs[0]!.wrong) console.log(`  ✗ ${line}`);
}
