import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LexicalData, buildLexicalData } from '../../src/index/lexicalData.js';
import { lexicalIndexFrom } from '../../src/index/lexicalIndex.js';
import { LEXICAL_FORMAT_VERSION, LexicalFormatError, readLexicalData, writeLexicalData } from '../../src/index/lexicalStore.js';
import { ANALYZER_VERSION } from '../../src/language/analyzer.js';
import { indexedDocuments } from '../retrieval/indexedDocuments.js';

const DOCUMENTS = indexedDocuments([
  {
    id: 'riots',
    language: 'en',
    sentences: [
      'According to the latest data, 230 people died during the riots.',
      'In total, over 3,000 weapons were stolen during the riots.',
      'Law enforcement agencies managed to find only a third of the stolen weapons.',
      'Police seized 40 cars.',
    ],
  },
  { id: 'ru', language: 'ru', sentences: ['Во время беспорядков погибли 230 человек.', 'Похищено более 3000 единиц оружия.'] },
]);
const DATA = buildLexicalData(DOCUMENTS);
const ARRAYS = ['sentenceFrequency', 'offsets', 'passages', 'frequencies', 'labels', 'lengthNorm', 'sentenceOffsets', 'sentenceTerms'] as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qantar-lexical-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The file as written, with its JSON header changed. */
async function withHeader(file: string, change: (header: Record<string, unknown>) => void): Promise<void> {
  const bytes = await readFile(file);
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Record<string, unknown>;
  change(header);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // The body starts 8-byte aligned after the header; keep the header length, padded with spaces, so offsets stay valid.
  expect(json.length).toBeLessThanOrEqual(length);
  const padded = Buffer.concat([json, Buffer.alloc(length - json.length, ' ')]);
  await writeFile(file, Buffer.concat([bytes.subarray(0, 4), padded, bytes.subarray(4 + length)]));
}

describe('lexical.bin', () => {
  it('built data covers every sentence of every document', () => {
    expect(DATA.sentenceCount).toBe(6);
    expect(DATA.sentenceOffsets).toHaveLength(7);
    expect(DATA.labels).toEqual(Int32Array.from(DOCUMENTS.flatMap((d) => d.passages.map((p) => p.label))));
  });

  it('round-trips: reading what was written gives identical arrays, vocabulary and counts', async () => {
    const file = path.join(dir, 'round-trip.bin');
    await writeLexicalData(file, DATA);
    const back: LexicalData = await readLexicalData(file);
    expect(back.terms).toEqual(DATA.terms);
    expect(back.sentenceCount).toBe(DATA.sentenceCount);
    for (const name of ARRAYS) {
      expect(back[name].constructor, name).toBe(DATA[name].constructor);
      expect([...back[name]], name).toEqual([...DATA[name]]);
    }
  });

  it('an index over the data read back searches like one over the data built', async () => {
    const file = path.join(dir, 'search.bin');
    await writeLexicalData(file, DATA);
    const [built, read] = [lexicalIndexFrom(DATA), lexicalIndexFrom(await readLexicalData(file))];
    const terms = ['weapon', 'stolen', 'riot', 'оруж'].map((term) => ({ term, weight: 1 }));
    expect(read.search(terms, 10)).toEqual(built.search(terms, 10));
    expect(read.search(terms, 10).length).toBeGreaterThan(0);
    for (let row = 0; row < DATA.sentenceCount; row++) expect([...read.sentenceTermIds(row)]).toEqual([...built.sentenceTermIds(row)]);
  });

  it('round-trips an empty corpus', async () => {
    const file = path.join(dir, 'empty.bin');
    await writeLexicalData(file, buildLexicalData([]));
    expect(await readLexicalData(file)).toMatchObject({ terms: [], sentenceCount: 0 });
  });

  it.each<[string, (header: Record<string, unknown>) => void]>([
    ['another format version', (header) => {
      header.formatVersion = LEXICAL_FORMAT_VERSION + 1;
    }],
    ['another analyzer version', (header) => {
      header.analyzerVersion = ANALYZER_VERSION + 1;
    }],
  ])('refuses a file of %s with an error naming the file', async (_, change) => {
    const file = path.join(dir, 'versioned.bin');
    await writeLexicalData(file, DATA);
    await withHeader(file, change);
    await expect(readLexicalData(file)).rejects.toThrow(LexicalFormatError);
    await expect(readLexicalData(file)).rejects.toThrow(file);
  });
});
