import { containsAnswer } from '../dataset.js';
import { pct } from '../evalMetrics.js';
import type { AnswerThresholds } from '../../src/retrieval/sentenceRanker.js';
import { type Ranked, crossValidatedReports } from './crossValidate.js';

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

const PRECISION_TARGETS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];

/** Cross-validated top-1, wrong answers and abstention on impossible questions per target precision: the choice the threshold makes. */
export function formatTradeoff(ranked: readonly Ranked[], folds: number, base: Omit<AnswerThresholds, 'minProbability'>): string {
  const lines = PRECISION_TARGETS.map((targetPrecision) => {
    const reports = crossValidatedReports(ranked, folds, { ...base, targetPrecision });
    const cells = Object.entries(reports).map(([set, r]) => `${set} ${pct(r.top1)}/${pct(r.wrongAnswer)}${r.impossible > 0 ? `/${pct(r.abstentionOnImpossible)}` : ''}`);
    return `- target ${targetPrecision}: ${cells.join(', ')}`;
  });
  return `Trade-off (top-1 / wrong / abstained on impossible, cross-validated):\n${lines.join('\n')}`;
}
