import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from './features.js';
import { type BoostedTrees, predictTrees } from './boostedTrees.js';
import { type LogisticModel, predictProbability } from './logisticRegression.js';

export const RANKER_FORMAT_VERSION = 1;
export const RANKER_FILE = fileURLToPath(new URL('./model/sentence-ranker.json', import.meta.url));

/** When to answer, from the same cross-validated run that trained the model. */
export interface AnswerThresholds {
  /** Answer only when the best sentence's probability of answering reaches this. */
  minProbability: number;
  /** Below `minProbability`, still show the best sentence as "the closest I found" from this. */
  closestMinProbability: number;
  /** Further quotes need at least this probability, and at least `quoteRatio` × the best one's. */
  quoteRatio: number;
  /** The precision of answered questions the threshold was chosen for. */
  targetPrecision: number;
}

export type RankerModel = { kind: 'logistic-regression'; logistic: LogisticModel } | { kind: 'boosted-trees'; trees: BoostedTrees };

/** The trained artefact: model, the features it reads, how it was trained and what it scored. */
export interface SentenceRankerFile {
  formatVersion: number;
  features: string[];
  model: RankerModel;
  thresholds: AnswerThresholds;
  training: { dataHash: string; sets: string[]; questions: number; rows: number; folds: number; trainedAt: string };
  /** Cross-validated by article, per set; never measured on the data a fold's model was trained on. */
  metrics: Record<string, unknown>;
}

export interface SentenceRanker {
  readonly thresholds: AnswerThresholds;
  probability(row: ArrayLike<number>): number;
}

/** A model file this code cannot use: wrong version, other features, or not a model. Names the file. */
export class RankerModelError extends Error {
  override name = 'RankerModelError';
}

export function checkRankerFile(json: unknown, file: string): SentenceRankerFile {
  const model = json as Partial<SentenceRankerFile> | null;
  if (model?.formatVersion !== RANKER_FORMAT_VERSION) {
    throw new RankerModelError(`${file}: ranker format ${String(model?.formatVersion)}, this version reads ${RANKER_FORMAT_VERSION}. Run npm run train.`);
  }
  const features = model.features ?? [];
  if (features.length !== FEATURE_NAMES.length || features.some((name, i) => name !== FEATURE_NAMES[i])) {
    throw new RankerModelError(`${file}: trained on features [${features.join(', ')}], the code computes [${FEATURE_NAMES.join(', ')}]. Run npm run train.`);
  }
  const kind = model.model?.kind;
  const complete = kind === 'logistic-regression' ? model.model?.logistic?.weights.length === FEATURE_NAMES.length : kind === 'boosted-trees' && Array.isArray(model.model?.trees?.trees);
  if (!complete || !model.thresholds) throw new RankerModelError(`${file}: not a complete ${String(kind)} model with thresholds.`);
  return model as SentenceRankerFile;
}

export function rankerFrom(file: Pick<SentenceRankerFile, 'model' | 'thresholds'>): SentenceRanker {
  const { model } = file;
  const probability = model.kind === 'logistic-regression' ? (row: ArrayLike<number>) => predictProbability(model.logistic, row) : (row: ArrayLike<number>) => predictTrees(model.trees, row);
  return { thresholds: file.thresholds, probability };
}

let loaded: SentenceRanker | undefined;

/** The committed model, read and checked once. */
export function defaultRanker(): SentenceRanker {
  loaded ??= rankerFrom(checkRankerFile(JSON.parse(readFileSync(RANKER_FILE, 'utf8')), RANKER_FILE));
  return loaded;
}
