import { containsAnswer } from '../dataset.js';
import type { Ranked } from './crossValidate.js';

/**
 * Out-of-fold ranking misses of a set, for reading by kind before changing anything: the question,
 * the sentence ranked first, and the best-ranked sentence that holds the answer (if any candidate does).
 */
export function formatRankingMisses(ranked: readonly Ranked[], set: string, limit: number): string {
  const misses = ranked.filter((r) => r.record.set === set && !r.record.item.impossible && !holds(r, 0)).slice(0, limit);
  const lines = misses.map((r) => {
    const gold = r.ranked.findIndex((c) => containsAnswer(c.sentence.text, r.record.item.answers));
    const first = r.ranked[0];
    const goldText = gold < 0 ? '(no candidate holds it)' : `#${gold + 1} p=${r.ranked[gold]?.probability.toFixed(2)}: ${clip(r.ranked[gold]?.sentence.text ?? '')}`;
    return `- ${r.record.item.question} [${r.record.item.answers[0]}]\n    first p=${first?.probability.toFixed(2)}: ${clip(first?.sentence.text ?? '')}\n    gold  ${goldText}`;
  });
  return `Ranking misses in ${set} (${misses.length} shown):\n${lines.join('\n')}`;
}

function holds(r: Ranked, rank: number): boolean {
  const candidate = r.ranked[rank];
  return candidate !== undefined && containsAnswer(candidate.sentence.text, r.record.item.answers);
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
