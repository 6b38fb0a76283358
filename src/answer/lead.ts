import type { Figure, FigureKind } from '../chunking/figures.js';

/** Quotation marks that open or close a quoted speech and should not open or close a lead line. */
const QUOTE_MARKS = /^[“”"«»‘’'\s]+|[“”"«»‘’'\s]+$/g;

/**
 * The lead line: the clause of the sentence that states the wanted figure, cut at ", " or "; "
 * boundaries (never inside "3,660"). Always a substring of the sentence, so nothing is invented.
 */
export function leadClause(sentence: string, figures: readonly Figure[], wantedKinds: readonly FigureKind[]): string {
  // Kinds are in order of preference: "how much" wants money before a count in the same sentence.
  const figure = wantedKinds.map((kind) => figures.find((f) => f.kind === kind)).find((f) => f !== undefined) ?? figures[0];
  if (!figure) return sentence.replace(QUOTE_MARKS, '');
  const clause = clauseAround(sentence, figure.start);
  return clause.replace(QUOTE_MARKS, '');
}

function clauseAround(sentence: string, position: number): string {
  const boundaries = [...sentence.matchAll(/[,;:]\s/g)].map((m) => m.index);
  const before = boundaries.filter((b) => b < position).at(-1);
  const after = boundaries.find((b) => b >= position);
  const start = before === undefined ? 0 : before + 2;
  const end = after === undefined ? sentence.length : after;
  const clause = sentence.slice(start, end);
  // A clause cut before its verb ("about 30,000 people, mostly young,") says less than the sentence.
  return clause.split(/\s+/).length >= 4 ? clause : sentence;
}
