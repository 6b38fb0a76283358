import { createHash } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import type { Answer } from '../answer/answer.js';
import type { BotContext } from './context.js';
import { SUGGESTION_COUNT, type FeatureDeps } from './deps.js';
import { MESSAGE_LIMIT, formatAnswer, formatNoAnswer, formatProbably, shorten } from './format.js';
import { escapeHtml } from './html.js';
import { feedbackKeyboard, logQuestion } from './features/feedback.js';
import { replyTo } from './hygiene.js';

/**
 * Callback data for an example question: its index in `suggestions()` (the text may exceed 64 bytes)
 * and a short hash of the text, so a button from before a reindex cannot ask a different question.
 */
export const ASK_CALLBACK = /^ask:(\d{1,2}):([0-9a-f]{8})$/;
export const askData = (index: number, question: string) => `ask:${index}:${questionHash(question)}`;

function questionHash(question: string): string {
  return createHash('sha256').update(question).digest('hex').slice(0, 8);
}

/** Buttons for example questions; labels are cut to fit a button, the full text is looked up on press. */
export function suggestionKeyboard(questions: readonly string[]): InlineKeyboard | undefined {
  if (questions.length === 0) return undefined;
  return InlineKeyboard.from(questions.map((question, i) => [InlineKeyboard.text(shorten(question, 60), askData(i, question))]));
}

/** The question behind a button, or undefined when the suggestions have changed since it was sent. */
export function suggestionAt(deps: Pick<FeatureDeps, 'services'>, index: number, hash: string): string | undefined {
  const question = deps.services.suggestions(SUGGESTION_COUNT)[index];
  return question !== undefined && questionHash(question) === hash ? question : undefined;
}

export interface AnswerOptions {
  /** Private chats show example questions as buttons; groups list them as text. */
  buttons: boolean;
  /** For button presses: repeat the question, since the chat shows no message from the user. */
  echoQuestion?: boolean;
}

/** The one path every chat question takes: length check, typing indicator, answer, formatted reply. */
export async function replyWithAnswer(ctx: BotContext, question: string, deps: FeatureDeps, options: AnswerOptions): Promise<void> {
  const text = question.trim();
  if (text.length > deps.limits.maxQuestionLength) {
    await ctx.reply(ctx.t.tooLong(deps.limits.maxQuestionLength), { parse_mode: 'HTML', ...replyTo(ctx) });
    return;
  }
  // The typing indicator is a courtesy: if it fails (flood limit, emulator), the answer still goes out.
  ctx.replyWithChatAction('typing').catch((error: unknown) => deps.logger.debug({ err: error }, 'chat action failed'));
  const started = performance.now();
  const answer = await deps.services.ask(text);
  const questionId = logQuestion(ctx, deps, text, answer, performance.now() - started);
  deps.counters.record(answer);
  deps.metrics.question(answer, { language: ctx.lang, chatType: ctx.chat?.type ?? 'unknown' }, (performance.now() - started) / 1000);
  // No user id here: the question log keeps users only as salted hashes, and so do the logs.
  deps.logger.info({ chatType: ctx.chat?.type, tier: answer.tier }, 'question');
  const parts = withEcho(renderForChat(ctx, answer, deps, options, questionId), options.echoQuestion ? text : undefined);
  const common = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part.text, { ...common, ...(i === 0 ? replyTo(ctx) : {}), reply_markup: part.keyboard });
  }
}

interface Part {
  text: string;
  keyboard?: InlineKeyboard | undefined;
}

function renderForChat(ctx: BotContext, answer: Answer, deps: FeatureDeps, options: AnswerOptions, questionId: number | undefined): Part[] {
  if (answer.tier !== 'not-covered') {
    const texts = answer.tier === 'answer' ? formatAnswer(answer, MESSAGE_LIMIT, { t: ctx.t }) : formatProbably(answer, ctx.t);
    // 👍/👎 go under the last part, after every quote has been read; on "probably" they tell whether it was the answer.
    return texts.map((text, i) => ({ text, keyboard: questionId !== undefined && i === texts.length - 1 ? feedbackKeyboard(questionId) : undefined }));
  }
  const keyboard = options.buttons ? suggestionKeyboard(deps.services.suggestions(SUGGESTION_COUNT)) : undefined;
  const text = formatNoAnswer(answer, ctx.t, { listSuggestions: keyboard === undefined });
  return [{ text, keyboard }];
}

/** Puts the echoed question above the first part, or in a message of its own when they would not fit together. */
function withEcho(parts: Part[], question: string | undefined): Part[] {
  if (question === undefined) return parts;
  const echo = `❓ <i>${escapeHtml(question)}</i>`;
  const [first, ...rest] = parts;
  if (first && echo.length + 2 + first.text.length <= MESSAGE_LIMIT) return [{ ...first, text: `${echo}\n\n${first.text}` }, ...rest];
  return [{ text: echo }, ...parts];
}
