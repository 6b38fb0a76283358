/**
 * One corpus size, in a process of its own so that peak RSS belongs to this size alone:
 * model load, build (the same buildIndex and writeBuild the knowledge base uses), warm answers,
 * inline queries, HNSW recall. Prints one JSON line on stdout; progress goes to stderr.
 */
import { readFile } from 'node:fs/promises';
import { answerQuestion } from '../../src/answer/answerQuestion.js';
import { DEFAULT_CHUNKING } from '../../src/chunking/passages.js';
import { loadConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import { DEFAULT_HNSW } from '../../src/index/hnswVectorIndex.js';
import { writeBuild } from '../../src/index/indexStore.js';
import type { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { type KnowledgeSnapshot, assembleSnapshot } from '../../src/index/snapshot.js';
import { type Qantar, questionService } from '../../src/main.js';
import { notice, progressBar, runCli } from '../cli.js';
import { measureInline } from './inline.js';
import { exactNeighbours, latencySummary, recallAtK, timed } from './measure.js';
import type { BenchQuestion } from './syntheticCorpus.js';

export interface SizeMeasurement {
  passages: number;
  sentences: number;
  documents: number;
  modelLoadSeconds: number;
  /** Sentences per second of the embedder alone, as the build calls it (bulk chunks, worker thread). */
  embedPerSec: number;
  embedSeconds: number;
  insertSeconds: number;
  buildSeconds: number;
  firstAnswerSeconds: number;
  queryMs: { p50: number; p95: number; p99: number };
  inlineP95Ms: number | null;
  inlineNote?: string | undefined;
  recallAt10: number;
  answerHitRate: number;
  offTopicAbstainRate: number;
  rssMb: number;
}

const RECALL_QUERIES = 200;
const INLINE_QUERIES = 200;
const WARMUP_QUESTIONS = 30;
const EMBED_CHUNK = 512;
const EMBED_SAMPLE = 10_240;

runCli(async () => {
  const [corpusDir, indexDir, questionsFile] = process.argv.slice(2) as [string, string, string];
  const questions = JSON.parse(await readFile(questionsFile, 'utf8')) as BenchQuestion[];
  const config = { ...loadConfig(), corpusDir, indexDir };
  const model = await timed(async () => {
    const { createEmbedder } = await import('../../src/embedding/createEmbedder.js');
    return createEmbedder(config.embeddingModel, config.modelsDir);
  });
  const embedder = model.value;
  const build = await timed(() => buildAndPersist(corpusDir, indexDir, embedder, config.maxUploadBytes));
  const { snapshot, stats } = build.value;
  notice(`built ${snapshot.manifest.counts.passages} passages in ${build.seconds.toFixed(1)} s; answering…`);
  const embedPerSec = await embedderThroughput(embedder, snapshot);
  const ask = (question: string) => answerQuestion(snapshot, embedder, question);
  const first = await timed(() => ask(questions[0]?.question ?? 'warm-up'));
  for (const { question } of questions.slice(0, WARMUP_QUESTIONS)) await ask(question);
  const warm = await answerAll(ask, questions);
  memory('answered');
  // questionService only reads `ask` and `knowledge.snapshot`: the built snapshot stands in for a KnowledgeBase.
  const qantar = { config, embedder, knowledge: { snapshot } as KnowledgeBase, ask } as Qantar;
  notice('inline queries…');
  const inline = await measureInline(questionService(qantar), questions.slice(0, INLINE_QUERIES).map((q) => q.question));
  notice('recall against brute force…');
  const recallAt10 = await hnswRecall(snapshot, embedder, questions.slice(0, RECALL_QUERIES).map((q) => q.question));
  const { counts } = snapshot.manifest;
  const result: SizeMeasurement = {
    passages: counts.passages, sentences: counts.sentences, documents: counts.documents,
    modelLoadSeconds: model.seconds, embedPerSec, embedSeconds: stats.embedSeconds, insertSeconds: stats.insertSeconds, buildSeconds: build.seconds,
    firstAnswerSeconds: first.seconds, queryMs: latencySummary(warm.durations), inlineP95Ms: inline.p95Ms, inlineNote: inline.note,
    recallAt10, answerHitRate: warm.hitRate, offTopicAbstainRate: warm.abstainRate, rssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
});

/** What KnowledgeBase.open does on a first start: load, build, write; kept here to read the build's stage timings. */
async function buildAndPersist(corpusDir: string, indexDir: string, embedder: Embedder, maxBytes: number) {
  const corpus = await loadCorpus(corpusDir, maxBytes);
  const progress = progressBar();
  const result = await buildIndex({ corpus, embedder, chunking: DEFAULT_CHUNKING, hnsw: DEFAULT_HNSW, onProgress: progress });
  progress.stop();
  memory('built');
  const folder = await writeBuild(indexDir, result.manifest, result.documents, result.vectors, result.sentenceVectors, result.lexical);
  memory('written');
  return { snapshot: assembleSnapshot(result.manifest, result.documents, result.vectors, result.sentenceVectors, result.lexical, folder), stats: result.stats };
}

/**
 * In the build the embedder and the HNSW inserts overlap, so the build's own embedding time is the
 * pipeline's, not the model's. This times the embedder alone on the corpus's sentences, in the
 * build's chunk size, after one warm-up chunk (the worker may have stopped after the build).
 */
async function embedderThroughput(embedder: Embedder, snapshot: KnowledgeSnapshot): Promise<number> {
  const texts = snapshot.documents.flatMap((d) => d.sentences.map((s) => s.text)).slice(0, EMBED_SAMPLE + EMBED_CHUNK);
  await embedder.embed(texts.slice(0, EMBED_CHUNK), 'passage');
  const sample = texts.slice(EMBED_CHUNK);
  const { seconds } = await timed(async () => {
    for (let i = 0; i < sample.length; i += EMBED_CHUNK) await embedder.embed(sample.slice(i, i + EMBED_CHUNK), 'passage');
  });
  return sample.length / seconds;
}

/** Where the peak comes from, for whoever tunes memory next: RSS now and peak so far, on stderr. */
function memory(stage: string): void {
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  notice(`memory ${stage}: rss ${mb(process.memoryUsage().rss)} MB, peak ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}

async function answerAll(ask: Qantar['ask'], questions: readonly BenchQuestion[]) {
  const durations: number[] = [];
  let hits = 0;
  let abstained = 0;
  for (const { question, figure } of questions) {
    const started = performance.now();
    const answer = await ask(question);
    durations.push(performance.now() - started);
    if (figure === null && !answer.answered) abstained++;
    if (figure !== null && answer.answered && answer.figures.includes(figure)) hits++;
  }
  const offTopic = questions.filter((q) => q.figure === null).length;
  return { durations, hitRate: hits / Math.max(1, questions.length - offTopic), abstainRate: abstained / Math.max(1, offTopic) };
}

async function hnswRecall(snapshot: KnowledgeSnapshot, embedder: Embedder, questions: readonly string[]): Promise<number> {
  const queries = await embedder.embed(questions, 'query');
  const approximate = queries.map((q) => snapshot.vectors.search(q, 10).map((n) => n.label));
  return recallAtK(approximate, exactNeighbours(snapshot, queries, 10));
}
