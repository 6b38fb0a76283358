import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createEmbedder } from '../src/embedding/createEmbedder.js';
import { openUsageLog } from '../src/usage/openUsageLog.js';
import { type PeriodTotals, type QuestionGroup, type RatedAnswer, type UsageLog, quoteId } from '../src/usage/usageLog.js';
import { parseDays } from '../src/telegram/features/adminReports.js';
import { runCli } from './cli.js';

const USAGE = 'Usage: npm run report -- unanswered|feedback|stats [--days N] [--csv]';

type Table = { header: string[]; rows: Array<Array<string | number>> };

/** The bot's admin reports from the shell, read-only, so they can run while the bot writes. */
runCli(async () => {
  const { values, positionals } = parseArgs({ options: { days: { type: 'string' }, csv: { type: 'boolean' } }, allowPositionals: true });
  const [report] = positionals;
  const days = parseDays(values.days ?? '');
  if ((report !== 'unanswered' && report !== 'feedback' && report !== 'stats') || days === undefined || positionals.length > 1) throw new Error(USAGE);
  const config = loadConfig();
  const embed = async (texts: readonly string[]) => (await createEmbedder(config.embeddingModel, config.modelsDir)).embed(texts, 'query');
  const usage = openUsageLog(config, embed, { readonly: true }) as UsageLog;
  try {
    const table = await build(report, usage, days, Date.now());
    process.stdout.write(values.csv ? toCsv(table) : toText(table));
  } finally {
    usage.close();
  }
});

async function build(report: 'unanswered' | 'feedback' | 'stats', usage: UsageLog, days: number, now: number): Promise<Table> {
  switch (report) {
    case 'unanswered':
      return unansweredTable(await usage.unanswered(days, now, 100));
    case 'feedback':
      return feedbackTable(usage.worstRated(days, now, 100));
    case 'stats':
      return statsTable(usage.totals(now));
  }
}

function unansweredTable(groups: QuestionGroup[]): Table {
  return {
    header: ['count', 'last_asked', 'example'],
    rows: groups.map((g) => [g.count, new Date(g.lastAskedAt).toISOString(), g.example]),
  };
}

function feedbackTable(answers: RatedAnswer[]): Table {
  return {
    header: ['down', 'up', 'asked', 'question', 'quote_id', 'quote'],
    rows: answers.map((a) => [a.down, a.up, new Date(a.askedAt).toISOString(), a.question, a.quote ? quoteId(a.quote) : '', a.quote?.text ?? '']),
  };
}

function statsTable(totals: PeriodTotals): Table {
  const periods = [['today (UTC)', totals.today], ['7 days', totals.week], ['all time', totals.all]] as const;
  return {
    header: ['period', 'questions', 'answered', 'probably', 'abstained', 'up', 'down'],
    rows: periods.map(([label, t]) => [label, t.questions, t.answered, t.probably, t.abstained, t.up, t.down]),
  };
}

function csvField(value: string | number): string {
  return typeof value === 'number' || !/[",\n\r]/.test(value) ? String(value) : `"${value.replace(/"/g, '""')}"`;
}

function toCsv({ header, rows }: Table): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** Columns padded to their widest cell, the last one left ragged (questions and quotes are long). */
function toText({ header, rows }: Table): string {
  if (rows.length === 0) return '(nothing in this period)\n';
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell).replace(/\s+/g, ' ')));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  return cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n';
}
