import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer } from './answer/answer.js';
import { answerQuestion } from './answer/answerQuestion.js';
import { type Config, loadConfig } from './config.js';
import { createEmbedder } from './embedding/createEmbedder.js';
import type { Embedder, ProgressListener } from './embedding/embedder.js';
import { KnowledgeBase } from './index/knowledgeBase.js';

/** Everything a front end (CLI, eval, bench, bot) needs, wired once. */
export interface Qantar {
  config: Config;
  embedder: Embedder;
  knowledge: KnowledgeBase;
  ask(question: string): Promise<Answer>;
}

export interface OpenHooks {
  onProgress?: ProgressListener;
  onNotice?: (message: string) => void;
}

/** The composition root: the only place that chooses implementations and connects the layers. */
export async function openQantar(config: Config, hooks: OpenHooks = {}): Promise<Qantar> {
  const embedder = await createEmbedder(config.embeddingModel, config.modelsDir, hooks.onProgress);
  const knowledge = await KnowledgeBase.open(
    {
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      maxDocumentBytes: config.maxUploadBytes,
      embedder,
      onNotice: hooks.onNotice,
    },
    hooks.onProgress,
  );
  return { config, embedder, knowledge, ask: (question) => answerQuestion(knowledge.snapshot, embedder, question) };
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  loadConfig();
}
