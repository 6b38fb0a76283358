/** The usual constant from the RRF paper: it damps the influence of the very top ranks. */
const RRF_K = 60;

/** Reciprocal rank fusion: items ranked high by any list rise; no score calibration needed between lists. */
export function reciprocalRankFusion<T>(rankings: ReadonlyArray<readonly T[]>, k = RRF_K): T[] {
  const scores = new Map<T, number>();
  for (const ranking of rankings) {
    ranking.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([item]) => item);
}
