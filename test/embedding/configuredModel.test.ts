import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { ModelLoadError, createEmbedder, hubModelConventions } from '../../src/embedding/createEmbedder.js';
import { ensureBundledModel } from '../../src/embedding/bundled/ensureBundledModel.js';

/**
 * A Hub id is looked up under MODELS_DIR before the Hub, so an operator can pre-seed a model folder.
 * That path is exercised here with a copy of the bundled model under a Hub-style id, with no network.
 */
describe('a configured (non-bundled) model id', () => {
  let modelsDir: string;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'qantar-models-'));
    const bundled = await ensureBundledModel(path.join(projectRoot, 'models'));
    await cp(bundled.folder, path.join(modelsDir, 'local-test', 'static-copy'), { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('loads from MODELS_DIR and reports its own id, dimension and a hash of its files', async () => {
    const embedder = await createEmbedder('local-test/static-copy', modelsDir);
    expect(embedder.id).toBe('local-test/static-copy');
    expect(embedder.dim).toBe(512);
    expect(embedder.modelHash).toMatch(/^[0-9a-f]{64}$/);
    const [died, damage] = await embedder.embed(['230 people died during the riots.', 'The damage amounted to $200 million.'], 'passage');
    const [question] = await embedder.embed(['How many people died during the riots?'], 'query');
    const cos = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
    expect(cos(question!, died!)).toBeGreaterThan(cos(question!, damage!) + 0.3);
  }, 60_000);

  it('fails with one clear error naming the variable when the model is nowhere to be found', async () => {
    const attempt = createEmbedder('local-test/missing-model', modelsDir);
    await expect(attempt).rejects.toBeInstanceOf(ModelLoadError);
    await expect(attempt).rejects.toThrow(/EMBEDDING_MODEL=local-test\/missing-model.*EMBEDDING_MODEL=bundled/);
  }, 60_000);

  it.each([
    ['Xenova/multilingual-e5-small', 'query: ', 'passage: ', 'mean'],
    ['Xenova/bge-small-en-v1.5', 'Represent this sentence for searching relevant passages: ', '', 'cls'],
    ['Xenova/all-MiniLM-L6-v2', '', '', 'mean'],
  ])('uses the conventions of the %s family', (id, query, passage, pooling) => {
    expect(hubModelConventions(id)).toEqual({ prefixes: { query, passage }, pooling });
  });
});
