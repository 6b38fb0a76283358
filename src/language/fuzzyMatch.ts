/** The index's known terms in one language's term space. */
export interface Vocabulary {
  has(term: string): boolean;
  terms(): Iterable<string>;
}

/** Levenshtein distance, two rows; gives up with `limit + 1` once every path costs more than `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const cost = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      current.push(cost);
      rowMin = Math.min(rowMin, cost);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Terms by first letter, so a lookup compares against a small share of the vocabulary. */
type FirstLetterIndex = Map<string, string[]>;
const indexes = new WeakMap<Vocabulary, FirstLetterIndex>();

function indexOf(vocabulary: Vocabulary): FirstLetterIndex {
  let index = indexes.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const term of vocabulary.terms()) {
      if (term.length < 3 || /\d/.test(term)) continue;
      const bucket = index.get(term[0]!);
      if (bucket) bucket.push(term);
      else index.set(term[0]!, [term]);
    }
    indexes.set(vocabulary, index);
  }
  return index;
}

export interface FuzzyMatch {
  term: string;
  /** Edit distance over the longer length: 0 is an exact match. */
  distance: number;
}

/**
 * The vocabulary term closest to any of the spellings, when it is within `maxDistance`
 * (normalised edit distance). Candidates share the first letter and differ in length by at most 2.
 * The index is built once per Vocabulary object: pass the same object while the index lives.
 */
export function closestTerm(spellings: readonly string[], vocabulary: Vocabulary, maxDistance = 0.2): FuzzyMatch | null {
  const usable = spellings.filter((s) => s.length >= 3);
  const exact = usable.find((s) => vocabulary.has(s));
  if (exact !== undefined) return { term: exact, distance: 0 };
  let best: FuzzyMatch | null = null;
  for (const spelling of usable) {
    for (const term of indexOf(vocabulary).get(spelling[0]!) ?? []) {
      if (Math.abs(term.length - spelling.length) > 2) continue;
      const longer = Math.max(spelling.length, term.length);
      const distance = editDistance(spelling, term, Math.floor(maxDistance * longer)) / longer;
      if (distance <= maxDistance && (best === null || distance < best.distance)) best = { term, distance };
    }
  }
  return best;
}
