import { DEFAULT_CHUNKING, chunkDocument } from '../../src/chunking/passages.js';
import type { IndexedDocument } from '../../src/index/snapshot.js';

/** Documents chunked as a build chunks them, with sentence rows and passage labels numbered across all of them. */
export function indexedDocuments(specs: ReadonlyArray<{ id: string; language: string; sentences: readonly string[] }>): IndexedDocument[] {
  let row = 0;
  let label = 0;
  return specs.map(({ id, language, sentences }) => {
    const text = sentences.join(' ');
    const chunked = chunkDocument({ id, text, language }, DEFAULT_CHUNKING);
    return {
      id,
      fileName: `${id}.md`,
      text,
      contentHash: '0'.repeat(64),
      title: id,
      publisher: null,
      url: null,
      date: null,
      language,
      addedBy: null,
      sentences: chunked.sentences.map((s) => ({ ...s, row: row++ })),
      passages: chunked.passages.map((p) => ({ ...p, label: label++ })),
    };
  });
}
