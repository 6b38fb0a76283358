import { env, pipeline } from '@xenova/transformers';
import type { EmbedKind, Embedder } from './embedder.js';

/** The only file that imports transformers.js; everything else sees the Embedder port. */

export interface TransformersModelOptions {
  /** Id reported in manifests and answers, e.g. "bundled" or a Hub id. */
  id: string;
  /** Folder name under `localModelPath`, or a Hub id when remote models are allowed. */
  modelName: string;
  modelHash: string;
  /** Folder that holds local models (the bundled one) and the download cache of Hub models. */
  modelsDir: string;
  allowRemote: boolean;
  quantized: boolean;
  prefixes: Record<EmbedKind, string>;
  pooling: 'mean' | 'cls';
}

type Extractor = (texts: string[], options: { pooling: 'mean' | 'cls'; normalize: boolean }) => Promise<{
  data: Float32Array;
  dims: number[];
}>;

const BATCH_SIZE = 32;

export async function createTransformersEmbedder(options: TransformersModelOptions): Promise<Embedder> {
  env.localModelPath = options.modelsDir;
  env.cacheDir = options.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemote;
  const extractor = (await pipeline('feature-extraction', options.modelName, {
    quantized: options.quantized,
  })) as unknown as Extractor;
  const run = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts, { pooling: options.pooling, normalize: true });
    const dim = output.dims.at(-1) as number;
    return texts.map((_, row) => output.data.slice(row * dim, (row + 1) * dim));
  };
  const [probe] = await run(['dimension probe']);
  return {
    id: options.id,
    modelHash: options.modelHash,
    dim: (probe as Float32Array).length,
    async embed(texts, kind) {
      const prefixed = texts.map((text) => options.prefixes[kind] + text);
      const vectors: Float32Array[] = [];
      for (let i = 0; i < prefixed.length; i += BATCH_SIZE) {
        vectors.push(...(await run(prefixed.slice(i, i + BATCH_SIZE))));
      }
      return vectors;
    },
  };
}
