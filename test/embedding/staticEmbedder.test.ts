import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { BUNDLED_MODEL_NAME, ensureBundledModel } from '../../src/embedding/bundled/ensureBundledModel.js';
import { TOKEN_TABLE_FILE, loadStaticEmbedder } from '../../src/embedding/bundled/staticEmbedder.js';
import { type TokenizerJson, UnigramTokenizer } from '../../src/embedding/bundled/unigramTokenizer.js';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { cacheWordPieces } from '../../src/embedding/transformersEmbedder.js';

/**
 * The runtime-free bundled embedder must give the vectors transformers.js gives, bit for bit:
 * indexes built by either are searched by the other.
 */
const TRICKY = [
  '',
  ' ',
  '  double  spaces and a trailing one ',
  'Tab\tand\nnew line',
  'ﬁancé Ⅻ ½ ＡＢＣ №5',
  '😀 people 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🇰🇿 flags',
  '<s> hello </s> extra_token_id_1x',
  '▁already ▁marked',
  'Сколько оружия похитили?',
  'Қанша адам қаза тапты?',
  '一月事件中有多少人死亡？',
  'The damage amounted to about $200 million; 3,660 criminal cases, 30,000 people.',
  'zzzzqqqxxjj unknownwordsss Tokayev’s “quoted” — dashes…',
  'word '.repeat(9000),
];

let modelsDir: string;
let folder: string;
let sentences: string[];

beforeAll(async () => {
  modelsDir = await mkdtemp(path.join(tmpdir(), 'qantar-static-'));
  const bundled = await ensureBundledModel(path.join(projectRoot, 'models'));
  folder = path.join(modelsDir, BUNDLED_MODEL_NAME);
  await cp(bundled.folder, folder, { recursive: true });
  await rm(path.join(folder, TOKEN_TABLE_FILE), { force: true });
  const corpus = await readdir(path.join(projectRoot, 'corpus'));
  const texts = await Promise.all(corpus.map((file) => readFile(path.join(projectRoot, 'corpus', file), 'utf8')));
  const questions = await Promise.all(
    ['eval-questions.json', 'eval-holdout.json', 'eval-blind.json'].map(async (file) => {
      const set = JSON.parse(await readFile(path.join(projectRoot, 'test', 'fixtures', file), 'utf8')) as { questions: Array<{ question: string }> };
      return set.questions.map((q) => q.question);
    }),
  );
  sentences = [...texts.join('\n').split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== ''), ...questions.flat()];
});

afterAll(async () => {
  if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
});

describe('the bundled tokenizer in TypeScript', () => {
  it('gives the token ids of transformers.js, with and without its word-by-word cache', async () => {
    env.localModelPath = modelsDir;
    env.allowRemoteModels = false;
    const plain = await AutoTokenizer.from_pretrained(BUNDLED_MODEL_NAME);
    const cached = await AutoTokenizer.from_pretrained(BUNDLED_MODEL_NAME);
    cacheWordPieces((cached as unknown as { model: unknown }).model);
    const json = JSON.parse(await readFile(path.join(folder, 'tokenizer.json'), 'utf8')) as TokenizerJson;
    const ours = new UnigramTokenizer(json, 8192);
    const idsOf = (tokenizer: typeof plain, text: string) =>
      Array.from((tokenizer(text, { padding: false, truncation: true }) as { input_ids: { data: ArrayLike<bigint> } }).input_ids.data, Number);
    for (const text of [...sentences, ...TRICKY]) {
      const expected = idsOf(cached, text);
      expect(ours.encode(text), text.slice(0, 80)).toEqual(expected);
      expect(idsOf(plain, text), text.slice(0, 80)).toEqual(expected);
    }
    expect(ours.encode('word '.repeat(9000))).toHaveLength(8192);
  });
});

describe('the runtime-free bundled embedder', () => {
  let slow: Embedder;

  it('is not used until the token table has been kept; the first load keeps it', async () => {
    expect(await loadStaticEmbedder(folder, { id: 'bundled', modelHash: 'x', languages: ['en'] })).toBeUndefined();
    slow = await createEmbedder('bundled', modelsDir);
    expect(await readdir(folder)).toContain(TOKEN_TABLE_FILE);
  });

  it('embeds exactly as the transformers.js path does', async () => {
    const fast = await loadStaticEmbedder(folder, { id: slow.id, modelHash: slow.modelHash, languages: ['en'] });
    expect(fast).toBeDefined();
    expect([fast!.id, fast!.modelHash, fast!.dim, fast!.languages]).toEqual([slow.id, slow.modelHash, slow.dim, slow.languages]);
    const texts = [...sentences, ...TRICKY.slice(1, -1)];
    const [expected, actual] = await Promise.all([slow.embed(texts, 'passage'), fast!.embed(texts, 'query')]);
    actual.forEach((vector, i) => expect(Array.from(vector), texts[i]).toEqual(Array.from(expected[i]!)));
  });

  it('ignores a table kept for another build of the model, or a damaged one', async () => {
    const file = path.join(folder, TOKEN_TABLE_FILE);
    const bytes = await readFile(file);
    expect(await loadStaticEmbedder(folder, { id: 'bundled', modelHash: 'another build', languages: ['en'] })).toBeUndefined();
    await writeFile(file, bytes.subarray(0, bytes.length - 4));
    expect(await loadStaticEmbedder(folder, { id: 'bundled', modelHash: slow.modelHash, languages: ['en'] })).toBeUndefined();
    await writeFile(file, bytes);
  });
});
