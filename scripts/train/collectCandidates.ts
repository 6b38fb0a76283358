import type { ProgressListener } from '../../src/embedding/embedder.js';
import type { Question } from '../../src/language/question.js';
import { type Candidate, findCandidates, understand } from '../../src/retrieval/retrieve.js';
import { type DatasetQuestion, containsAnswer, openDatasetQantar } from '../dataset.js';
import type { TrainingSet } from './trainingSets.js';

/** One question with its candidate sentences, labelled: does the sentence contain a gold answer? */
export interface QuestionRecord {
  set: string;
  /** The article: questions of one article (in any language) always fall in the same fold. */
  group: string;
  item: DatasetQuestion;
  understood: Question;
  candidates: Candidate[];
  labels: number[];
}

/** Runs every question of a set through the same candidate path the bot uses, in a throwaway index. */
export async function collectCandidates(set: TrainingSet, onProgress?: ProgressListener): Promise<QuestionRecord[]> {
  const opened = await openDatasetQantar(set.dataset, { onProgress, withoutRanker: true });
  try {
    const { snapshot } = opened.qantar.knowledge;
    const records: QuestionRecord[] = [];
    for (const item of set.dataset.questions) {
      const candidates: Candidate[] = [];
      const understood = understand(snapshot, opened.qantar.embedder, item.question);
      for (const reading of understood.readings) {
        candidates.push(...(await findCandidates(snapshot, opened.qantar.embedder, understood, reading)).candidates);
      }
      // SQuAD's answers to impossible questions are plausible wrong spans: never positives.
      const labels = candidates.map((c) => (!item.impossible && containsAnswer(c.sentence.text, item.answers) ? 1 : 0));
      records.push({ set: set.name, group: item.documentId, item, understood, candidates, labels });
    }
    return records;
  } finally {
    await opened.close();
  }
}
