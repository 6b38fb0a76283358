import type { Figure } from '../chunking/figures.js';
import type { Analyzer } from '../language/analyzer.js';
import { statesCause, statesDate, statesNumberWord } from '../language/questionWords.js';
import { tokenize } from '../language/tokenize.js';
import type { AnalysedQuestion } from './questionAnalysis.js';
import { capitalisedTerms } from './questionAnalysis.js';
import { refersBack } from './sentenceCues.js';

/**
 * The features of one candidate sentence for one question, in this order. The trained ranker file
 * records this list; a model trained on another list is refused at load.
 */
export const FEATURE_NAMES = [
  'cosine', 'cosineGap', 'passageCosine', 'readsLanguage',
  'bm25', 'bm25Ratio', 'coverage', 'coverageGap', 'coverageRelated', 'coverageNeighbours', 'coverageDocument', 'coverageBefore', 'refersBack',
  'bigrams', 'proximity', 'missingMaxIdf', 'missingShare', 'matchedTerms', 'rarestMatched', 'numbers', 'names',
  'kindWho', 'kindWhen', 'kindWhere', 'kindCount', 'kindMoney', 'kindWhy', 'countedThing',
  'novelty', 'logLength', 'retrievalRank', 'lexicalRank', 'denseRank', 'firstInDocument', 'relativePosition', 'unknownShare',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
const AT = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<FeatureName, number>;

/** What features need of one candidate sentence: plain data, so features stay a pure function. */
export interface CandidateView {
  text: string;
  termIds: Int32Array;
  before: Int32Array | null;
  after: Int32Array | null;
  analyzer: Analyzer;
  termId(term: string): number;
  figures: readonly Figure[];
  cosine: number;
  passageCosine: number;
  readsLanguage: boolean;
  /** Rank (0-based) of the best fused passage holding the sentence. */
  retrievalRank: number;
  /** Rank (0-based) of the best passage holding it in the BM25 and in the dense list, −1 when absent. */
  lexicalRank: number;
  denseRank: number;
  /** Every term of the sentence's document: is the question about this article at all? */
  documentTerms: ReadonlySet<number>;
  indexInDocument: number;
  documentLength: number;
  averageSentenceLength: number;
}

/** Feature rows for all candidates of a question, including the features relative to the best candidate. */
export function candidateFeatures(question: AnalysedQuestion, candidates: readonly CandidateView[]): Float64Array[] {
  const rows = candidates.map((candidate) => ownFeatures(question, candidate));
  const best = (name: FeatureName) => Math.max(0, ...rows.map((row) => row[AT[name]] as number));
  const [cosine, coverage, bm25] = [best('cosine'), best('coverage'), best('bm25')];
  for (const row of rows) {
    row[AT.cosineGap] = (row[AT.cosine] as number) - cosine;
    row[AT.coverageGap] = (row[AT.coverage] as number) - coverage;
    row[AT.bm25Ratio] = bm25 === 0 ? 0 : (row[AT.bm25] as number) / bm25;
  }
  return rows;
}

function ownFeatures(question: AnalysedQuestion, c: CandidateView): Float64Array {
  const row = new Float64Array(FEATURE_NAMES.length);
  const own = new Set(c.termIds);
  const around = new Set([...own, ...(c.before ?? []), ...(c.after ?? [])]);
  const back = refersBack(c.text);
  const cover = (has: (id: number, related: readonly number[]) => boolean) => weightedShare(question, has);
  row[AT.cosine] = c.readsLanguage ? c.cosine : 0;
  row[AT.passageCosine] = c.readsLanguage ? c.passageCosine : 0;
  row[AT.readsLanguage] = c.readsLanguage ? 1 : 0;
  row[AT.bm25] = sentenceBm25(question, c);
  row[AT.coverage] = cover((id) => own.has(id));
  row[AT.coverageRelated] = cover((id, related) => own.has(id) || related.some((r) => own.has(r)));
  row[AT.coverageNeighbours] = cover((id) => around.has(id));
  row[AT.coverageDocument] = cover((id) => c.documentTerms.has(id));
  row[AT.coverageBefore] = back && c.before ? cover((id) => !own.has(id) && (c.before as Int32Array).includes(id)) : 0;
  row[AT.refersBack] = back ? 1 : 0;
  row[AT.bigrams] = bigramShare(question.sequence, c.termIds);
  row[AT.proximity] = proximity(question, c.termIds);
  Object.assign(row, missingFeatures(question, around));
  Object.assign(row, matchFeatures(question, own));
  const tokens = new Set(tokenize(c.text));
  row[AT.numbers] = matchScore(question.numbers, (n) => tokens.has(n));
  row[AT.names] = matchScore(question.names, (id) => around.has(id));
  setKindFeatures(row, question, c, around);
  const uniqueOwn = [...own];
  const questionIds = new Set(question.terms.map((t) => t.id));
  row[AT.novelty] = uniqueOwn.length === 0 ? 0 : uniqueOwn.filter((id) => !questionIds.has(id)).length / uniqueOwn.length;
  row[AT.logLength] = Math.log1p(c.termIds.length);
  row[AT.retrievalRank] = 1 / (1 + c.retrievalRank);
  row[AT.lexicalRank] = c.lexicalRank < 0 ? 0 : 1 / (1 + c.lexicalRank);
  row[AT.denseRank] = c.denseRank < 0 ? 0 : 1 / (1 + c.denseRank);
  row[AT.firstInDocument] = c.indexInDocument === 0 ? 1 : 0;
  row[AT.relativePosition] = c.documentLength <= 1 ? 0 : c.indexInDocument / (c.documentLength - 1);
  row[AT.unknownShare] = question.unknownShare;
  return row;
}

function weightedShare(question: AnalysedQuestion, has: (id: number, related: readonly number[]) => boolean): number {
  let total = 0;
  let found = 0;
  for (const term of question.terms) {
    total += term.idf * term.weight;
    if (term.id >= 0 && has(term.id, term.related)) found += term.idf * term.weight;
  }
  return total === 0 ? 0 : found / total;
}

const BM25_K = 1.2;
const BM25_B = 0.75;

/** BM25 of the sentence as a document of its own, divided by the question's total idf so questions compare. */
function sentenceBm25(question: AnalysedQuestion, c: CandidateView): number {
  let score = 0;
  let total = 0;
  const norm = BM25_K * (1 - BM25_B + (BM25_B * c.termIds.length) / c.averageSentenceLength);
  for (const term of question.terms) {
    total += term.idf * term.weight;
    if (term.id < 0) continue;
    let tf = 0;
    for (const id of c.termIds) if (id === term.id) tf++;
    if (tf > 0) score += term.weight * term.idf * ((tf * (BM25_K + 1)) / (tf + norm));
  }
  return total === 0 ? 0 : score / total;
}

/** Share of adjacent question-term pairs that stand within two words of each other in the sentence. */
function bigramShare(sequence: readonly number[], termIds: Int32Array): number {
  if (sequence.length < 2) return 0;
  let found = 0;
  for (let i = 0; i + 1 < sequence.length; i++) {
    const [a, b] = [sequence[i] as number, sequence[i + 1] as number];
    for (let p = 0; p < termIds.length; p++) {
      if (termIds[p] !== a && termIds[p] !== b) continue;
      const other = termIds[p] === a ? b : a;
      if (termIds[p + 1] === other || termIds[p + 2] === other) {
        found++;
        break;
      }
    }
  }
  return found / (sequence.length - 1);
}

/** How tightly the matched question terms cluster: matched terms over the span they cover (0 for fewer than two). */
function proximity(question: AnalysedQuestion, termIds: Int32Array): number {
  const wanted = new Set(question.sequence);
  const positions: number[] = [];
  const matched = new Set<number>();
  termIds.forEach((id, p) => {
    if (wanted.has(id)) positions.push(p), matched.add(id);
  });
  if (matched.size < 2) return 0;
  return matched.size / ((positions.at(-1) as number) - (positions[0] as number) + 1);
}

/** How important the most important question word the sentence and its neighbours lack is, relative to the question's most important word. */
function missingFeatures(question: AnalysedQuestion, around: ReadonlySet<number>): Partial<Record<number, number>> {
  const terms = question.terms.filter((t) => t.weight >= 0.5);
  const maxIdf = Math.max(0, ...terms.map((t) => t.idf));
  const missing = terms.filter((t) => t.id < 0 || (!around.has(t.id) && !t.related.some((r) => around.has(r))));
  return {
    [AT.missingMaxIdf]: maxIdf === 0 ? 0 : Math.max(0, ...missing.map((t) => t.idf)) / maxIdf,
    [AT.missingShare]: terms.length === 0 ? 0 : missing.length / terms.length,
  };
}

/** How many distinct question terms the sentence has (a long question matched by many words), and whether its rarest one is among them. */
function matchFeatures(question: AnalysedQuestion, own: ReadonlySet<number>): Partial<Record<number, number>> {
  const matched = question.terms.filter((t) => t.id >= 0 && own.has(t.id));
  const rarest = question.terms.reduce<(typeof question.terms)[number] | undefined>((best, t) => (best === undefined || t.idf > best.idf ? t : best), undefined);
  return { [AT.matchedTerms]: Math.min(matched.length, 10) / 10, [AT.rarestMatched]: rarest !== undefined && matched.includes(rarest) ? 1 : 0 };
}

/** +1 when all of the question's items are found, −1 when none are, 0 when the question has none. */
function matchScore<T>(items: ReadonlySet<T>, found: (item: T) => boolean): number {
  if (items.size === 0) return 0;
  const share = [...items].filter(found).length / items.size;
  return 2 * share - 1;
}

/** For the question's answer kind only: +1 when the sentence holds that kind of answer, −1 when it does not. */
function setKindFeatures(row: Float64Array, question: AnalysedQuestion, c: CandidateView, around: ReadonlySet<number>): void {
  const questionIds = new Set(question.terms.map((t) => t.id));
  const newName = () => capitalisedTerms(c.text, c.analyzer).some((term) => !questionIds.has(c.termId(term)));
  const newFigure = (kinds: readonly string[]) =>
    c.figures.some((f) => kinds.includes(f.kind) && !tokenize(f.text).every((token) => question.numbers.has(token)));
  const counts = () => newFigure(['count', 'percent', 'fraction']) || statesNumberWord(c.text);
  const fits: Partial<Record<FeatureName, () => boolean>> = {
    kindWho: newName,
    kindWhere: newName,
    kindWhen: () => statesDate(c.text) || newFigure(['date']),
    kindCount: counts,
    kindMoney: () => newFigure(['money']) || counts(),
    kindWhy: () => statesCause(c.text),
  };
  const name = `kind${question.kind[0]?.toUpperCase()}${question.kind.slice(1)}` as FeatureName;
  const fit = fits[name];
  if (fit) row[AT[name]] = fit() ? 1 : -1;
  row[AT.countedThing] = countedThing(question, around);
}

/**
 * Whether the sentence or its neighbours name what a "how many" question counts, itself or through a
 * relation ("rifles" and "weapons"): +1, −1 when not, 0 when the question counts nothing named. A
 * feature the model weighs, not a veto: people count things in other words than the documents do.
 */
function countedThing(question: AnalysedQuestion, around: ReadonlySet<number>): number {
  const { counted } = question;
  if (counted === null) return 0;
  const term = question.terms.find((t) => t.id === counted.id);
  return (counted.id >= 0 && around.has(counted.id)) || (term?.related ?? []).some((r) => around.has(r)) ? 1 : -1;
}

/**
 * Whether a candidate holds what a count or money question asks for: a new figure of that kind, and
 * not of another thing than the one counted ("How many women were detained?" is not answered by
 * "two thousand people were detained"; "rifles" is answered by "weapons" when a relation links them).
 * Null for other questions. Read from the features, so the gate and the model agree; a candidate
 * that fails it can still be shown as "probably", never as the answer.
 */
export function holdsAskedFigure(kind: string, features: ArrayLike<number>): boolean | null {
  const countsTheAskedThing = features[AT.countedThing] !== -1;
  if (kind === 'count') return features[AT.kindCount] === 1 && countsTheAskedThing;
  if (kind === 'money') return features[AT.kindMoney] === 1 && countsTheAskedThing;
  return null;
}
