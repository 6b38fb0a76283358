import type { ProgressListener } from '../embedding/embedder.js';
import { deleteCorpusFile, writeCorpusFile } from '../corpus/corpusFiles.js';
import type { Checked, CorpusDocument, Rejection } from '../corpus/document.js';
import { extractSource } from '../corpus/extract/extractSource.js';
import type { ExtractedDocument } from '../corpus/extract/extracted.js';
import { formatOfFileName } from '../corpus/extract/mediaType.js';
import { type NewDocumentInput, type PreparedDocument, prepareExtractedDocument, prepareNewDocument } from '../corpus/newDocument.js';
import { detectDocumentLanguage } from '../language/detectLanguage.js';
import type { KnowledgeBase, RebuildOutcome } from './knowledgeBase.js';

export type AddOutcome =
  | { status: 'rejected'; rejection: Rejection }
  | (Extract<RebuildOutcome, { status: 'done' }> & { status: 'done'; documentId: string; title: string });

type Prepare = (existing: readonly CorpusDocument[]) => Checked<PreparedDocument>;

/**
 * Validates, stores and indexes one uploaded file. A PDF or a Word file is read first (outside the
 * corpus lock: reading pages does not touch the index); .txt, .md and .html go as they are.
 */
export async function addDocument(knowledge: KnowledgeBase, input: NewDocumentInput, onProgress?: ProgressListener): Promise<AddOutcome> {
  const format = formatOfFileName(input.fileName);
  if (format !== 'pdf' && format !== 'docx') {
    return storeAndIndex(knowledge, (existing) => prepareNewDocument(input, existing, knowledge.maxDocumentBytes), onProgress);
  }
  const label = `“${input.fileName}”`;
  if (input.bytes.length > knowledge.maxDocumentBytes) return { status: 'rejected', rejection: { reason: 'too-large', message: `${label} is larger than the upload limit.` } };
  const extracted = await extractSource({ bytes: input.bytes, format, label }, knowledge.maxDocumentBytes, onProgress);
  if (!extracted.ok) return { status: 'rejected', rejection: extracted.rejection };
  return addExtractedDocument(knowledge, extracted.value, { ...input, label }, onProgress);
}

/** Stores text already extracted (a PDF, a Word file, a fetched page) with its detected language. */
export function addExtractedDocument(
  knowledge: KnowledgeBase,
  extracted: ExtractedDocument,
  input: Pick<NewDocumentInput, 'title' | 'addedBy' | 'date'> & { label: string },
  onProgress?: ProgressListener,
): Promise<AddOutcome> {
  const language = detectDocumentLanguage(extracted.text) ?? undefined;
  return storeAndIndex(knowledge, (existing) => prepareExtractedDocument(extracted, { ...input, language }, existing), onProgress);
}

/**
 * Writes the prepared file and indexes it, after any other corpus change has finished. Only the
 * new document's sentences are embedded. If indexing fails the file is removed again, so the
 * corpus and the live index keep agreeing.
 */
function storeAndIndex(knowledge: KnowledgeBase, prepare: Prepare, onProgress?: ProgressListener): Promise<AddOutcome> {
  return knowledge.exclusive(async () => {
    const prepared = prepare(knowledge.snapshot.documents);
    if (!prepared.ok) return { status: 'rejected', rejection: prepared.rejection };
    const { fileName, content, title } = prepared.value;
    await writeCorpusFile(knowledge.corpusDir, fileName, content);
    try {
      const done = await knowledge.rebuildNow(onProgress);
      return { ...done, documentId: fileName.replace(/\.md$/, ''), title };
    } catch (error) {
      await deleteCorpusFile(knowledge.corpusDir, fileName);
      throw error;
    }
  });
}
