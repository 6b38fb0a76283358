import { readFile, writeFile } from 'node:fs/promises';
import { ANALYZER_VERSION } from '../language/analyzer.js';
import type { LexicalData } from './lexicalData.js';

/**
 * lexical.bin: a 4-byte little-endian header length, a JSON header (format and analyzer versions,
 * the vocabulary, the array layout), then the typed arrays, each 8-byte aligned. Loading maps the
 * arrays instead of tokenizing the corpus again (~5 s at 100k passages).
 */
export const LEXICAL_FORMAT_VERSION = 1;
export const LEXICAL_FILE = 'lexical.bin';

const ARRAYS = ['sentenceFrequency', 'offsets', 'passages', 'frequencies', 'labels', 'lengthNorm', 'sentenceOffsets', 'sentenceTerms'] as const;
type ArrayName = (typeof ARRAYS)[number];
type TypedArray = Int32Array | Uint32Array | Float64Array;
const CONSTRUCTORS = { Int32Array, Uint32Array, Float64Array } as const;

interface Header {
  formatVersion: number;
  analyzerVersion: number;
  sentenceCount: number;
  terms: string[];
  arrays: Array<{ name: ArrayName; type: keyof typeof CONSTRUCTORS; offset: number; length: number }>;
}

/** Raised for a lexical file this version cannot read; the index is then rebuilt. */
export class LexicalFormatError extends Error {
  override name = 'LexicalFormatError';
}

export async function writeLexicalData(file: string, data: LexicalData): Promise<void> {
  let offset = 0;
  const arrays = ARRAYS.map((name) => {
    const array = data[name] as TypedArray;
    const entry = { name, type: array.constructor.name as keyof typeof CONSTRUCTORS, offset, length: array.length };
    offset += align(array.byteLength);
    return entry;
  });
  const header: Header = { formatVersion: LEXICAL_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION, sentenceCount: data.sentenceCount, terms: data.terms, arrays };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align(4 + json.length);
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  for (const entry of arrays) {
    const array = data[entry.name] as TypedArray;
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, start + entry.offset);
  }
  await writeFile(file, out);
}

export async function readLexicalData(file: string): Promise<LexicalData> {
  const bytes = await readFile(file);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.formatVersion !== LEXICAL_FORMAT_VERSION || header.analyzerVersion !== ANALYZER_VERSION) {
    throw new LexicalFormatError(
      `${file}: lexical format ${header.formatVersion} / analyzer ${header.analyzerVersion}, this version reads ${LEXICAL_FORMAT_VERSION} / ${ANALYZER_VERSION}`,
    );
  }
  const start = align(4 + headerLength);
  // A fresh, aligned copy: typed-array views need their element alignment.
  const body = new Uint8Array(bytes.subarray(start)).buffer;
  const arrays = Object.fromEntries(header.arrays.map((entry) => [entry.name, new CONSTRUCTORS[entry.type](body, entry.offset, entry.length)]));
  return { terms: header.terms, sentenceCount: header.sentenceCount, ...(arrays as Pick<LexicalData, ArrayName>) };
}

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
