import { extractFigures } from '../chunking/figures.js';
import type { KnowledgeSnapshot } from '../index/snapshot.js';

interface Suggestions {
  found: string[];
  /** The sentences not yet scanned; undefined once all have been. */
  rest: Iterator<string> | undefined;
}

const cache = new WeakMap<KnowledgeSnapshot, Suggestions>();

/**
 * Questions the documents certainly answer, made from sentences whose clause starts with a count:
 * "230 people died during the riots." becomes "How many people died during the riots?".
 * Only that shape is used, because it turns into a question without any grammar guesswork.
 * Sentences are scanned only until `limit` are found: a handful is ever shown, and extracting the
 * figures of every sentence cost ~0.5 s before the first answer at 10k passages.
 */
export function suggestQuestions(snapshot: KnowledgeSnapshot, limit = 3): string[] {
  let suggestions = cache.get(snapshot);
  if (!suggestions) {
    suggestions = { found: [], rest: questionsIn(snapshot) };
    cache.set(snapshot, suggestions);
  }
  while (suggestions.found.length < limit && suggestions.rest) {
    const next = suggestions.rest.next();
    if (next.done) suggestions.rest = undefined;
    else suggestions.found.push(next.value);
  }
  return suggestions.found.slice(0, limit);
}

function* questionsIn(snapshot: KnowledgeSnapshot): Generator<string> {
  for (const document of snapshot.documents) {
    for (const sentence of document.sentences) {
      const question = questionFromSentence(sentence.text);
      if (question) yield question;
    }
  }
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
