import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { type Dataset, readDataset } from '../dataset.js';
import type { EvalQuestion } from '../evalMetrics.js';

/** The shared dev halves (read-only, beside the repo) and the project's own dev questions. */
export const SHARED_SETS = ['xquad-dev-en.json', 'xquad-dev-ru.json', 'xquad-dev-ru-en.json', 'kazqad-dev.json', 'squad2-normans.json'];
export const BENCHMARKS_DIR = path.resolve(projectRoot, '..', 'shared', 'benchmarks');
const SEED_QUESTIONS = 'test/fixtures/eval-questions.json';
/**
 * The project's own dev sets over the same XQuAD articles (their questions share an article's fold):
 * questions re-asked the way people ask, without the answer sentence's words, and Kazakh chat questions.
 */
export const PROJECT_SETS = ['test/fixtures/reasked-xquad-en.json', 'test/fixtures/reasked-xquad-ru.json', 'test/fixtures/kk-xquad-ru.json'];

export interface TrainingSet {
  /** Short name, used in reports and fold keys. */
  name: string;
  dataset: Dataset;
  /** The files it was read from, hashed into the model file. */
  sources: string[];
}

export async function loadTrainingSets(names: readonly string[] = [...SHARED_SETS, ...PROJECT_SETS]): Promise<TrainingSet[]> {
  const shared = await Promise.all(
    names.map(async (name) => {
      // A bare file name is a shared set beside the repo; a path is the project's own.
      const file = name.includes('/') ? path.resolve(projectRoot, name) : path.join(BENCHMARKS_DIR, name);
      return { name: path.basename(name).replace(/\.json$/, ''), dataset: await readDataset(file), sources: [file] };
    }),
  );
  return [...shared, await seedDevSet()];
}

/** The seed dev questions in the shared shape: their support strings are the answers; a null support is impossible. */
async function seedDevSet(): Promise<TrainingSet> {
  const config = loadConfig();
  const corpus = await loadCorpus(config.corpusDir, config.maxUploadBytes);
  const file = path.join(projectRoot, SEED_QUESTIONS);
  const { questions } = JSON.parse(await readFile(file, 'utf8')) as { questions: EvalQuestion[] };
  const documents = corpus.documents.map(({ id, title, text }) => ({ id: `seed-${id}`, title, text }));
  const documentId = documents[0]?.id ?? 'seed';
  const dataset: Dataset = {
    name: 'Qantar seed dev questions',
    language: 'en',
    source: SEED_QUESTIONS,
    license: 'project',
    documents,
    questions: questions.map((q) => ({
      question: q.question,
      answers: q.support === null ? [] : Array.isArray(q.support) ? q.support : [q.support],
      impossible: q.support === null,
      documentId,
    })),
  };
  return { name: 'seed-dev', dataset, sources: [file, ...corpus.documents.map((d) => path.join(config.corpusDir, d.fileName))] };
}
