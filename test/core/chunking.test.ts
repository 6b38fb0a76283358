import { describe, expect, it } from 'vitest';
import { type ChunkedDocument, type ChunkingParams, DEFAULT_CHUNKING, chunkDocument, windows } from '../../src/chunking/passages.js';
import { loadSeed } from './seed.js';

const seed = loadSeed();

describe('windows', () => {
  it.each<[number, ChunkingParams, Array<[number, number]>]>([
    [0, { sentencesPerPassage: 3, overlap: 1 }, []],
    [1, { sentencesPerPassage: 3, overlap: 1 }, [[0, 1]]],
    [2, { sentencesPerPassage: 3, overlap: 1 }, [[0, 2]]],
    [3, { sentencesPerPassage: 3, overlap: 1 }, [[0, 3]]],
    [4, { sentencesPerPassage: 3, overlap: 1 }, [[0, 3], [2, 2]]],
    [5, { sentencesPerPassage: 3, overlap: 1 }, [[0, 3], [2, 3]]],
    [6, { sentencesPerPassage: 3, overlap: 1 }, [[0, 3], [2, 3], [4, 2]]],
    [7, { sentencesPerPassage: 3, overlap: 1 }, [[0, 3], [2, 3], [4, 3]]],
    [3, { sentencesPerPassage: 1, overlap: 0 }, [[0, 1], [1, 1], [2, 1]]],
    [5, { sentencesPerPassage: 2, overlap: 0 }, [[0, 2], [2, 2], [4, 1]]],
    [6, { sentencesPerPassage: 4, overlap: 3 }, [[0, 4], [1, 4], [2, 4]]],
    [5, { sentencesPerPassage: 10, overlap: 2 }, [[0, 5]]],
  ])('%i sentences, %j → %j', (count, params, expected) => {
    expect(windows(count, params)).toEqual(expected);
  });

  it.each<[number, ChunkingParams]>([
    [27, DEFAULT_CHUNKING],
    [27, { sentencesPerPassage: 2, overlap: 0 }],
    [100, { sentencesPerPassage: 5, overlap: 2 }],
    [11, { sentencesPerPassage: 4, overlap: 3 }],
  ])('%i sentences, %j: covers every sentence, full windows except the last, each overlapping the previous by `overlap`', (count, params) => {
    const result = windows(count, params);
    const covered = new Set(result.flatMap(([first, n]) => Array.from({ length: n }, (_, i) => first + i)));
    expect([...covered].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
    result.forEach(([first, n], i) => {
      if (i < result.length - 1) expect(n).toBe(params.sentencesPerPassage);
      expect(first + n).toBeLessThanOrEqual(count);
      const previous = result[i - 1];
      if (previous) expect(previous[0] + previous[1] - first).toBe(params.overlap);
    });
    expect(result.at(-1)![0] + result.at(-1)![1]).toBe(count);
  });

  it.each<[string, ChunkingParams]>([
    ['no sentences per passage', { sentencesPerPassage: 0, overlap: 0 }],
    ['negative size', { sentencesPerPassage: -3, overlap: 0 }],
    ['negative overlap', { sentencesPerPassage: 3, overlap: -1 }],
    ['overlap equal to the size', { sentencesPerPassage: 3, overlap: 3 }],
    ['overlap larger than the size', { sentencesPerPassage: 3, overlap: 4 }],
    ['fractional size', { sentencesPerPassage: 2.5, overlap: 1 }],
    ['fractional overlap', { sentencesPerPassage: 3, overlap: 0.5 }],
    ['NaN size', { sentencesPerPassage: Number.NaN, overlap: 0 }],
    ['NaN overlap', { sentencesPerPassage: 3, overlap: Number.NaN }],
  ])('rejects %s with a RangeError', (_, params) => {
    expect(() => windows(10, params)).toThrow(RangeError);
    expect(() => windows(10, params)).toThrow(/Invalid chunking/);
  });
});

describe('chunkDocument', () => {
  const chunked = chunkDocument(seed, DEFAULT_CHUNKING);

  function expectConsistent(document: { id: string; text: string }, { sentences, passages }: ChunkedDocument): void {
    for (const sentence of sentences) {
      expect(sentence.documentId).toBe(document.id);
      expect(sentence.text).toBe(document.text.slice(sentence.start, sentence.end));
    }
    for (const passage of passages) {
      const first = sentences[passage.firstSentence]!;
      const last = sentences[passage.firstSentence + passage.sentenceCount - 1]!;
      expect(passage.documentId).toBe(document.id);
      expect([passage.start, passage.end]).toEqual([first.start, last.end]);
      expect(passage.id).toBe(`${document.id}:${passage.start}-${passage.end}`);
      expect(passage.text).toBe(document.text.slice(passage.start, passage.end));
      for (const sentence of sentences.slice(passage.firstSentence, passage.firstSentence + passage.sentenceCount)) {
        expect(passage.text).toContain(sentence.text);
      }
    }
  }

  it('splits the seed into 27 sentences and 13 passages of the default 3/1 chunking', () => {
    expect(chunked.sentences).toHaveLength(27);
    expect(chunked.passages).toHaveLength(13);
    expect(chunked.passages.map((p) => [p.firstSentence, p.sentenceCount])).toEqual(windows(27, DEFAULT_CHUNKING));
  });

  it('derives passage ids from the document id and offsets, with texts that are slices of the document', () => {
    expectConsistent(seed, chunked);
    expect(chunked.passages[0]!.id).toBe(`${seed.id}:0-395`);
    expect(new Set(chunked.passages.map((p) => p.id)).size).toBe(chunked.passages.length);
  });

  it('covers every sentence with at least one passage', () => {
    const covered = new Set(chunked.passages.flatMap((p) => Array.from({ length: p.sentenceCount }, (_, i) => p.firstSentence + i)));
    expect(covered.size).toBe(chunked.sentences.length);
  });

  it('gives the same ids on every run, and other ids to another document with the same text', () => {
    expect(chunkDocument(seed, DEFAULT_CHUNKING)).toEqual(chunked);
    const copy = chunkDocument({ ...seed, id: 'copy' }, DEFAULT_CHUNKING);
    expect(copy.passages.map((p) => p.id)).toEqual(chunked.passages.map((p) => p.id.replace(seed.id, 'copy')));
    expect(copy.passages.map((p) => p.text)).toEqual(chunked.passages.map((p) => p.text));
  });

  it('keeps the ids of unchanged passages when sentences are appended, so reindexing reuses them', () => {
    const longer = { ...seed, text: `${seed.text}\n\nA new sentence was added. Another one followed it.` };
    const after = chunkDocument(longer, DEFAULT_CHUNKING);
    expectConsistent(longer, after);
    const ids = new Set(after.passages.map((p) => p.id));
    for (const passage of chunked.passages) expect(ids).toContain(passage.id);
    expect(after.passages).toHaveLength(chunked.passages.length + 1);
  });

  it.each<ChunkingParams>([
    { sentencesPerPassage: 1, overlap: 0 },
    { sentencesPerPassage: 2, overlap: 0 },
    { sentencesPerPassage: 4, overlap: 2 },
  ])('stays consistent with chunking %j', (params) => {
    const result = chunkDocument(seed, params);
    expectConsistent(seed, result);
    expect(result.sentences).toEqual(chunked.sentences);
  });

  it('chunks a document without a language as English, and a Russian one with its own rules', () => {
    const english = { id: 'en', text: 'Dr. Smith spoke. 5 people listened.', language: null };
    expect(chunkDocument(english, DEFAULT_CHUNKING).sentences.map((s) => s.text)).toEqual(['Dr. Smith spoke.', '5 people listened.']);
    const russian = { id: 'ru', text: 'В 2022 г. было тихо. Около 30 тыс. человек вышли.', language: 'ru' };
    const result = chunkDocument(russian, DEFAULT_CHUNKING);
    expect(result.sentences.map((s) => s.text)).toEqual(['В 2022 г. было тихо.', 'Около 30 тыс. человек вышли.']);
    expect(result.passages).toHaveLength(1);
    expectConsistent(russian, result);
  });

  it('gives a text without sentences no passages', () => {
    expect(chunkDocument({ id: 'blank', text: ' \n\n ', language: 'en' }, DEFAULT_CHUNKING)).toEqual({ sentences: [], passages: [] });
  });
});
