import { languageNames } from '../../answer/questionLanguage.js';
import { bold, code, escapeHtml } from '../html.js';
import type { Strings } from '../i18n.js';
import { reportLines, totalsLine } from './reportLines.js';
import { numberFormatter, percent, uptime } from './numbers.js';

const { n, s, size } = numberFormatter('en', { kb: 'KB', mb: 'MB' });
const totals = totalsLine(n, { questions: (count) => plural(count, 'question'), answered: 'answered', probably: '“probably”', abstained: 'abstained' });
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

export const en: Strings = {
  commands: {
    start: 'Introduction and example questions',
    help: 'How to ask, and the documents I quote',
    sources: 'The documents I answer from',
    ask: 'Ask a question in a group: /ask <question>',
    reindex: 'Admin: rebuild the index from the corpus',
    docs: 'Admin: list documents with ids',
    remove: 'Admin: remove a document: /remove <id>',
    stats: 'Admin: index and usage statistics',
    unanswered: 'Admin: frequent questions without an answer or with a 👎: /unanswered [days]',
    feedback: 'Admin: worst-rated answers: /feedback [days]',
  },
  intro: (documents) =>
    `I answer questions about the January 2022 events in Kazakhstan, only with verbatim quotes from ${plural(documents, 'document')}:`,
  introEmpty: 'I answer questions about the January 2022 events in Kazakhstan with verbatim quotes, but no documents are loaded yet.',
  examples: 'Try one of these questions:',
  helpUsage: (bot) =>
    [
      'Send me a question and I reply with the sentences from my documents that answer it, each with its source.',
      `In groups use ${code('/ask <question>')} or mention @${escapeHtml(bot)}. In any chat type ${code(`@${bot} <question>`)}.`,
    ].join('\n'),
  sourcesHeader: (documents) => bold(`Documents (${n(documents)}):`),
  noDocuments: 'No documents are loaded yet.',
  notCovered: 'Sorry, my documents do not cover this question, so I have no quote to answer it with.',
  probably: (languages) =>
    languages ? `Probably (not sure), from documents in ${escapeHtml(languageNames('en', languages))}:` : 'Probably (not sure this answers it):',
  answerFromDocumentsIn: (languages) => `The answer, from documents in ${escapeHtml(languageNames('en', languages))}:`,
  unsupportedLanguage: (languages) => {
    const names = escapeHtml(languageNames('en', languages));
    return `Sorry, I found nothing to quote. Questions about these documents can be asked in ${names}; a question in another language works for documents written in it.`;
  },
  emptyCorpus: 'Sorry, there are no documents to answer from yet.',
  emptyQuestion: 'Please write a question about the documents.',
  suggestionsHeader: 'These questions do have answers:',
  tooLong: (max) => `That question is too long for me. Please keep it under ${n(max)} characters.`,
  nonText: 'I can only read text. Please type your question.',
  unknownCommand: 'I don’t know that command. Send /help to see what I can do.',
  askUsage: (bot) => `Write the question after the command, e.g. ${code(`/ask@${bot} How many people were detained?`)}`,
  rateLimited: 'You are asking faster than I can answer. Please wait a minute, then try again.',
  apology: 'Sorry, something went wrong on my side. Please try again in a moment.',
  buttonExpired: 'This button is out of date. Send /start for fresh examples.',
  adminsOnly: 'Sorry, this is for the bot’s administrators only.',
  adminPrivateOnly: 'Please use admin commands in a private chat with me.',
  busy: 'A corpus change is already running. Try again when it has finished.',
  reindexStarting: 'Reindexing: reading the corpus…',
  progress: (stage, done, total, eta) => {
    const label = stage === 'embed' ? 'Embedding' : `${stage[0]?.toUpperCase() ?? ''}${stage.slice(1)}`;
    const left = eta === undefined ? '' : `, ~${n(Math.ceil(eta))} s left`;
    return `${escapeHtml(label)} ${n(done)} / ${n(total)} (${percent(done, total)}%)${left}`;
  },
  reindexDone: (c) =>
    `Reindexed ${plural(c.documents, 'document')}, ${plural(c.passages, 'passage')}: ${n(c.embedded)} embedded, ${n(c.reused)} reused, ${s(c.seconds)} s.`,
  uploadTooLarge: (max) => `That file is too large. The limit is ${size(max)}.`,
  uploadStarting: (file) => `Adding ${escapeHtml(file)}…`,
  uploadDownloadFailed: 'I could not download that file from Telegram. Please send it again.',
  uploadAdded: (title, passages, seconds) => `Added ‘${escapeHtml(title)}’: ${plural(passages, 'passage')}, ${s(seconds)} s`,
  removeUsage: `Write the document id after the command, e.g. ${code('/remove 000_ce937058a360aa29')}. Send /docs for the ids.`,
  removeNotFound: (id) => `There is no document with the id ${code(id)}. Send /docs for the ids.`,
  removeConfirm: (title, id) => `Remove ‘${escapeHtml(title)}’ (${code(id)}) from the corpus?`,
  removeYes: 'Remove',
  removeNo: 'Cancel',
  removeCancelled: 'Nothing was removed.',
  removing: (title) => `Removing ‘${escapeHtml(title)}’…`,
  removed: (title, c) => `Removed ‘${escapeHtml(title)}’. Now ${plural(c.documents, 'document')}, ${plural(c.passages, 'passage')}; ${s(c.seconds)} s.`,
  docsHeader: (documents) => bold(`Documents (${n(documents)}):`),
  docsLine: (d) => `• ${code(d.id)} ${escapeHtml(d.title)} · ${plural(d.passages, 'passage')}${d.date ? ` · ${escapeHtml(d.date)}` : ''}`,
  stats: (v) =>
    [
      `Documents: ${n(v.documents)}`,
      `Passages: ${n(v.passages)}`,
      `Model: ${code(v.modelId)}`,
      `Index built: ${escapeHtml(v.builtAt)}`,
      `Uptime: ${uptime(v.uptimeSeconds)}`,
      `Questions since start: ${n(v.answered)} answered, ${n(v.probably)} “probably”, ${n(v.abstained)} without an answer`,
      ...(v.totals
        ? [
            `Today (UTC): ${totals(v.totals.today)}`,
            `Last 7 days: ${totals(v.totals.week)}`,
            `All time: ${totals(v.totals.all)}`,
          ]
        : ['Question log: off or unavailable']),
    ].join('\n'),
  feedbackThanks: 'Thanks for your feedback!',
  feedbackChanged: 'Thanks, your vote is changed.',
  feedbackUnknown: 'This answer is no longer in my log, so I cannot record a vote for it.',
  feedbackFailed: 'Sorry, I could not record your vote. Please try again later.',
  daysUsage: (max) => `Write a number of days from 1 to ${n(max)} after the command, e.g. ${code('/unanswered 30')}. Without one it is 7.`,
  questionLogUnavailable: 'The question log is off or cannot be read, so there is nothing to report.',
  unansweredHeader: (days) => bold(`Asked in the last ${plural(days, 'day')} without a sure answer or with a 👎:`),
  unansweredNone: (days) => `No unanswered or 👎 questions in the last ${plural(days, 'day')}.`,
  worstRatedHeader: (days) => bold(`Worst-rated answers of the last ${plural(days, 'day')}:`),
  ...reportLines(n, ['“', '”']),
  worstRatedNone: (days) => `No answer got a 👎 in the last ${plural(days, 'day')}.`,
  inlineNoAnswerTitle: 'No answer in my documents',
  inlineNoAnswerDescription: 'My documents do not cover this question. Tap for questions that work.',
  inlineProbablyTitle: 'Probably (not sure)',
  inlineOpenChat: 'Open a chat with the bot',
  inlineSampleDescription: 'Example question: send it, then tap “Answer”',
  inlineAnswerButton: 'Answer',
};
