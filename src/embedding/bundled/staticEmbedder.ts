/**
 * The bundled model without a model runtime. Its output is a fixed table of token vectors, so once
 * that table has been read through transformers.js (the first start after the model is built), it is
 * kept in `token-table.bin` beside the model; later starts tokenize in TypeScript and sum table
 * rows, loading neither transformers.js nor ONNX Runtime. The vectors are bit-identical either way.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { Embedder } from '../embedder.js';
import { type TokenTable, meanFromTable, normalizeRows } from '../staticPooling.js';
import { type TokenizerJson, UnigramTokenizer } from './unigramTokenizer.js';

export const TOKEN_TABLE_FILE = 'token-table.bin';
/** Bump when the file layout changes; an older file is then read the slow way once and rewritten. */
const TOKEN_TABLE_FORMAT = 1;

interface TableHeader {
  format: number;
  modelHash: string;
  vocabSize: number;
  dim: number;
  endianness: string;
}

export interface StaticModelIdentity {
  id: string;
  modelHash: string;
  languages: readonly string[];
}

/** Keeps the token table for the next start; written whole or not at all. */
export async function saveTokenTable(folder: string, modelHash: string, table: TokenTable): Promise<void> {
  const header: TableHeader = { format: TOKEN_TABLE_FORMAT, modelHash, vocabSize: table.rows.length / table.dim, dim: table.dim, endianness: endianness() };
  const json = Buffer.from(JSON.stringify(header));
  // Header length, header, padding to a multiple of 4 so the rows can be viewed as float32.
  const headerBytes = Buffer.alloc(4 + Math.ceil(json.length / 4) * 4, ' ');
  headerBytes.writeUInt32LE(json.length, 0);
  json.copy(headerBytes, 4);
  const rows = Buffer.from(table.rows.buffer, table.rows.byteOffset, table.rows.byteLength);
  const temp = join(folder, `${TOKEN_TABLE_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, Buffer.concat([headerBytes, rows]));
    await rename(temp, join(folder, TOKEN_TABLE_FILE));
  } finally {
    await rm(temp, { force: true });
  }
}

/** The table if the file exists and belongs to this very model build; undefined means "read it the slow way". */
async function readTokenTableFile(folder: string, modelHash: string, vocabSize: number): Promise<TokenTable | undefined> {
  const bytes = await readFile(join(folder, TOKEN_TABLE_FILE)).catch(() => undefined);
  if (!bytes || bytes.length < 4) return undefined;
  const headerLength = bytes.readUInt32LE(0);
  let header: Partial<TableHeader>;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Partial<TableHeader>;
  } catch {
    return undefined;
  }
  const rowsAt = 4 + Math.ceil(headerLength / 4) * 4;
  const { dim } = header;
  const matches = header.format === TOKEN_TABLE_FORMAT && header.modelHash === modelHash && header.vocabSize === vocabSize && header.endianness === endianness();
  if (!matches || typeof dim !== 'number' || bytes.length - rowsAt !== vocabSize * dim * 4) return undefined;
  const rows = new Float32Array(bytes.buffer.slice(bytes.byteOffset + rowsAt, bytes.byteOffset + bytes.length));
  return { dim, rows };
}

/** The runtime-free embedder, or undefined when there is no valid token table yet. */
export async function loadStaticEmbedder(folder: string, identity: StaticModelIdentity): Promise<Embedder | undefined> {
  const [tokenizerJson, tokenizerConfig] = await Promise.all(
    ['tokenizer.json', 'tokenizer_config.json'].map(async (file) => JSON.parse(await readFile(join(folder, file), 'utf8')) as unknown),
  );
  const maxLength = (tokenizerConfig as { model_max_length?: number }).model_max_length ?? Number.POSITIVE_INFINITY;
  const tokenizer = new UnigramTokenizer(tokenizerJson as TokenizerJson, maxLength);
  const table = await readTokenTableFile(folder, identity.modelHash, tokenizer.vocabSize);
  if (!table) return undefined;
  return {
    id: identity.id,
    modelHash: identity.modelHash,
    dim: table.dim,
    languages: identity.languages,
    async embed(texts) {
      return texts.map((text) => {
        const ids = tokenizer.encode(text);
        const shape = [1, ids.length];
        const mean = meanFromTable(table, { data: ids, dims: shape }, { data: new Uint8Array(ids.length).fill(1), dims: shape });
        return normalizeRows(mean, table.dim);
      });
    },
  };
}
