import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Quote } from '../src/answer/answer.js';
import { renderAnswerText } from '../src/answer/renderText.js';
import { loadConfig } from '../src/config.js';
import { openQantar, type Qantar } from '../src/main.js';
import { notice, progressBar, runCli } from './cli.js';

const USAGE = 'Usage: npm run ask -- [--json] "your question", or npm run ask -- [--json] --batch < questions.txt';

runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false }, batch: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const question = positionals.join(' ').trim();
  if (values.batch && question !== '') throw new Error(`--batch reads the questions from stdin, one a line; do not also give one. ${USAGE}`);
  if (!values.batch && question === '') throw new Error(`No question given. ${USAGE}`);
  const progress = progressBar();
  const qantar = await openQantar(loadConfig(), { onProgress: progress, onNotice: notice });
  progress.stop();
  if (!values.batch) {
    process.stdout.write(render(await answerRecord(qantar, question), values.json));
    return;
  }
  // The model and index load once; each answer is written as soon as it is ready, so a pipe can stream.
  let first = true;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const record = await answerRecord(qantar, line.trim());
    process.stdout.write(`${values.json || first ? '' : '\n'}${render(record, values.json)}`);
    first = false;
  }
});

type AnswerRecord = Awaited<ReturnType<typeof answerRecord>>;

/**
 * One question as the `--json` schema: question, answered, tier, quotes, figures, closest, text, tookMs.
 * `closest` is the sentence shown under "probably" (text, documentId, start, end, score), or null.
 */
async function answerRecord(qantar: Qantar, question: string) {
  const started = performance.now();
  const answer = await qantar.ask(question);
  const tookMs = Math.round((performance.now() - started) * 10) / 10;
  const text = renderAnswerText(answer);
  const quotes = answer.answered
    ? answer.quotes.map(({ text, documentId, title, publisher, url, score }) => ({ text, documentId, title, publisher, url, score }))
    : [];
  const figures = answer.answered ? answer.figures : [];
  const closest = answer.tier === 'probably' ? closestRecord(answer.closest) : null;
  return { question, answered: answer.answered, tier: answer.tier, quotes, figures, closest, text, tookMs };
}

function closestRecord({ text, documentId, start, end, score }: Quote) {
  return { text, documentId, start, end, score };
}

function render(record: AnswerRecord, json: boolean): string {
  return json ? `${JSON.stringify(record)}\n` : `${record.text}\n`;
}
