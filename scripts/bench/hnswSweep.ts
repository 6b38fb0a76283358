/**
 * `tsx scripts/bench/hnswSweep.ts <index-dir> <questions.json> [M,M…] [efC,efC…] [ef,ef…]`
 * Rebuilds the HNSW graph of an index kept by `npm run bench -- --keep` with each M × efConstruction
 * and reports insert rate, then recall@10 and search time for each ef: the numbers DEFAULT_HNSW is
 * chosen from. Writes a Markdown table on stdout. It drives hnswlib directly, the way
 * src/index/hnswVectorIndex.ts does, because the VectorIndex port has no way to change ef.
 */
import { readFile } from 'node:fs/promises';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import hnswlib from 'hnswlib-node';
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
  for (const m of numbers(ms, [8, 12, 16, 24])) {
    for (const efConstruction of numbers(efcs, [64, 100, 200])) {
      const index = new hnswlib.HierarchicalNSW('cosine', snapshot.manifest.dim);
      index.initIndex({ maxElements: vectors.length, m, efConstruction, randomSeed: 42, allowReplaceDeleted: true });
      const started = performance.now();
      for (const [label, vector] of vectors) index.addPoint(Array.from(vector), label, true);
      const insertRate = vectors.length / ((performance.now() - started) / 1000);
      notice(`M=${m} efC=${efConstruction}: ${Math.round(insertRate)} inserts/s`);
      for (const ef of numbers(efs, [32, 64, 96, 128, 200])) {
        index.setEf(ef);
        const recall = recallAtK(queries.map((q) => index.searchKnn(Array.from(q), 10).neighbors), exact);
        const times = queries.map((q) => {
          const t = performance.now();
          index.searchKnn(Array.from(q), 30);
          return (performance.now() - t) * 1000;
        });
        rows.push(`| ${m} | ${efConstruction} | ${Math.round(insertRate)} | ${ef} | ${round(recall, 4)} | ${Math.round(median(times))} |`);
      }
    }
  }
  process.stdout.write(`${snapshot.manifest.counts.passages} passages, ${queries.length} queries\n\n${rows.join('\n')}\n`);
});

/** The vectors the build inserted: each passage's pooled sentence vectors. */
function passageVectors(snapshot: KnowledgeSnapshot): Array<[number, Float32Array]> {
  return snapshot.documents.flatMap((d) =>
    d.passages.map((p) => [p.label, poolRows(snapshot.sentenceVectors, d.sentences.slice(p.firstSentence, p.firstSentence + p.sentenceCount).map((s) => s.row))] as [number, Float32Array]),
  );
}
