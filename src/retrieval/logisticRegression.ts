/**
 * L2-regularised logistic regression on standardised features, fitted by full-batch gradient descent
 * with Adam. Small and deterministic: the same rows give the same model.
 */
export interface LogisticModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface FitOptions {
  l2: number;
  epochs: number;
  learningRate: number;
  /** Weight of positive rows: candidates that answer are few among many that do not. */
  positiveWeight: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 1e-3, epochs: 400, learningRate: 0.05, positiveWeight: 1 };

export function predictProbability(model: LogisticModel, row: ArrayLike<number>): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) {
    z += (model.weights[j] as number) * (((row[j] as number) - (model.mean[j] as number)) / (model.scale[j] as number));
  }
  return 1 / (1 + Math.exp(-z));
}

export function fitLogistic(rows: readonly ArrayLike<number>[], labels: readonly number[], options: FitOptions = DEFAULT_FIT): LogisticModel {
  const width = rows[0]?.length ?? 0;
  const { mean, scale } = standardisation(rows, width);
  const x = rows.map((row) => Float64Array.from({ length: width }, (_, j) => ((row[j] as number) - (mean[j] as number)) / (scale[j] as number)));
  const weights = new Float64Array(width);
  let bias = 0;
  const adam = new Adam(width + 1, options.learningRate);
  const sampleWeight = labels.map((y) => (y > 0 ? options.positiveWeight : 1));
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0) || 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const gradient = new Float64Array(width + 1);
    x.forEach((row, i) => {
      let z = bias;
      for (let j = 0; j < width; j++) z += (weights[j] as number) * (row[j] as number);
      const error = ((1 / (1 + Math.exp(-z))) - (labels[i] as number)) * (sampleWeight[i] as number);
      for (let j = 0; j < width; j++) gradient[j] = (gradient[j] as number) + error * (row[j] as number);
      gradient[width] = (gradient[width] as number) + error;
    });
    for (let j = 0; j < width; j++) gradient[j] = (gradient[j] as number) / totalWeight + options.l2 * (weights[j] as number);
    gradient[width] = (gradient[width] as number) / totalWeight;
    const step = adam.step(gradient);
    for (let j = 0; j < width; j++) weights[j] = (weights[j] as number) - (step[j] as number);
    bias -= step[width] as number;
  }
  return { mean, scale, weights: [...weights], bias };
}

function standardisation(rows: readonly ArrayLike<number>[], width: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(width).fill(0);
  const square = new Array<number>(width).fill(0);
  for (const row of rows) {
    for (let j = 0; j < width; j++) {
      mean[j] = (mean[j] as number) + (row[j] as number);
      square[j] = (square[j] as number) + (row[j] as number) ** 2;
    }
  }
  const n = Math.max(1, rows.length);
  const scale = mean.map((sum, j) => Math.sqrt(Math.max(0, (square[j] as number) / n - (sum / n) ** 2)) || 1);
  return { mean: mean.map((sum) => sum / n), scale };
}

class Adam {
  readonly #m: Float64Array;
  readonly #v: Float64Array;
  #t = 0;

  constructor(
    size: number,
    private readonly rate: number,
  ) {
    this.#m = new Float64Array(size);
    this.#v = new Float64Array(size);
  }

  step(gradient: Float64Array): Float64Array {
    this.#t++;
    const out = new Float64Array(gradient.length);
    for (let i = 0; i < gradient.length; i++) {
      const g = gradient[i] as number;
      this.#m[i] = 0.9 * (this.#m[i] as number) + 0.1 * g;
      this.#v[i] = 0.999 * (this.#v[i] as number) + 0.001 * g * g;
      const mHat = (this.#m[i] as number) / (1 - 0.9 ** this.#t);
      const vHat = (this.#v[i] as number) / (1 - 0.999 ** this.#t);
      out[i] = (this.rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
    return out;
  }
}
