import type { ProgressListener } from '../embedding/embedder.js';
import { deleteCorpusFile, writeCorpusFile } from '../corpus/corpusFiles.js';
import type { Rejection } from '../corpus/document.js';
import { type NewDocumentInput, prepareNewDocument } from '../corpus/newDocument.js';
import type { KnowledgeBase, RebuildOutcome } from './knowledgeBase.js';

export type AddOutcome =
  | { status: 'rejected'; rejection: Rejection }
  | (Extract<RebuildOutcome, { status: 'done' }> & { status: 'done'; documentId: string; title: string });

/**
 * Validates, stores and indexes one document, after any other corpus change has finished.
 * Only the new document's sentences are embedded. If indexing fails the file is removed again,
 * so the corpus and the live index keep agreeing.
 */
export function addDocument(knowledge: KnowledgeBase, input: NewDocumentInput, onProgress?: ProgressListener): Promise<AddOutcome> {
  return knowledge.exclusive(async () => {
    const prepared = prepareNewDocument(input, knowledge.snapshot.documents, knowledge.maxDocumentBytes);
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
