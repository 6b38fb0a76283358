/**
 * `tsx scripts/bench/hnswSweep.ts <index-dir> <questions.json> [M,M…] [efC,efC…] [ef,ef…]`
 * Rebuilds the HNSW graph of an index kept by `npm run bench -- --keep` with each M × efConstruction
 * and reports insert rate, then recall@10 and search time for each ef: the numbers DEFAULT_HNSW is
 * chosen from. Writes a Markdown table on stdout. The port fixes ef when a graph is opened, so each
 * graph is saved once and reopened for each ef, through the same adapter the bot uses.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import { createHnswIndex, loadHnswIndex } from '../../src/index/hnswVectorIndex.js';
import { loadSnapshot, readCurrentBuildFolder, readManifest } from '../../src/index/indexStore.js';
import { poolRows } from '../../src/index/sentenceVectors.js';
import type { KnowledgeSnapshot } from '../../src/index/snapshot.js';
import { loadConfig } from '../../src/config.js';
import { notice, runCli } from '../cli.js';
import { exactNeighbours, median, recallAtK, round } from './measure.js';
import type { BenchQuestion } from './syntheticCorpus.js';

const numbers = (arg: string | undefined, fallback: number[]) => (arg ? arg.split(',').map(Number) : fallback);

runCli(async () => {
  const [indexDir, questionsFile, ms, efcs, efs] = process.argv.slice(2);
  if (!indexDir || !questionsFile) throw new Error('Usage: tsx scripts/bench/hnswSweep.ts <index-dir> <questions.json> [M list] [efConstruction list] [ef list]');
  const folder = await readCurrentBuildFolder(indexDir);
  const manifest = folder && (await readManifest(folder));
  if (!folder || !manifest) throw new Error(`No built index in ${indexDir}.`);
  const snapshot = await loadSnapshot(folder, manifest);
  const config = loadConfig();
  const embedder = await createEmbedder(config.embeddingModel, config.modelsDir);
  const questions = (JSON.parse(await readFile(questionsFile, 'utf8')) as BenchQuestion[]).slice(0, 200).map((q) => q.question);
  const queries = await embedder.embed(questions, 'query');
  const exact = exactNeighbours(snapshot, queries, 10);
  const vectors = passageVectors(snapshot);
  const rows: string[] = ['| M | efConstruction | inserts/s | ef | recall@10 | search k=30 median µs |', '|---|---|---|---|---|---|'];
  const temp = await mkdtemp(path.join(tmpdir(), 'qantar-sweep-'));
  const graphFile = path.join(temp, 'vectors.hnsw');
  const sweep: Sweep = { dim: snapshot.manifest.dim, vectors, queries, exact, graphFile, efs: numbers(efs, [32, 64, 96, 128, 200]) };
  try {
    for (const m of numbers(ms, [8, 12, 16, 24])) {
      for (const efConstruction of numbers(efcs, [64, 100, 200])) rows.push(...(await sweepGraph(sweep, m, efConstruction)));
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  process.stdout.write(`${snapshot.manifest.counts.passages} passages, ${queries.length} queries\n\n${rows.join('\n')}\n`);
});

interface Sweep {
  dim: number;
  vectors: Array<[number, Float32Array]>;
  queries: Float32Array[];
  exact: number[][];
  graphFile: string;
  efs: number[];
}

/** Builds one graph, then measures recall@10 and search time at each ef: one table row per ef. */
async function sweepGraph(sweep: Sweep, m: number, efConstruction: number): Promise<string[]> {
  const graph = createHnswIndex(sweep.dim, { m, efConstruction, efSearch: 10 }, sweep.vectors.length);
  const started = performance.now();
  for (const [label, vector] of sweep.vectors) graph.add(label, vector);
  const insertRate = sweep.vectors.length / ((performance.now() - started) / 1000);
  notice(`M=${m} efC=${efConstruction}: ${Math.round(insertRate)} inserts/s`);
  await graph.save(sweep.graphFile);
  const rows: string[] = [];
  for (const efSearch of sweep.efs) {
    const index = await loadHnswIndex(sweep.graphFile, sweep.dim, { m, efConstruction, efSearch }, sweep.vectors.length);
    const recall = recallAtK(sweep.queries.map((q) => index.search(q, 10).map((n) => n.label)), sweep.exact);
    const times = sweep.queries.map((q) => {
      const t = performance.now();
      index.search(q, 30);
      return (performance.now() - t) * 1000;
    });
    rows.push(`| ${m} | ${efConstruction} | ${Math.round(insertRate)} | ${efSearch} | ${round(recall, 4)} | ${Math.round(median(times))} |`);
  }
  return rows;
}

/** The vectors the build inserted: each passage's pooled sentence vectors. */
function passageVectors(snapshot: KnowledgeSnapshot): Array<[number, Float32Array]> {
  return snapshot.documents.flatMap((d) =>
    d.passages.map((p) => [p.label, poolRows(snapshot.sentenceVectors, d.sentences.slice(p.firstSentence, p.firstSentence + p.sentenceCount).map((s) => s.row))] as [number, Float32Array]),
  );
}
