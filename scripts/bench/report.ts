import { round } from './measure.js';

/** One row of the JSON report; the first fourteen fields are the agreed schema, the rest are context. */
export interface SizeReport {
  passages: number;
  modelLoadSeconds: number;
  embedPerSec: number;
  insertPerSec: number;
  ingestPassagesPerSec: number;
  buildSeconds: number;
  indexBytes: number;
  coldStartSeconds: number;
  queryP50Ms: number;
  queryP95Ms: number;
  queryP99Ms: number;
  inlineP95Ms: number | null;
  recallAt10: number;
  rssMb: number;
  sentences: number;
  documents: number;
  firstAnswerSeconds: number;
  answerHitRate: number;
  offTopicAbstainRate: number;
  /** The same start through tsx, as `npm start` ran before the compiled build. */
  coldStartTsxSeconds: number;
}

export interface BenchReport {
  machine: { cpus: number; node: string };
  model: string;
  sizes: SizeReport[];
  units: Record<string, string>;
  notes: string[];
}

export const UNITS = {
  embedPerSec: 'sentences per second of the embedder alone, in build-sized chunks (a passage is ~2 sentences)',
  insertPerSec: 'HNSW inserts per second of insert time',
  ingestPassagesPerSec: 'passages per second of the whole build: read, chunk, embed, insert, write',
  coldStartSeconds: 'median wall time from spawning `node dist/scripts/ask.js --json` (compiled, as npm start runs) to its answer',
  coldStartTsxSeconds: 'the same through `tsx scripts/ask.ts --json`',
};

type Metric = keyof SizeReport;
interface Target {
  metric: Metric;
  label: string;
  unit: string;
  /** Where the target is stated for; other sizes are shown without a verdict. */
  appliesTo: (passages: number) => boolean;
  ok: (value: number) => boolean;
  text: string;
}

const always = () => true;
const TARGETS: Target[] = [
  { metric: 'modelLoadSeconds', label: 'model load', unit: 's', appliesTo: always, ok: always, text: '' },
  { metric: 'embedPerSec', label: 'embed', unit: 'sent/s', appliesTo: always, ok: always, text: '' },
  { metric: 'insertPerSec', label: 'HNSW insert', unit: '/s', appliesTo: always, ok: always, text: '' },
  { metric: 'ingestPassagesPerSec', label: 'ingest end to end', unit: 'passages/s', appliesTo: always, ok: (v) => v >= 400, text: '≥ 400' },
  { metric: 'buildSeconds', label: 'build', unit: 's', appliesTo: always, ok: always, text: '' },
  { metric: 'indexBytes', label: 'index on disk', unit: 'MB', appliesTo: always, ok: always, text: '' },
  { metric: 'coldStartSeconds', label: 'cold start to 1st answer', unit: 's', appliesTo: (n) => n <= 10_000, ok: (v) => v <= 1.2, text: '≤ 1.2 (10k)' },
  { metric: 'coldStartTsxSeconds', label: 'cold start under tsx', unit: 's', appliesTo: always, ok: always, text: '' },
  { metric: 'queryP50Ms', label: 'answer p50', unit: 'ms', appliesTo: (n) => n >= 100_000, ok: (v) => v <= 10, text: '≤ 10 (100k)' },
  { metric: 'queryP95Ms', label: 'answer p95', unit: 'ms', appliesTo: always, ok: always, text: '' },
  { metric: 'queryP99Ms', label: 'answer p99', unit: 'ms', appliesTo: (n) => n >= 100_000, ok: (v) => v <= 30, text: '≤ 30 (100k)' },
  { metric: 'inlineP95Ms', label: 'inline p95', unit: 'ms', appliesTo: always, ok: (v) => v <= 300, text: '≤ 300' },
  { metric: 'recallAt10', label: 'HNSW recall@10', unit: '', appliesTo: always, ok: (v) => v >= 0.98, text: '≥ 0.98' },
  { metric: 'rssMb', label: 'peak RSS', unit: 'MB', appliesTo: (n) => n >= 100_000, ok: (v) => v <= 800, text: '≤ 800 (100k)' },
  { metric: 'answerHitRate', label: 'answers with the figure', unit: '', appliesTo: always, ok: always, text: '' },
  { metric: 'offTopicAbstainRate', label: 'off-topic abstained', unit: '', appliesTo: always, ok: always, text: '' },
];

function cell(target: Target, size: SizeReport): string {
  const value = size[target.metric];
  if (value === null) return 'n/a';
  const shown = target.metric === 'indexBytes' ? round(value / 1e6, 1) : round(value, value >= 100 ? 0 : 3);
  if (!target.text || !target.appliesTo(size.passages)) return String(shown);
  return `${shown} ${target.ok(value) ? '✓' : '✗'}`;
}

/** A Markdown table: one column per size, the target beside each metric. */
export function formatTable(report: BenchReport): string {
  const header = ['metric', ...report.sizes.map((s) => `${s.passages.toLocaleString('en-US')} passages`), 'target'];
  const rows = TARGETS.map((t) => [`${t.label}${t.unit ? ` (${t.unit})` : ''}`, ...report.sizes.map((s) => cell(t, s)), t.text || '–']);
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  const context = `${report.machine.cpus} CPUs, Node ${report.machine.node}, model ${report.model}`;
  const notes = report.notes.map((n) => `- ${n}`);
  return [context, '', ...lines, '', ...(notes.length ? ['Notes:', ...notes] : [])].join('\n');
}
