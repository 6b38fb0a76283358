import MiniSearch from 'minisearch';
import { analyzerFor } from '../src/language/analyzer.js';
import { tokenize } from '../src/language/tokenize.js';
import type { KnowledgeSnapshot } from '../src/index/snapshot.js';
import { documentLanguage } from '../src/language/analyzer.js';
import { containsAnswer, type Dataset, documentsLanguage } from './dataset.js';
import { type EvalQuestion, supports } from './evalMetrics.js';

/**
 * A plain baseline measured in the same run as Qantar: BM25 (MiniSearch defaults) over the set's
 * sentences, with the project's tokens and stems. Not part of the answer path.
 */
export interface AnchorSentence {
  id: number;
  documentId: string;
  text: string;
}

export function datasetSentences(dataset: Dataset): AnchorSentence[] {
  const segmenter = new Intl.Segmenter(documentsLanguage(dataset.language), { granularity: 'sentence' });
  const sentences: AnchorSentence[] = [];
  for (const doc of dataset.documents) {
    for (const { segment } of segmenter.segment(doc.text)) {
      const text = segment.trim();
      if (text !== '') sentences.push({ id: sentences.length, documentId: doc.id, text });
    }
  }
  return sentences;
}

/** The anchor's first sentence for each question, or null when no sentence shares a term with it. */
export function bm25FirstSentences(dataset: Dataset, questions: readonly string[]): Array<AnchorSentence | null> {
  const analyzer = analyzerFor(documentsLanguage(dataset.language));
  const sentences = datasetSentences(dataset);
  const search = new MiniSearch<AnchorSentence>({
    fields: ['text'],
    tokenize: (text) => tokenize(text),
    processTerm: (word) => analyzer.term(word),
  });
  search.addAll(sentences);
  return questions.map((question) => {
    const first = search.search(question)[0];
    return first === undefined ? null : (sentences[first.id as number] ?? null);
  });
}

/**
 * The anchor over the bot's own corpus for the seed sets: the share of answerable questions whose
 * first BM25 sentence is a supporting one (with the figure, when one is asked for). BM25 always
 * shows a sentence, so this is its shown@1.
 */
export function seedAnchorShownAt1(snapshot: KnowledgeSnapshot, questions: readonly EvalQuestion[]): number {
  const answerable = questions.filter((q) => q.support !== null);
  if (answerable.length === 0) return 0;
  const documents = snapshot.documents.map((d) => ({ id: d.id, title: d.title, text: d.text }));
  const language = documentLanguage(snapshot.documents[0]?.language);
  const corpus: Dataset = { name: 'corpus', language, source: '', license: '', documents, questions: [] };
  const firsts = bm25FirstSentences(corpus, answerable.map((q) => q.question));
  const right = answerable.filter((q, i) => {
    const first = firsts[i];
    return first != null && supports(q, first.text) && (q.figure === undefined || first.text.includes(q.figure));
  });
  return right.length / answerable.length;
}

/** Share of answerable questions whose first BM25 sentence contains a gold answer. */
export function bm25AnchorTop1(dataset: Dataset, questions: readonly Dataset['questions'][number][]): number {
  const answerable = questions.filter((q) => !q.impossible);
  if (answerable.length === 0) return 0;
  const firsts = bm25FirstSentences(dataset, answerable.map((q) => q.question));
  const right = answerable.filter((q, i) => {
    const first = firsts[i];
    return first !== null && first !== undefined && containsAnswer(first.text, q.answers);
  });
  return right.length / answerable.length;
}
