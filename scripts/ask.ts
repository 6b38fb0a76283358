import { parseArgs } from 'node:util';
import { renderAnswerText } from '../src/answer/renderText.js';
import { loadConfig } from '../src/config.js';
import { openQantar } from '../src/main.js';
import { notice, progressBar, runCli } from './cli.js';

const USAGE = 'Usage: npm run ask -- [--json] "your question"';

runCli(async () => {
  const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  const question = positionals.join(' ').trim();
  if (question === '') throw new Error(`No question given. ${USAGE}`);
  const progress = progressBar();
  const qantar = await openQantar(loadConfig(), { onProgress: progress, onNotice: notice });
  progress.stop();
  const started = performance.now();
  const answer = await qantar.ask(question);
  const tookMs = Math.round((performance.now() - started) * 10) / 10;
  const text = renderAnswerText(answer);
  if (!values.json) {
    process.stdout.write(`${text}\n`);
    return;
  }
  const quotes = answer.answered
    ? answer.quotes.map(({ text, documentId, title, publisher, url, score }) => ({ text, documentId, title, publisher, url, score }))
    : [];
  const figures = answer.answered ? answer.figures : [];
  process.stdout.write(`${JSON.stringify({ question, answered: answer.answered, quotes, figures, text, tookMs })}\n`);
});
