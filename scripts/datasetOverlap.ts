import { parseArgs } from 'node:util';
import { type Language, analyzerFor } from '../src/language/analyzer.js';
import { runCli } from './cli.js';
import { type Dataset, documentsLanguage, readDataset } from './dataset.js';
import { percentile, pct } from './evalMetrics.js';
import { documentNames, type QuestionOverlap, questionOverlap } from './questionOverlap.js';

/**
 * How much each answerable question of a set copies its answer's sentence: the share of its
 * content words (project analyzer, stop words, numbers and names left out) found in that sentence.
 *
 *   npx tsx scripts/datasetOverlap.ts FILE.json [FILE.json …] [--worst N]
 */
interface Measured extends QuestionOverlap {
  question: string;
  documentId: string;
}

function measure(dataset: Dataset): { measured: Measured[]; unmeasured: number } {
  const language = dataset.language.split('->')[0] as Language;
  const analyzer = analyzerFor(language);
  const locale = documentsLanguage(dataset.language);
  const documents = new Map(dataset.documents.map((d) => [d.id, { text: d.text, names: documentNames(d.text, analyzer, locale) }]));
  const measured: Measured[] = [];
  let unmeasured = 0;
  for (const q of dataset.questions.filter((x) => !x.impossible)) {
    const doc = documents.get(q.documentId);
    const overlap = doc ? questionOverlap({ question: q.question, answers: q.answers, documentText: doc.text, names: doc.names }, analyzer, locale) : null;
    if (overlap === null) unmeasured += 1;
    else measured.push({ ...overlap, question: q.question, documentId: q.documentId });
  }
  return { measured, unmeasured };
}

function report(file: string, dataset: Dataset, worst: number): string {
  const { measured, unmeasured } = measure(dataset);
  const shares = measured.map((m) => m.share).sort((a, b) => a - b);
  const mean = shares.reduce((sum, s) => sum + s, 0) / Math.max(1, shares.length);
  const half = shares.filter((s) => s >= 0.5).length;
  const lines = [
    `${file} (${dataset.name}, ${dataset.language})`,
    `  answerable measured: ${measured.length} (${unmeasured} without content words or answer sentence)`,
    `  content-word overlap with the answer sentence: mean ${pct(mean)}, median ${pct(percentile(shares, 0.5))}; ${pct(half / Math.max(1, shares.length))} of questions at 50% or more`,
  ];
  const top = [...measured].sort((a, b) => b.share - a.share).slice(0, worst);
  for (const m of top) lines.push(`  ${pct(m.share).padStart(6)}  [${m.sharedTerms.join(' ')}] ${m.question}  (${m.documentId})`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { worst: { type: 'string', default: '0' } } });
  if (positionals.length === 0) throw new Error('Usage: npx tsx scripts/datasetOverlap.ts FILE.json [FILE.json …] [--worst N]');
  const worst = Number.parseInt(values.worst ?? '0', 10) || 0;
  for (const file of positionals) process.stdout.write(`${report(file, await readDataset(file), worst)}\n`);
}

runCli(main);
