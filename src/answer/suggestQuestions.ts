import { extractFigures } from '../chunking/figures.js';
import type { KnowledgeSnapshot } from '../index/snapshot.js';

const cache = new WeakMap<KnowledgeSnapshot, string[]>();

/**
 * Questions the documents certainly answer, made from sentences whose clause starts with a count:
 * "230 people died during the riots." becomes "How many people died during the riots?".
 * Only that shape is used, because it turns into a question without any grammar guesswork.
 */
export function suggestQuestions(snapshot: KnowledgeSnapshot, limit = 3): string[] {
  let all = cache.get(snapshot);
  if (!all) {
    all = snapshot.documents.flatMap((d) => d.sentences.flatMap((s) => questionFromSentence(s.text) ?? []));
    cache.set(snapshot, all);
  }
  return all.slice(0, limit);
}

/** Pure, exported for tests. */
export function questionFromSentence(sentence: string): string | undefined {
  for (const figure of extractFigures(sentence)) {
    if (figure.kind !== 'count') continue;
    const atClauseStart = figure.start === 0 || /(^|[,;:]\s|[“"«]\s?)$/.test(sentence.slice(0, figure.start));
    const rest = /^\s+([a-z][^,;:“”"]*?)\.?[”"]?$/.exec(sentence.slice(figure.end));
    if (atClauseStart && rest?.[1] && rest[1].split(' ').length >= 3) return `How many ${rest[1]}?`;
  }
  return undefined;
}
