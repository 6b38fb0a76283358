/** Translation tables as the lexicon build scripts make them: term → (term → weight). */
export type Table = Map<string, Map<string, number>>;

/** Weights under this share of the row's best are dropped. */
const MIN_WEIGHT = 0.08;

export function addToTable(table: Table, from: string, to: string, weight: number, combine: (a: number, b: number) => number): void {
  let row = table.get(from);
  if (!row) table.set(from, (row = new Map()));
  const before = row.get(to);
  row.set(to, before === undefined ? weight : combine(before, weight));
}

/** Each row as "term:weight term:weight", best first, weights in percent of the row's best. */
export function encodeRows(table: Table, max: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, targets] of table) {
    const row = [...targets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const best = row[0]![1];
    const kept = row
      .map(([to, w]) => [to, w / best] as const)
      .filter(([, w]) => w >= MIN_WEIGHT)
      .slice(0, max);
    out.set(from, kept.map(([to, w]) => `${to}:${Math.round(w * 100)}`).join(' '));
  }
  return out;
}
