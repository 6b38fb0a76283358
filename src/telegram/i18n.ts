import type { PeriodTotals, QuestionGroup, RatedAnswer } from '../usage/usageLog.js';
import type { ChangeSummary, DocumentSummary } from './services.js';
import { en } from './locales/en.js';
import { kk } from './locales/kk.js';
import { ru } from './locales/ru.js';

/** Stats shown by /stats; assembled by the admin feature from the ports and the bot's own counters. */
export interface StatsView {
  documents: number;
  passages: number;
  modelId: string;
  builtAt: string;
  uptimeSeconds: number;
  answered: number;
  probably: number;
  abstained: number;
  /** From the question log; undefined when it is off or cannot be read. */
  totals: PeriodTotals | undefined;
}

/**
 * Every UI string, per language. Functions return Telegram HTML unless the key says `plain`
 * (button labels, command descriptions, inline titles): those are shown where no markup is parsed.
 * Interpolated titles and ids are escaped inside the catalog, so callers never pass raw HTML.
 */
export interface Strings {
  /** plain: command descriptions for setMyCommands. */
  commands: Record<'start' | 'help' | 'sources' | 'ask' | 'reindex' | 'docs' | 'remove' | 'stats' | 'unanswered' | 'feedback', string>;
  intro(documents: number): string;
  introEmpty: string;
  examples: string;
  helpUsage(botUsername: string): string;
  sourcesHeader(documents: number): string;
  noDocuments: string;
  notCovered: string;
  /**
   * Above the sentence of a "probably" reply: it may not be the answer. `languages` (ISO 639-1) is
   * set when that sentence is in another language than the question.
   */
  probably(languages?: readonly string[]): string;
  /** Above an answer quoted from documents in other languages than the question's; ISO 639-1 codes. */
  answerFromDocumentsIn(languages: readonly string[]): string;
  /** The question is in a language that cannot be read against these documents; `languages` (ISO 639-1) can. */
  unsupportedLanguage(languages: readonly string[]): string;
  emptyCorpus: string;
  emptyQuestion: string;
  suggestionsHeader: string;
  tooLong(max: number): string;
  nonText: string;
  unknownCommand: string;
  askUsage(botUsername: string): string;
  rateLimited: string;
  apology: string;
  /** plain: shown as a callback-query toast. */
  buttonExpired: string;
  adminsOnly: string;
  adminPrivateOnly: string;
  busy: string;
  reindexStarting: string;
  progress(stage: string, done: number, total: number, etaSeconds: number | undefined): string;
  reindexDone(summary: ChangeSummary): string;
  uploadTooLarge(maxBytes: number): string;
  uploadStarting(fileName: string): string;
  uploadDownloadFailed: string;
  uploadAdded(title: string, passages: number, seconds: number): string;
  removeUsage: string;
  removeNotFound(id: string): string;
  removeConfirm(title: string, id: string): string;
  /** plain: button labels. */
  removeYes: string;
  removeNo: string;
  removeCancelled: string;
  removing(title: string): string;
  removed(title: string, summary: ChangeSummary): string;
  docsHeader(documents: number): string;
  /** One /docs line: id, title, passage count and date. */
  docsLine(document: DocumentSummary): string;
  stats(view: StatsView): string;
  /** plain: toasts for the 👍/👎 buttons. */
  feedbackThanks: string;
  feedbackChanged: string;
  feedbackUnknown: string;
  feedbackFailed: string;
  daysUsage(maxDays: number): string;
  questionLogUnavailable: string;
  unansweredHeader(days: number): string;
  unansweredLine(group: QuestionGroup): string;
  unansweredNone(days: number): string;
  worstRatedHeader(days: number): string;
  /** One /feedback line: votes, the question and the best quote it was answered with. */
  worstRatedLine(answer: RatedAnswer): string;
  worstRatedNone(days: number): string;
  /** plain: inline-mode titles, descriptions and buttons. */
  inlineNoAnswerTitle: string;
  inlineNoAnswerDescription: string;
  inlineProbablyTitle: string;
  inlineOpenChat: string;
  inlineSampleDescription: string;
  inlineAnswerButton: string;
}

export type Lang = 'en' | 'ru' | 'kk';

export const catalog: Readonly<Record<Lang, Strings>> = { en, ru, kk };

/** Telegram sends IETF tags such as "ru", "kk" or "en-US"; anything we do not speak falls back to English. */
export function detectLang(languageCode: string | undefined): Lang {
  const primary = languageCode?.toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' || primary === 'kk' ? primary : 'en';
}

export function stringsFor(languageCode: string | undefined): Strings {
  return catalog[detectLang(languageCode)];
}
