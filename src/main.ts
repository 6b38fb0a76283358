import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer } from './answer/answer.js';
import { answerQuestion } from './answer/answerQuestion.js';
import { suggestQuestions } from './answer/suggestQuestions.js';
import { type Config, ConfigError, loadConfig, requireBotToken } from './config.js';
import { createEmbedder } from './embedding/createEmbedder.js';
import type { Embedder, ProgressListener } from './embedding/embedder.js';
import { type AddOutcome, addDocument } from './index/addDocument.js';
import { addLink } from './index/addLink.js';
import { KnowledgeBase, type RebuildOutcome } from './index/knowledgeBase.js';
import { preloadEnglishRelations } from './language/englishRelations.js';
import { loadLexicon } from './language/lexicon.js';
import { defaultRanker } from './retrieval/sentenceRanker.js';
import { removeDocument } from './index/removeDocument.js';
import type { IndexedDocument } from './index/snapshot.js';
import type { AddDocumentOutcome, ChangeSummary, CorpusAdmin, DocumentSummary, QuestionService } from './telegram/services.js';
import { openUsageLog } from './usage/openUsageLog.js';
import { openSqliteInbox } from './storage/sqliteInbox.js';

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
  /** Training collects candidates before a ranker exists (or while the committed one is of an older format). */
  withoutRanker?: boolean;
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
  // Both are needed by every question; read at start, they do not delay the first answer.
  preloadEnglishRelations();
  // Every English or Russian question reads its pivot synonyms from the Russian–English lexicon.
  loadLexicon();
  if (!hooks.withoutRanker) defaultRanker();
  return { config, embedder, knowledge, ask: (question) => answerQuestion(knowledge.snapshot, embedder, question) };
}

/** The bot's question port over the core. */
export function questionService(qantar: Qantar): QuestionService {
  const { knowledge } = qantar;
  return {
    ask: qantar.ask,
    documents: () => knowledge.snapshot.documents.map(summarise),
    suggestions: (limit) => suggestQuestions(knowledge.snapshot, limit),
    stats: () => {
      const { counts, modelId, builtAt } = knowledge.snapshot.manifest;
      return { ...counts, modelId, builtAt };
    },
  };
}

/** The bot's corpus-change port over the same functions `npm run docs` uses. */
export function corpusAdmin(qantar: Qantar): CorpusAdmin {
  const { knowledge } = qantar;
  return {
    get busy() {
      return knowledge.busy;
    },
    async reindex(onProgress) {
      const outcome = await knowledge.rebuild(onProgress);
      return outcome.status === 'busy' ? outcome : { status: 'done', ...changeSummary(outcome) };
    },
    async addDocument(document, onProgress) {
      return added(await addDocument(knowledge, { ...document, date: new Date().toISOString() }, onProgress));
    },
    async addLink(link, onProgress) {
      const outcome = await addLink(knowledge, { ...link, date: new Date().toISOString(), allowPrivate: qantar.config.urlFetchAllowPrivate }, onProgress);
      return outcome.status === 'refused' ? outcome : added(outcome);
    },
    async removeDocument(id, onProgress) {
      const document = knowledge.snapshot.documentById.get(id);
      const outcome = await removeDocument(knowledge, id, onProgress);
      if (outcome.status === 'not-found' || !document) return { status: 'not-found' };
      return { status: 'removed', document: summarise(document), ...changeSummary(outcome) };
    },
  };
}

function added(outcome: AddOutcome): AddDocumentOutcome {
  if (outcome.status === 'rejected') return outcome;
  return { status: 'added', document: documentSummary(outcome, outcome.documentId), ...changeSummary(outcome) };
}

function summarise(document: IndexedDocument): DocumentSummary {
  const { id, title, publisher, url, date } = document;
  return { id, title, publisher, url, date, passages: document.passages.length };
}

function documentSummary(outcome: Extract<RebuildOutcome, { status: 'done' }>, id: string): DocumentSummary {
  const document = outcome.snapshot.documentById.get(id);
  if (!document) throw new Error(`Document ${id} was added but is missing from the new index.`);
  return summarise(document);
}

function changeSummary({ snapshot, stats }: Extract<RebuildOutcome, { status: 'done' }>): ChangeSummary {
  const { documents, passages } = snapshot.manifest.counts;
  return { documents, passages, embedded: stats.embedded, reused: stats.reused, seconds: stats.seconds };
}

async function runBot(): Promise<void> {
  const config = loadConfig();
  requireBotToken(config);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const qantar = await openQantar(config, { onNotice: log });
  // Loaded here so the CLI tools never pay for importing grammY and its plugins.
  const { startBot } = await import('./telegram/startBot.js');
  const embedQuestions = (texts: readonly string[]) => qantar.embedder.embed(texts, 'query');
  const { inbox } = config;
  const openInbox = inbox ? () => openSqliteInbox(config.databasePath, { sync: inbox.sync }) : undefined;
  await startBot({ config, services: questionService(qantar), admin: corpusAdmin(qantar), openUsage: (onWriteError) => openUsageLog(config, embedQuestions, { onWriteError }), openInbox });
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  runBot().catch((error: unknown) => {
    const message = error instanceof ConfigError ? error.message : `Could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    if (!(error instanceof ConfigError)) console.error(error);
    process.exit(1);
  });
}
