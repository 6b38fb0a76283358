import { type BoostedTrees, predictTrees } from './boostedTrees.js';
import { type LogisticModel, predictProbability } from './logisticRegression.js';

/** A fitted binary classifier of either learner, as stored in the model file. */
export type LearnedModel = { kind: 'logistic-regression'; logistic: LogisticModel } | { kind: 'boosted-trees'; trees: BoostedTrees };

export function predict(model: LearnedModel, row: ArrayLike<number>): number {
  return model.kind === 'logistic-regression' ? predictProbability(model.logistic, row) : predictTrees(model.trees, row);
}

/** Whether a stored model is whole for rows of `width` features. */
export function isComplete(model: Partial<LearnedModel> | undefined, width: number): boolean {
  if (model?.kind === 'logistic-regression') return model.logistic?.weights.length === width;
  return model?.kind === 'boosted-trees' && Array.isArray(model.trees?.trees);
}
