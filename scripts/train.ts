import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES } from '../src/retrieval/features.js';
import { DEFAULT_BOOST } from '../src/retrieval/boostedTrees.js';
import { DEFAULT_FIT } from '../src/retrieval/logisticRegression.js';
import { RANKER_FILE, RANKER_FORMAT_VERSION, type SentenceRankerFile } from '../src/retrieval/sentenceRanker.js';
import { bm25AnchorTop1 } from './bm25Anchor.js';
import { containsAnswer } from './dataset.js';
import { notice, progressBar, runCli } from './cli.js';
import { pct } from './evalMetrics.js';
import { type QuestionRecord, collectCandidates } from './train/collectCandidates.js';
import { LEARNERS, type LearnerName, chooseThreshold, crossValidatedReports, fitRecords, outOfFold } from './train/crossValidate.js';
import { confidenceModel, confidenceRecords, crossValidatedTiers, formatTierTradeoff, outOfFoldConfidence, tierMetrics, type TierTargets } from './train/confidence.js';
import { formatRankingMisses, formatTradeoff } from './train/showMisses.js';
import { PROJECT_SETS, SHARED_SETS, type TrainingSet, loadTrainingSets } from './train/trainingSets.js';

const USAGE = 'Usage: npm run train -- [--folds 5] [--target-precision 0.7] [--answer-precision 0.7] [--probably-recall 0.98] [--sets a.json,b.json] [--learner boosted-trees|logistic-regression] [--confidence-learner boosted-trees|logistic-regression] [--out FILE] [--dry-run] [--misses N] [--tradeoff]';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      folds: { type: 'string', default: '5' },
      'target-precision': { type: 'string', default: '0.7' },
      'answer-precision': { type: 'string', default: '0.7' },
      'probably-recall': { type: 'string', default: '0.98' },
      sets: { type: 'string', default: [...SHARED_SETS, ...PROJECT_SETS].join(',') },
      out: { type: 'string', default: RANKER_FILE },
      learner: { type: 'string', default: 'boosted-trees' },
      'dry-run': { type: 'boolean', default: false },
      misses: { type: 'string', default: '0' },
      tradeoff: { type: 'boolean', default: false },
      'confidence-learner': { type: 'string', default: 'boosted-trees' },
    },
  });
  const folds = Number(values.folds);
  const targetPrecision = Number(values['target-precision']);
  const learner = values.learner as LearnerName;
  const targets: TierTargets = { answerPrecision: Number(values['answer-precision']), probablyRecall: Number(values['probably-recall']) };
  const inRange = (p: number) => p > 0 && p < 1;
  if (!Number.isInteger(folds) || folds < 2 || ![targetPrecision, targets.answerPrecision, targets.probablyRecall].every(inRange) || !(learner in LEARNERS)) throw new Error(USAGE);
  const sets = await loadTrainingSets(values.sets.split(','));
  const records: QuestionRecord[] = [];
  for (const set of sets) {
    const started = performance.now();
    records.push(...(await collectCandidates(set, progressBar())));
    notice(`${set.name}: ${set.dataset.questions.length} questions, candidates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const base = { closestMinProbability: 0, quoteRatio: 0.8, targetPrecision };
  const ranked = outOfFold(records, folds, learner);
  const reports = crossValidatedReports(ranked, folds, base);
  const minProbability = chooseThreshold(ranked, base);
  const metrics = Object.fromEntries(sets.map((set) => [set.name, { ...setMetrics(set, records, reports[set.name]), rankedTop1: rankedTop1(ranked, set.name) }]));
  process.stdout.write(`${formatMetrics(metrics)}\n\nthreshold (all out-of-fold rankings): ${minProbability.toFixed(2)}\n`);
  const confidenceRows = confidenceRecords(ranked, base.quoteRatio);
  const confidenceLearner = values['confidence-learner'] === 'logistic-regression' ? 'logistic-regression' : 'boosted-trees';
  const confidence = outOfFoldConfidence(confidenceRows, folds, confidenceLearner);
  const tiers = crossValidatedTiers(confidenceRows, confidence, folds, targets);
  const tierSets = Object.fromEntries(
    sets.map((set) => {
      const own = confidenceRows.flatMap((r, i) => (r.set === set.name ? [i] : []));
      const bm25AnchorTop1 = (metrics[set.name] as SetMetrics | undefined)?.bm25AnchorTop1 ?? 0;
      return [set.name, { ...tierMetrics(own.map((i) => confidenceRows[i]!), own.map((i) => tiers[i]!)), bm25AnchorTop1 }];
    }),
  );
  const confidenceStage = confidenceModel(confidenceRows, confidence, targets, confidenceLearner);
  process.stdout.write(`\n${formatTierMetrics(tierSets)}\n\ntier thresholds (all out-of-fold confidences): answer ${confidenceStage.thresholds.answer.toFixed(2)}, probably ${confidenceStage.thresholds.probably.toFixed(2)}\n`);
  if (values.tradeoff) process.stdout.write(`\n${formatTradeoff(ranked, folds, base)}\n\n${formatTierTradeoff(confidenceRows, folds, targets.probablyRecall)}\n`);
  const misses = Number(values.misses);
  if (misses > 0) for (const set of sets) process.stdout.write(`\n${formatRankingMisses(ranked, set.name, misses)}\n`);
  if (values['dry-run']) return;
  const file: SentenceRankerFile = {
    formatVersion: RANKER_FORMAT_VERSION,
    features: [...FEATURE_NAMES],
    model: fitRecords(records, learner),
    confidence: confidenceStage,
    thresholds: { ...base, minProbability, closestMinProbability: Number((minProbability / 2).toFixed(2)) },
    training: {
      dataHash: await hashSources(sets),
      sets: sets.map((s) => s.name),
      questions: records.length,
      rows: records.reduce((sum, r) => sum + r.candidates.length, 0),
      folds,
      trainedAt: new Date().toISOString(),
    },
    metrics: { crossValidatedByArticle: metrics, tiersCrossValidatedByArticle: tierSets, fit: learner === 'boosted-trees' ? DEFAULT_BOOST : DEFAULT_FIT },
  };
  await writeFile(values.out, `${JSON.stringify(file, roundNumbers, 1)}\n`);
  notice(`Wrote ${values.out}`);
});

type SetMetrics = Record<string, number>;

function setMetrics(set: TrainingSet, records: readonly QuestionRecord[], report: ReturnType<typeof crossValidatedReports>[string] | undefined): SetMetrics {
  const own = records.filter((r) => r.set === set.name && !r.item.impossible);
  const answerable = set.dataset.questions.filter((q) => !q.impossible);
  return {
    questions: set.dataset.questions.length,
    top1: report?.top1 ?? 0,
    anyQuote: report?.anyQuote ?? 0,
    wrongAnswer: report?.wrongAnswer ?? 0,
    abstentionOnAnswerable: report?.abstentionOnAnswerable ?? 0,
    abstentionOnImpossible: report?.abstentionOnImpossible ?? 0,
    candidateRecall: own.length === 0 ? 0 : own.filter((r) => r.labels.includes(1)).length / own.length,
    bm25AnchorTop1: answerable.length === 0 ? 0 : bm25AnchorTop1(set.dataset, answerable),
  };
}

function formatMetrics(metrics: Record<string, SetMetrics>): string {
  const columns = ['questions', 'rankedTop1', 'top1', 'wrongAnswer', 'abstentionOnAnswerable', 'abstentionOnImpossible', 'anyQuote', 'candidateRecall', 'bm25AnchorTop1'];
  const rows = Object.entries(metrics).map(([name, m]) => [name, ...columns.map((c) => (c === 'questions' ? String(m[c]) : pct(m[c] ?? 0)))]);
  const lines = [['set', ...columns], ['---', ...columns.map(() => '---')], ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return `Cross-validated by article:\n${lines.join('\n')}`;
}

function formatTierMetrics(metrics: Record<string, Record<string, number>>): string {
  const columns = ['shownAt1', 'top1', 'confidentPrecision', 'coverage', 'impossibleConfident', 'probably', 'notCovered', 'bm25AnchorTop1'];
  const rows = Object.entries(metrics).map(([name, m]) => [name, ...columns.map((c) => pct(m[c] ?? 0))]);
  const lines = [['set', ...columns], ['---', ...columns.map(() => '---')], ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return `Three tiers, cross-validated by article (confidence model and thresholds from the other folds):\n${lines.join('\n')}`;
}

/** Share of answerable questions whose best-ranked candidate holds an answer, before any abstention. */
function rankedTop1(ranked: ReturnType<typeof outOfFold>, set: string): number {
  const own = ranked.filter((r) => r.record.set === set && !r.record.item.impossible);
  return own.length === 0 ? 0 : own.filter((r) => r.ranked[0] !== undefined && containsAnswer(r.ranked[0].sentence.text, r.record.item.answers)).length / own.length;
}

async function hashSources(sets: readonly TrainingSet[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of sets.flatMap((s) => s.sources).sort()) hash.update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value;
}
