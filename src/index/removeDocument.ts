import { deleteCorpusFile, readCorpusFile, writeCorpusFile } from '../corpus/corpusFiles.js';
import type { ProgressListener } from '../embedding/embedder.js';
import type { KnowledgeBase, RebuildOutcome } from './knowledgeBase.js';

export type RemoveOutcome =
  | { status: 'not-found' }
  | (Extract<RebuildOutcome, { status: 'done' }> & { status: 'done'; documentId: string; title: string });

/** Deletes a document and its passages; if re-indexing fails, the file is put back. */
export function removeDocument(knowledge: KnowledgeBase, documentId: string, onProgress?: ProgressListener): Promise<RemoveOutcome> {
  return knowledge.exclusive(async () => {
    const document = knowledge.snapshot.documentById.get(documentId);
    if (!document) return { status: 'not-found' };
    const original = await readCorpusFile(knowledge.corpusDir, document.fileName);
    await deleteCorpusFile(knowledge.corpusDir, document.fileName);
    try {
      const done = await knowledge.rebuildNow(onProgress);
      return { ...done, documentId, title: document.title };
    } catch (error) {
      await writeCorpusFile(knowledge.corpusDir, document.fileName, original);
      throw error;
    }
  });
}
