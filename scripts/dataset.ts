import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { renderDocumentFile } from '../src/corpus/frontMatter.js';
import type { ProgressListener } from '../src/embedding/embedder.js';
import { openQantar, type Qantar } from '../src/main.js';

/**
 * Public question sets (see /work/shared/benchmarks/README.md): documents and questions in one JSON
 * file, indexed in a throw-away folder so measuring never touches the bot's own corpus or index.
 */
export type DatasetLanguage = 'en' | 'ru' | 'kk' | 'ru->en' | 'kk->ru';
export interface DatasetQuestion { question: string; answers: string[]; impossible: boolean; documentId: string }
export interface Dataset {
  name: string;
  language: DatasetLanguage;
  source: string;
  license: string;
  documents: Array<{ id: string; title: string; text: string }>;
  questions: DatasetQuestion[];
}

const LANGUAGES: readonly DatasetLanguage[] = ['en', 'ru', 'kk', 'ru->en', 'kk->ru'];

export class DatasetError extends Error {
  override name = 'DatasetError';
}

export async function readDataset(file: string): Promise<Dataset> {
  const source = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new DatasetError(`${file} cannot be read (${error.code ?? error.message}).`);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new DatasetError(`${file} is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const problem = datasetProblem(raw);
  if (problem !== null) throw new DatasetError(`${file}: ${problem}.`);
  return raw as Dataset;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((x) => typeof x === 'string');

/** The first field that does not have the documented shape, named by its path, or null. */
export function datasetProblem(raw: unknown): string | null {
  if (!isObject(raw)) return 'the top level is not an object';
  for (const key of ['name', 'source', 'license'] as const) {
    if (typeof raw[key] !== 'string') return `"${key}" is not a string`;
  }
  if (!(LANGUAGES as readonly unknown[]).includes(raw.language)) return `"language" is ${JSON.stringify(raw.language)}, not one of ${LANGUAGES.join(', ')}`;
  if (!Array.isArray(raw.documents) || raw.documents.length === 0) return '"documents" is not a non-empty array';
  if (!Array.isArray(raw.questions)) return '"questions" is not an array';
  const ids = new Set<string>();
  for (const [i, doc] of raw.documents.entries()) {
    const problem = documentProblem(doc, ids);
    if (problem !== null) return `documents[${i}]${problem}`;
  }
  for (const [i, question] of raw.questions.entries()) {
    const problem = questionProblem(question, ids);
    if (problem !== null) return `questions[${i}]${problem}`;
  }
  return null;
}

function documentProblem(doc: unknown, ids: Set<string>): string | null {
  if (!isObject(doc)) return ' is not an object';
  if (typeof doc.id !== 'string' || doc.id === '') return '.id is not a non-empty string';
  if (ids.has(doc.id)) return `.id "${doc.id}" is used twice`;
  ids.add(doc.id);
  if (typeof doc.title !== 'string') return '.title is not a string';
  if (typeof doc.text !== 'string' || doc.text.trim() === '') return '.text is not a non-empty string';
  return null;
}

function questionProblem(question: unknown, ids: ReadonlySet<string>): string | null {
  if (!isObject(question)) return ' is not an object';
  if (typeof question.question !== 'string' || question.question.trim() === '') return '.question is not a non-empty string';
  if (!isStringArray(question.answers)) return '.answers is not an array of strings';
  if (typeof question.impossible !== 'boolean') return '.impossible is not a boolean';
  // An answerable question without a gold span could never be scored right: a broken set, not a hard one.
  if (!question.impossible && !question.answers.some((a) => a.trim() !== '')) return '.answers is empty for an answerable question';
  if (typeof question.documentId !== 'string' || !ids.has(question.documentId)) return `.documentId ${JSON.stringify(question.documentId)} names no document`;
  return null;
}

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();

export function containsAnswer(text: string, answers: readonly string[]): boolean {
  const haystack = collapse(text);
  return answers.some((answer) => {
    const needle = collapse(answer);
    return needle !== '' && haystack.includes(needle);
  });
}

/** "ru->en" and "kk->ru" name the questions' language, then the documents'. */
export function documentsLanguage(language: DatasetLanguage): 'en' | 'ru' | 'kk' {
  if (language === 'ru->en') return 'en';
  if (language === 'kk->ru') return 'ru';
  return language;
}

/**
 * A document id is a file name in the corpus: characters other than letters, digits and "-" are
 * written as "_" and their code point in hex, so the mapping is reversible and never collides.
 */
export function corpusIdFor(documentId: string): string {
  return [...documentId].map((c) => (/^[A-Za-z0-9-]$/.test(c) ? c : `_${c.codePointAt(0)?.toString(16)}_`)).join('');
}

export function documentIdFor(corpusId: string): string {
  return corpusId.replace(/_([0-9a-f]+)_/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** Writes the set's documents as corpus files (front matter with title and language) into a fresh temp folder and opens the normal Qantar over it with INDEX_DIR in that temp folder too. Never touches corpus/ or data/index. */
export async function openDatasetQantar(
  dataset: Dataset,
  options: { model?: string; onProgress?: ProgressListener; onNotice?: (m: string) => void; withoutRanker?: boolean } = {},
): Promise<{ qantar: Qantar; folder: string; close(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'qantar-dataset-'));
  const close = () => rm(folder, { recursive: true, force: true });
  try {
    const corpusDir = path.join(folder, 'corpus');
    await mkdir(corpusDir);
    const language = documentsLanguage(dataset.language);
    for (const doc of dataset.documents) {
      const file = renderDocumentFile({ title: doc.title || doc.id, language }, doc.text);
      await writeFile(path.join(corpusDir, `${corpusIdFor(doc.id)}.md`), file, 'utf8');
    }
    const base = loadConfig();
    // A long article must not be skipped as an oversized upload: the set is measured whole.
    const maxUploadBytes = Math.max(base.maxUploadBytes, ...dataset.documents.map((d) => Buffer.byteLength(d.text) + 4096));
    const config = { ...base, corpusDir, indexDir: path.join(folder, 'index'), maxUploadBytes, embeddingModel: options.model ?? base.embeddingModel };
    const qantar = await openQantar(config, { onProgress: options.onProgress, onNotice: options.onNotice, withoutRanker: options.withoutRanker });
    return { qantar, folder, close };
  } catch (error) {
    await close();
    throw error;
  }
}
