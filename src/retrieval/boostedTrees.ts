/**
 * Gradient-boosted regression trees on the logistic loss (Friedman's TreeBoost with Newton leaf
 * values), splits searched over per-feature quantile bins. Small and deterministic: the same rows
 * give the same model. Trees catch what a linear model cannot: a figure matters for "how many",
 * not for "why".
 */
export interface TreeNode {
  /** Feature index, or −1 for a leaf. */
  feature: number;
  threshold: number;
  left: number;
  right: number;
  value: number;
}

export interface BoostedTrees {
  base: number;
  trees: TreeNode[][];
}

export interface BoostOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  minLeaf: number;
  bins: number;
  l2: number;
}

export const DEFAULT_BOOST: BoostOptions = { rounds: 150, depth: 3, learningRate: 0.1, minLeaf: 20, bins: 32, l2: 1 };

export function predictTrees(model: BoostedTrees, row: ArrayLike<number>): number {
  let z = model.base;
  for (const tree of model.trees) z += leafValue(tree, row);
  return 1 / (1 + Math.exp(-z));
}

function leafValue(tree: readonly TreeNode[], row: ArrayLike<number>): number {
  let node = tree[0] as TreeNode;
  while (node.feature >= 0) node = tree[(row[node.feature] as number) <= node.threshold ? node.left : node.right] as TreeNode;
  return node.value;
}

export function fitTrees(rows: readonly ArrayLike<number>[], labels: readonly number[], options: BoostOptions = DEFAULT_BOOST): BoostedTrees {
  const width = rows[0]?.length ?? 0;
  const binned = binFeatures(rows, width, options.bins);
  const positives = labels.reduce((a, b) => a + b, 0);
  const prior = Math.min(Math.max(positives / Math.max(1, labels.length), 1e-6), 1 - 1e-6);
  const base = Math.log(prior / (1 - prior));
  const z = new Float64Array(rows.length).fill(base);
  const trees: TreeNode[][] = [];
  const all = Int32Array.from(rows.keys());
  for (let round = 0; round < options.rounds; round++) {
    const gradient = new Float64Array(rows.length);
    const hessian = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const p = 1 / (1 + Math.exp(-(z[i] as number)));
      gradient[i] = (labels[i] as number) - p;
      hessian[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree: TreeNode[] = [];
    grow(tree, all, 0, { binned, gradient, hessian, options });
    for (let i = 0; i < rows.length; i++) z[i] = (z[i] as number) + leafValue(tree, rows[i] as ArrayLike<number>);
    trees.push(tree);
  }
  return { base, trees };
}

interface Binned {
  /** Per feature: the bin of each row. */
  bins: Uint8Array[];
  /** Per feature: the upper edge of each bin, so a split on bin b is "value ≤ edges[b]". */
  edges: Float64Array[];
}

interface GrowContext {
  binned: Binned;
  gradient: Float64Array;
  hessian: Float64Array;
  options: BoostOptions;
}

function binFeatures(rows: readonly ArrayLike<number>[], width: number, bins: number): Binned {
  const result: Binned = { bins: [], edges: [] };
  for (let j = 0; j < width; j++) {
    const values = Float64Array.from(rows, (row) => row[j] as number).sort();
    // Each edge is the last value of its bin, so "value ≤ edge" puts every row of the bin on the left.
    const edges = [...new Set(Array.from({ length: bins - 1 }, (_, b) => values[Math.max(0, Math.floor(((b + 1) * values.length) / bins) - 1)] as number))];
    const edgeArray = Float64Array.from(edges);
    result.edges.push(edgeArray);
    result.bins.push(Uint8Array.from(rows, (row) => binOf(edgeArray, row[j] as number)));
  }
  return result;
}

/** The first bin whose upper edge is at least the value; values above every edge fall in the last bin. */
function binOf(edges: Float64Array, value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grow(tree: TreeNode[], rows: Int32Array, depth: number, ctx: GrowContext): number {
  const at = tree.length;
  const { gradient, hessian, options } = ctx;
  let g = 0;
  let h = 0;
  for (const i of rows) (g += gradient[i] as number), (h += hessian[i] as number);
  tree.push({ feature: -1, threshold: 0, left: -1, right: -1, value: (options.learningRate * g) / (h + options.l2) });
  if (depth >= options.depth || rows.length < 2 * options.minLeaf) return at;
  const split = bestSplit(rows, g, h, ctx);
  if (!split) return at;
  const featureBins = ctx.binned.bins[split.feature] as Uint8Array;
  const left = rows.filter((i) => (featureBins[i] as number) <= split.bin);
  const right = rows.filter((i) => (featureBins[i] as number) > split.bin);
  const node = tree[at] as TreeNode;
  node.feature = split.feature;
  node.threshold = (ctx.binned.edges[split.feature] as Float64Array)[split.bin] as number;
  node.left = grow(tree, left, depth + 1, ctx);
  node.right = grow(tree, right, depth + 1, ctx);
  return at;
}

function bestSplit(rows: Int32Array, g: number, h: number, ctx: GrowContext): { feature: number; bin: number } | null {
  const { gradient, hessian, options, binned } = ctx;
  const parentGain = (g * g) / (h + options.l2);
  let best: { feature: number; bin: number; gain: number } | null = null;
  for (let j = 0; j < binned.bins.length; j++) {
    const featureBins = binned.bins[j] as Uint8Array;
    const binCount = (binned.edges[j] as Float64Array).length + 1;
    const gs = new Float64Array(binCount);
    const hs = new Float64Array(binCount);
    const ns = new Int32Array(binCount);
    for (const i of rows) {
      const b = featureBins[i] as number;
      gs[b] = (gs[b] as number) + (gradient[i] as number);
      hs[b] = (hs[b] as number) + (hessian[i] as number);
      ns[b] = (ns[b] as number) + 1;
    }
    let [gl, hl, nl] = [0, 0, 0];
    for (let b = 0; b < binCount - 1; b++) {
      gl += gs[b] as number;
      hl += hs[b] as number;
      nl += ns[b] as number;
      if (nl < options.minLeaf || rows.length - nl < options.minLeaf) continue;
      const gain = (gl * gl) / (hl + options.l2) + ((g - gl) * (g - gl)) / (h - hl + options.l2) - parentGain;
      if (gain > (best?.gain ?? 1e-9)) best = { feature: j, bin: b, gain };
    }
  }
  return best;
}
