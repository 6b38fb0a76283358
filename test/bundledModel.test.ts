import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../src/embedding/embedder.js';
import {
  BUNDLED_MODEL_NAME,
  ensureBundledModel,
  type BundledModel,
} from '../src/embedding/bundled/ensureBundledModel.js';
import {
  OnnxDataType,
  bytesField,
  encodeVarint,
  intAttribute,
  stringField,
  valueInfo,
  varintField,
} from '../src/embedding/bundled/onnxProto.js';
import { quantizeRows, sifWeights } from '../src/embedding/bundled/staticTable.js';
import { createUseLiteEmbedder } from '../src/embedding/useLiteTeacher.js';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('protobuf encoding', () => {
  it.each<[number | bigint, number[]]>([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [16384, [0x80, 0x80, 0x01]],
    [2 ** 32, [0x80, 0x80, 0x80, 0x80, 0x10]],
    [2n ** 63n, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
    // Negative int64 is 64-bit two's complement: always 10 bytes.
    [-1, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
    [-2n, [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
  ])('varint %s', (value, expected) => {
    expect([...encodeVarint(value)]).toEqual(expected);
  });

  it('rejects values a varint cannot carry exactly', () => {
    expect(() => encodeVarint(1.5)).toThrow(RangeError);
    expect(() => encodeVarint(2 ** 53)).toThrow(RangeError);
  });

  it('matches the examples of the protobuf encoding guide', () => {
    expect([...varintField(1, 150)]).toEqual([0x08, 0x96, 0x01]);
    expect([...stringField(2, 'testing')]).toEqual([0x12, 0x07, ...ascii('testing')]);
    expect([...bytesField(3, Uint8Array.of(1, 2))]).toEqual([0x1a, 0x02, 0x01, 0x02]);
  });

  it('encodes an int attribute with its type tag (field 20)', () => {
    expect([...intAttribute('to', 1)]).toEqual([0x0a, 0x02, ...ascii('to'), 0x18, 0x01, 0xa0, 0x01, 0x02]);
  });

  it('nests ValueInfo → TypeProto → Tensor → Shape → Dimension', () => {
    const dim = [0x08, 0x02]; // dim_value = 2
    const shape = [0x0a, dim.length, ...dim];
    const tensor = [0x08, OnnxDataType.FLOAT, 0x12, shape.length, ...shape];
    const type = [0x0a, tensor.length, ...tensor];
    expect([...valueInfo('x', OnnxDataType.FLOAT, [2])]).toEqual([0x0a, 0x01, ...ascii('x'), 0x12, type.length, ...type]);
    const symbolic = [...valueInfo('x', OnnxDataType.INT64, ['b'])];
    expect(symbolic.slice(-3)).toEqual([0x12, 0x01, ...ascii('b')]); // dim_param = "b"
  });
});

describe('static table math', () => {
  it('quantises each row symmetrically within half a step', () => {
    const dim = 4;
    const table = Float32Array.of(0.5, -1, 0.25, 0, 0, 0, 0, 0, 3, 2, -3, 1);
    const { values, scales } = quantizeRows(table, dim);
    expect(scales[1]).toBe(0); // an all-zero row stays exactly zero
    expect(Math.max(...values.slice(0, 4).map(Math.abs))).toBe(127);
    table.forEach((x, i) => {
      const scale = scales[Math.floor(i / dim)]!;
      expect(Math.abs(values[i]! * scale - x)).toBeLessThanOrEqual(scale / 2 + 1e-7);
    });
  });

  it('weights frequent pieces down, specials to zero and garbled scores as a median piece', () => {
    const specials = Array.from({ length: 6 }, (_, i) => [`s${i}`, 0] as const);
    const vocab = [...specials, ['▁the', -3.5], ['▁riots', -12], ['▁mid', -9], [':', null], [':30', 30]] as const;
    const w = sifWeights(vocab);
    expect([...w.slice(0, 6)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(w[6]).toBeLessThan(0.01);
    expect(w[7]).toBeGreaterThan(0.9);
    expect(w[9]).toBeCloseTo(w[8]!, 6);
    expect(w[10]).toBeCloseTo(w[8]!, 6);
  });
});

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

const QUESTION = 'How many people died during the riots?';
const RELATED = '230 people died during the riots.';
const UNRELATED = 'The damage amounted to about $200 million.';

/** Question → its answer; each question should rank its own answer first among all answers. */
const PAIRS: Array<[string, string]> = [
  [QUESTION, RELATED],
  ['How much damage did the riots cause?', UNRELATED],
  ['When does the library open on Saturdays?', 'On Saturdays the library opens at 10 am.'],
  ['Who wrote the novel War and Peace?', 'War and Peace was written by Leo Tolstoy.'],
  ['What is the capital of Kazakhstan?', 'Astana is the capital city of Kazakhstan.'],
  ['How do I reset my password?', 'To reset your password, click "Forgot password" on the login page.'],
  ['What is the boiling point of water?', 'Water boils at 100 degrees Celsius at sea level.'],
  ['How long is the warranty on the laptop?', 'The laptop comes with a two-year warranty.'],
  ['Which planet is the largest in the solar system?', 'Jupiter is the biggest planet orbiting the Sun.'],
  ['What time does the train to the airport leave?', 'The airport train departs every 30 minutes from platform 4.'],
];

type Embed = (texts: string[]) => Promise<ArrayLike<number>[]>;

async function pairsRankedFirst(embed: Embed): Promise<number> {
  const questions = await embed(PAIRS.map(([q]) => q));
  const answers = await embed(PAIRS.map(([, a]) => a));
  return questions.filter((q, i) => {
    const scores = answers.map((a) => dot(q, a));
    return scores.indexOf(Math.max(...scores)) === i;
  }).length;
}

describe('bundled static model', () => {
  let modelsDir: string;
  let built: BundledModel;
  let embedStatic: Embed;
  let extractor: FeatureExtractionPipeline;
  const stages = new Map<string, { done: number; total: number }>();

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'bundled-model-'));
    built = await ensureBundledModel(modelsDir, ({ stage, done, total }) => stages.set(stage, { done, total }));
    env.localModelPath = modelsDir;
    env.allowRemoteModels = false;
    extractor = await pipeline('feature-extraction', BUNDLED_MODEL_NAME, { quantized: true });
    embedStatic = async (texts) => (await extractor(texts, { pooling: 'mean', normalize: true })).tolist() as number[][];
  }, 120_000);

  afterAll(async () => {
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  it('reports distillation and writing progress to completion', () => {
    expect(stages.get('distil')).toEqual({ done: 8000, total: 8000 });
    expect(stages.get('write')?.done).toBe(stages.get('write')?.total);
    expect(built.folder).toBe(join(modelsDir, BUNDLED_MODEL_NAME));
    expect(built.modelHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reuses an intact build without distilling again, leaving no temp folders', async () => {
    let events = 0;
    const again = await ensureBundledModel(modelsDir, () => events++);
    expect(again).toEqual(built);
    expect(events).toBe(0);
    expect(await readdir(modelsDir)).toEqual([BUNDLED_MODEL_NAME]);
  });

  it('puts the related answer far above the unrelated one', async () => {
    const [q, related, unrelated] = await embedStatic([QUESTION, RELATED, UNRELATED]);
    const relatedCos = dot(q!, related!);
    const unrelatedCos = dot(q!, unrelated!);
    console.info(`static model: related ${relatedCos.toFixed(3)}, unrelated ${unrelatedCos.toFixed(3)}`);
    expect(relatedCos).toBeGreaterThan(0.5);
    expect(unrelatedCos).toBeLessThan(0.2);
  });

  it('ranks most questions’ own answers first', async () => {
    const hits = await pairsRankedFirst(embedStatic);
    console.info(`static model: ${hits}/${PAIRS.length} answers ranked first`);
    expect(hits).toBeGreaterThanOrEqual(PAIRS.length - 2);
  });

  it('zeroes padded positions, so batching does not change a sentence’s vector', async () => {
    const shortLength = (extractor.tokenizer.encode('short') as number[]).length;
    const out = await extractor(['short', `${RELATED} ${UNRELATED}`], { pooling: 'none' });
    const [, seq, dim] = out.dims as [number, number, number];
    const shortRows = (out.tolist() as number[][][])[0]!;
    expect(dim).toBe(512);
    expect(seq).toBeGreaterThan(shortLength);
    expect(shortRows.slice(0, shortLength).flat().some((x) => x !== 0)).toBe(true);
    expect(shortRows.slice(shortLength).flat().every((x) => x === 0)).toBe(true);
    const [alone] = await embedStatic(['short']);
    const [batched] = await embedStatic(['short', `${RELATED} ${UNRELATED}`]);
    expect(dot(alone!, batched!)).toBeCloseTo(1, 5);
  });

  it('rebuilds a damaged model', async () => {
    await writeFile(join(built.folder, 'tokenizer_config.json'), '{}');
    let distilled = false;
    const rebuilt = await ensureBundledModel(modelsDir, ({ stage }) => (distilled ||= stage === 'distil'));
    expect(distilled).toBe(true);
    expect(rebuilt.modelHash).toBe(built.modelHash); // the recipe is deterministic
    expect(await readdir(modelsDir)).toEqual([BUNDLED_MODEL_NAME]);
  }, 120_000);
});

describe('full USE-lite reference embedder', () => {
  let use: Embedder;
  beforeAll(async () => {
    use = await createUseLiteEmbedder();
  }, 60_000);

  it('identifies itself and returns unit vectors, even for empty text', async () => {
    expect(use.id).toBe('use-lite');
    expect(use.dim).toBe(512);
    expect(use.modelHash).toMatch(/^[0-9a-f]{64}$/);
    const vectors = await use.embed([QUESTION, ''], 'query');
    expect(vectors).toHaveLength(2);
    for (const v of vectors) expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
  });

  it('separates related from unrelated text and ranks most answers first', async () => {
    const [q, related, unrelated] = await use.embed([QUESTION, RELATED, UNRELATED], 'query');
    expect(dot(q!, related!)).toBeGreaterThan(dot(q!, unrelated!) + 0.2);
    const hits = await pairsRankedFirst((texts) => use.embed(texts, 'passage'));
    console.info(`use-lite: ${hits}/${PAIRS.length} answers ranked first`);
    expect(hits).toBeGreaterThanOrEqual(PAIRS.length - 2);
  }, 60_000);
});
