/** Questions that differ only in case, spacing or closing punctuation are the same question. */
export function questionKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.…]+$/u, '').trim();
}

export interface QuestionGroup {
  count: number;
  /** The most frequent wording in the group (the newest one on a tie). */
  example: string;
  lastAskedAt: number;
}

export interface AskedQuestion {
  question: string;
  askedAt: number;
}

/** Exact duplicates (by `questionKey`) merged, most frequent first. */
export function countDistinct(questions: readonly AskedQuestion[]): QuestionGroup[] {
  const byKey = new Map<string, { count: number; lastAskedAt: number; wordings: Map<string, number> }>();
  for (const { question, askedAt } of questions) {
    const key = questionKey(question);
    const group = byKey.get(key) ?? { count: 0, lastAskedAt: askedAt, wordings: new Map<string, number>() };
    group.count += 1;
    group.lastAskedAt = Math.max(group.lastAskedAt, askedAt);
    group.wordings.set(question, (group.wordings.get(question) ?? 0) + 1);
    byKey.set(key, group);
  }
  return [...byKey.values()].map(({ count, lastAskedAt, wordings }) => ({ count, lastAskedAt, example: mostFrequent(wordings) })).sort(byCount);
}

/** The first wording seen (callers pass newest first) among the most frequent ones. */
function mostFrequent(wordings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [wording, count] of wordings) {
    if (count > bestCount) [best, bestCount] = [wording, count];
  }
  return best;
}

const byCount = (a: QuestionGroup, b: QuestionGroup) => b.count - a.count || b.lastAskedAt - a.lastAskedAt;

/**
 * Greedy clustering: each group, most frequent first, joins the first cluster whose leading
 * example is at least `threshold` similar (cosine of unit vectors), or starts a new cluster.
 * The leader's wording stays the example, so the example is always a question someone asked.
 */
export function mergeSimilar(groups: readonly QuestionGroup[], vectors: readonly Float32Array[], threshold: number): QuestionGroup[] {
  if (vectors.length !== groups.length) throw new Error('mergeSimilar needs one vector per group');
  const items = groups.map((group, i) => ({ group, vector: vectors[i] as Float32Array })).sort((a, b) => byCount(a.group, b.group));
  const clusters: typeof items = [];
  for (const { group, vector } of items) {
    const home = clusters.find((cluster) => dot(cluster.vector, vector) >= threshold);
    if (home) home.group = { ...home.group, count: home.group.count + group.count, lastAskedAt: Math.max(home.group.lastAskedAt, group.lastAskedAt) };
    else clusters.push({ group, vector });
  }
  return clusters.map((cluster) => cluster.group).sort(byCount);
}

/** The cosine of two unit vectors, which is all the Embedder port returns. */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
