import { Composer, InlineKeyboard } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Answered, Probable, Quote } from '../../answer/answer.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { MESSAGE_LIMIT, formatAnswer, formatNoAnswer, formatProbably, shorten } from '../format.js';
import { escapeHtml } from '../html.js';
import type { Strings } from '../i18n.js';

const MAX_RESULTS = 10;
const SAMPLE_COUNT = 5;
/** Answers only change on reindex; five minutes of client caching saves most repeat work. */
const CACHE_SECONDS = 300;
/** Deep-link payload of the "open a chat" button: /start with it shows the introduction. */
export const INLINE_START_PARAMETER = 'inline';

/**
 * Inline mode: one article per supporting quote. The path is kept to one `ask` and pure formatting,
 * because Telegram gives an inline answer only a few seconds and users type as it runs.
 */
export function inlineFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    // Quotes carry no interface strings and can be shared by everyone; the rest is in the asker's language.
    const common = { cache_time: CACHE_SECONDS, is_personal: false };
    const personal = { cache_time: CACHE_SECONDS, is_personal: true };
    if (query === '') return void (await ctx.answerInlineQuery(sampleResults(deps.services.suggestions(SAMPLE_COUNT), ctx.t), personal));
    const answer = query.length > deps.limits.maxQuestionLength ? undefined : await deps.services.ask(query);
    if (answer?.tier === 'answer') return void (await ctx.answerInlineQuery(answerResults(answer, ctx.t), common));
    // The hedge is in the asker's language, so a "probably" is personal like a "no answer".
    if (answer?.tier === 'probably') return void (await ctx.answerInlineQuery([probablyResult(answer, ctx.t)], personal));
    const text = answer ? formatNoAnswer(answer, ctx.t, { listSuggestions: true }) : ctx.t.tooLong(deps.limits.maxQuestionLength);
    await ctx.answerInlineQuery([noAnswerResult(text, ctx.t)], {
      ...personal,
      button: { text: ctx.t.inlineOpenChat, start_parameter: INLINE_START_PARAMETER },
    });
  });
  return composer;
}

/** The first result carries the whole chat answer; each further one carries its own quote in the same layout. */
export function answerResults(answer: Answered, t?: Strings): InlineQueryResultArticle[] {
  return answer.quotes.slice(0, MAX_RESULTS).map((quote, i) => {
    const html = i === 0 ? formatAnswer(answer, MESSAGE_LIMIT, { t })[0] : formatAnswer({ ...answer, quotes: [quote] }, MESSAGE_LIMIT, { lead: false, t })[0];
    return article(`quote-${i}`, quoteTitle(quote), `${shorten(quote.text, 160)} — ${sourcePlain(quote)}`, html ?? '');
  });
}

/** One result: the hedge as its title, the sentence as its description, the chat's "probably" reply as its message. */
export function probablyResult(answer: Probable, t: Strings): InlineQueryResultArticle {
  const quote = answer.closest;
  const html = formatProbably(answer, t)[0] ?? '';
  return article('probably', t.inlineProbablyTitle, `${shorten(quote.text, 160)} — ${sourcePlain(quote)}`, html);
}

/** The title leads with the figure, the number people are looking for. */
export function quoteTitle(quote: Quote): string {
  const figure = quote.figures[0];
  return figure ? `${figure} — ${shorten(quote.text, 80)}` : shorten(quote.text, 100);
}

function sourcePlain(quote: Quote): string {
  return quote.publisher ? `${quote.title}, ${quote.publisher}` : quote.title;
}

function sampleResults(questions: readonly string[], t: Strings): InlineQueryResultArticle[] {
  return questions.map((question, i) => ({
    ...article(`sample-${i}`, question, t.inlineSampleDescription, `❓ ${escapeHtml(question)}`),
    // Pressing it puts "@Bot <question>" in the input field, which shows the quoted answer.
    reply_markup: new InlineKeyboard().switchInlineCurrent(t.inlineAnswerButton, question),
  }));
}

function noAnswerResult(html: string, t: Strings): InlineQueryResultArticle {
  return article('no-answer', t.inlineNoAnswerTitle, t.inlineNoAnswerDescription, html);
}

function article(id: string, title: string, description: string, html: string): InlineQueryResultArticle {
  return {
    type: 'article',
    id,
    title,
    description,
    input_message_content: { message_text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}
