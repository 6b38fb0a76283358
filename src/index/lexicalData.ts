import { type Analyzer, analyzerFor, documentLanguage } from '../language/analyzer.js';
import { tokenize } from '../language/tokenize.js';
import type { IndexedDocument } from './snapshot.js';

/*
 * BM25+ over passages as MiniSearch 7 scored it (k 1.2, b 0.7, d 0.5; field length = distinct raw
 * tokens; running-mean average length; the sum multiplied by the number of distinct query terms
 * matched), so passage retrieval keeps the behaviour it was measured with.
 */
export const K = 1.2;
export const B = 0.7;
export const D = 0.5;

/**
 * Everything lexical retrieval and sentence features need, in flat typed arrays: what a build
 * produces, what is stored beside it, and what loading gives back without tokenizing the corpus again.
 */
export interface LexicalData {
  /** Content terms by id, each in the term space of the analyzer of its document's language. */
  terms: string[];
  /** Per term id: how many sentences use it (for idf and "does the corpus know this word"). */
  sentenceFrequency: Int32Array;
  sentenceCount: number;
  /** Postings of term t are entries offsets[t] .. offsets[t+1] of `passages` (ordinals) and `frequencies`. */
  offsets: Int32Array;
  passages: Int32Array;
  frequencies: Uint32Array;
  /** Per passage ordinal (documents, then passages, in order): its label, and k·(1 − b + b·length/avgLength). */
  labels: Int32Array;
  lengthNorm: Float64Array;
  /** The term ids of sentence row r, in text order with repeats: sentenceTerms[sentenceOffsets[r] .. sentenceOffsets[r+1]]. */
  sentenceOffsets: Int32Array;
  sentenceTerms: Int32Array;
}

/** Tokenizes every sentence once; passages reuse their sentences' terms. */
export function buildLexicalData(documents: readonly IndexedDocument[]): LexicalData {
  const vocabulary = new Vocabulary();
  const sentenceTerms = new GrowingInt32();
  const sentenceOffsets: number[] = [0];
  const sentenceFrequency: number[] = [];
  const seenIn: number[] = [];
  for (const document of documents) {
    const analyzer = analyzerFor(documentLanguage(document.language));
    for (const sentence of document.sentences) {
      const row = sentenceOffsets.length;
      for (const word of tokenize(sentence.text)) {
        const term = vocabulary.termOf(word, analyzer);
        if (term < 0) continue;
        sentenceTerms.push(term);
        if (seenIn[term] === row) continue;
        seenIn[term] = row;
        sentenceFrequency[term] = (sentenceFrequency[term] ?? 0) + 1;
      }
      sentenceOffsets.push(sentenceTerms.length);
    }
  }
  const sentences = { sentenceOffsets: Int32Array.from(sentenceOffsets), sentenceTerms: sentenceTerms.finish() };
  const terms = vocabulary.terms();
  return {
    ...buildPostings(documents, sentences, terms.length),
    ...sentences,
    terms,
    sentenceCount: sentenceOffsets.length - 1,
    sentenceFrequency: Int32Array.from(terms, (_, id) => sentenceFrequency[id] ?? 0),
  };
}

/** Word → term id, analysing each distinct word once per language; −1 for stop words. */
class Vocabulary {
  readonly #termIds = new Map<string, number>();
  readonly #byWord = new Map<string, number>();

  termOf(word: string, analyzer: Analyzer): number {
    const key = `${analyzer.language}:${word}`;
    let id = this.#byWord.get(key);
    if (id === undefined) {
      const term = analyzer.term(word);
      id = term === null ? -1 : this.#termIds.get(term) ?? this.#termIds.size;
      if (term !== null && !this.#termIds.has(term)) this.#termIds.set(term, id);
      this.#byWord.set(key, id);
    }
    return id;
  }

  terms(): string[] {
    return [...this.#termIds.keys()];
  }
}

class GrowingInt32 {
  data = new Int32Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  pushTriple(a: number, b: number, c: number): void {
    this.push(a);
    this.push(b);
    this.push(c);
  }

  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

type SentenceTerms = Pick<LexicalData, 'sentenceOffsets' | 'sentenceTerms'>;
type Postings = Pick<LexicalData, 'offsets' | 'passages' | 'frequencies' | 'labels' | 'lengthNorm'>;

function buildPostings(documents: readonly IndexedDocument[], sentences: SentenceTerms, termCount: number): Postings {
  const triples = new GrowingInt32();
  const labels: number[] = [];
  const lengths: number[] = [];
  const counts = new Map<number, number>();
  let averageLength = 0;
  for (const document of documents) {
    const firstRow = document.sentences[0]?.row ?? 0;
    for (const passage of document.passages) {
      const ordinal = labels.length;
      const length = new Set(tokenize(passage.text)).size;
      averageLength = (averageLength * ordinal + length) / (ordinal + 1); // MiniSearch's running mean, same rounding
      labels.push(passage.label);
      lengths.push(length);
      counts.clear();
      const from = sentences.sentenceOffsets[firstRow + passage.firstSentence] as number;
      const to = sentences.sentenceOffsets[firstRow + passage.firstSentence + passage.sentenceCount] as number;
      for (let i = from; i < to; i++) {
        const term = sentences.sentenceTerms[i] as number;
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      for (const [term, count] of counts) triples.pushTriple(term, ordinal, count);
    }
  }
  const lengthNorm = Float64Array.from(lengths, (length) => K * (1 - B + (B * length) / averageLength));
  return { ...flatten(triples, termCount), labels: Int32Array.from(labels), lengthNorm };
}

/** Counting sort of (term, passage, frequency) triples by term; each term's postings stay in passage order. */
function flatten(triples: GrowingInt32, termCount: number): Pick<LexicalData, 'offsets' | 'passages' | 'frequencies'> {
  const { data, length } = triples;
  const offsets = new Int32Array(termCount + 1);
  for (let i = 0; i < length; i += 3) offsets[(data[i] as number) + 1] = (offsets[(data[i] as number) + 1] as number) + 1;
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const next = offsets.slice(0, termCount);
  const passages = new Int32Array(length / 3);
  const frequencies = new Uint32Array(length / 3);
  for (let i = 0; i < length; i += 3) {
    const at = next[data[i] as number] as number;
    next[data[i] as number] = at + 1;
    passages[at] = data[i + 1] as number;
    frequencies[at] = data[i + 2] as number;
  }
  return { offsets, passages, frequencies };
}
