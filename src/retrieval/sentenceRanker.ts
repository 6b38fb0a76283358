import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIDENCE_FEATURES, type ConfidenceModel, type ScoredCandidate, confidenceOf } from './answerConfidence.js';
import { FEATURE_NAMES } from './features.js';
import { type LearnedModel, isComplete, predict } from './learnedModel.js';

/** 2: the file holds the confidence stage that decides answer / probably / not covered. */
export const RANKER_FORMAT_VERSION = 2;
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

export type RankerModel = LearnedModel;

/** The trained artefact: model, the features it reads, how it was trained and what it scored. */
export interface SentenceRankerFile {
  formatVersion: number;
  features: string[];
  model: RankerModel;
  thresholds: AnswerThresholds;
  /** The second stage: the confidence that the best sentence answers, and the tier thresholds. */
  confidence: ConfidenceModel;
  training: { dataHash: string; sets: string[]; questions: number; rows: number; folds: number; trainedAt: string };
  /** Cross-validated by article, per set; never measured on the data a fold's model was trained on. */
  metrics: Record<string, unknown>;
}

export interface SentenceRanker {
  readonly thresholds: AnswerThresholds;
  probability(row: ArrayLike<number>): number;
  /** The confidence stage, absent in a ranker built for training (it ranks, it does not decide). */
  readonly confidence?: {
    readonly thresholds: ConfidenceModel['thresholds'];
    of(ranked: readonly ScoredCandidate[]): number;
  };
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
  if (!isComplete(model.model, FEATURE_NAMES.length) || !model.thresholds) throw new RankerModelError(`${file}: not a complete ${String(kind)} model with thresholds.`);
  const stage = model.confidence;
  const stageFeatures = stage?.features ?? [];
  if (stageFeatures.length !== CONFIDENCE_FEATURES.length || stageFeatures.some((name, i) => name !== CONFIDENCE_FEATURES[i])) {
    throw new RankerModelError(`${file}: confidence stage trained on [${stageFeatures.join(', ')}], the code computes [${CONFIDENCE_FEATURES.join(', ')}]. Run npm run train.`);
  }
  if (!isComplete(stage?.model, CONFIDENCE_FEATURES.length) || !stage?.thresholds) throw new RankerModelError(`${file}: the confidence stage is incomplete. Run npm run train.`);
  return model as SentenceRankerFile;
}

export function rankerFrom(file: Pick<SentenceRankerFile, 'model' | 'thresholds'> & Partial<Pick<SentenceRankerFile, 'confidence'>>): SentenceRanker {
  const { model, confidence: stage } = file;
  const probability = (row: ArrayLike<number>) => predict(model, row);
  const confidence = stage && { thresholds: stage.thresholds, of: (ranked: readonly ScoredCandidate[]) => confidenceOf(stage, ranked) };
  return { thresholds: file.thresholds, probability, ...(confidence ? { confidence } : {}) };
}

let loaded: SentenceRanker | undefined;

/** The committed model, read and checked once. */
export function defaultRanker(): SentenceRanker {
  loaded ??= rankerFrom(checkRankerFile(JSON.parse(readFileSync(RANKER_FILE, 'utf8')), RANKER_FILE));
  return loaded;
}
