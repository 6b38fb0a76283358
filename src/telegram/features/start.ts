import { Composer } from 'grammy';
import { suggestionKeyboard } from '../answering.js';
import type { BotContext } from '../context.js';
import { SUGGESTION_COUNT, type FeatureDeps } from '../deps.js';
import { documentLines, formatList } from '../format.js';
import { escapeHtml } from '../html.js';

/** /start shows at most this many titles; /sources has the full list. */
const INTRO_TITLES = 10;
const HTML = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

/** Private-chat introduction and the document lists: /start (also the inline "open chat" deep link), /help, /sources. */
export function startFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('start', async (ctx) => {
    const documents = deps.services.documents();
    const keyboard = suggestionKeyboard(deps.services.suggestions(SUGGESTION_COUNT));
    const text = [introText(ctx, documents.map((d) => d.title)), keyboard ? `\n${ctx.t.examples}` : ''].join('\n');
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  });

  pm.command('help', async (ctx) => {
    const [first = '', ...rest] = sourcesMessages(ctx, deps);
    await ctx.reply(`${ctx.t.helpUsage(ctx.me.username)}\n\n${first}`, HTML);
    for (const text of rest) await ctx.reply(text, HTML);
  });

  pm.command('sources', async (ctx) => {
    for (const text of sourcesMessages(ctx, deps)) await ctx.reply(text, HTML);
  });

  return composer;
}

function introText(ctx: BotContext, titles: string[]): string {
  if (titles.length === 0) return ctx.t.introEmpty;
  const shown = titles.slice(0, INTRO_TITLES).map((title) => `• ${escapeHtml(title)}`);
  const more = titles.length > INTRO_TITLES ? [`… (+${titles.length - INTRO_TITLES}) /sources`] : [];
  return [ctx.t.intro(titles.length), ...shown, ...more].join('\n');
}

function sourcesMessages(ctx: BotContext, deps: FeatureDeps): string[] {
  const documents = deps.services.documents();
  if (documents.length === 0) return [ctx.t.noDocuments];
  // Leave room for the help text that /help puts in front of the first part.
  return formatList(ctx.t.sourcesHeader(documents.length), documentLines(documents), 3500);
}
