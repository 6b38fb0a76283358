import { Composer } from 'grammy';
import type { Message, MessageEntity, UserFromGetMe } from 'grammy/types';
import { replyWithAnswer } from '../answering.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { replyTo } from '../hygiene.js';

/**
 * Groups and supergroups: answer `/ask <question>` (also `/ask@Bot`), messages that mention the bot,
 * and replies to the bot's own messages; ignore everything else. With privacy mode on, Telegram only
 * delivers commands and replies to the bot (and, per BotFather, mentions), so that is all this needs.
 */
export function groupsFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const group = composer.chatType(['group', 'supergroup']);

  group.command('ask', deps.questionLimiter, async (ctx) => {
    const question = ctx.match.trim();
    if (question === '') await ctx.reply(ctx.t.askUsage(ctx.me.username), { parse_mode: 'HTML', ...replyTo(ctx) });
    else await replyWithAnswer(ctx, question, deps, { buttons: false });
  });

  group.command('help', async (ctx) => {
    await ctx.reply(ctx.t.helpUsage(ctx.me.username), { parse_mode: 'HTML', ...replyTo(ctx) });
  });

  group
    .on('message')
    .filter((ctx) => isAddressed(ctx.msg, ctx.me))
    .use(deps.questionLimiter, async (ctx) => {
      const text = ctx.msg.text;
      if (text === undefined) await ctx.reply(ctx.t.nonText, { parse_mode: 'HTML', ...replyTo(ctx) });
      else await replyWithAnswer(ctx, withoutMention(text, ctx.msg.entities ?? [], ctx.me), deps, { buttons: false });
    });

  return composer;
}

/** A mention of the bot, or a reply to one of its messages; never the bot's own inline results. */
export function isAddressed(message: Message, me: UserFromGetMe): boolean {
  if (message.via_bot?.id === me.id) return false;
  const repliedTo = message.reply_to_message;
  // In forum topics every message "replies" to the topic's first message; that is not a reply to us.
  const topicRoot = message.is_topic_message && repliedTo?.message_id === message.message_thread_id;
  if (repliedTo?.from?.id === me.id && !topicRoot) return true;
  // A photo or sticker can mention the bot in its caption; it then gets the "text only" reply.
  const [body, entities] = message.text !== undefined ? [message.text, message.entities] : [message.caption ?? '', message.caption_entities];
  return (entities ?? []).some((e) => mentionsMe(body, e, me));
}

function mentionsMe(text: string, entity: MessageEntity, me: UserFromGetMe): boolean {
  if (entity.type === 'text_mention') return entity.user.id === me.id;
  if (entity.type !== 'mention') return false;
  return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username.toLowerCase()}`;
}

/** The question without the @mention of the bot and the punctuation that addressed it ("@Bot, how many…"). */
export function withoutMention(text: string, entities: readonly MessageEntity[], me: UserFromGetMe): string {
  const mine = entities.filter((e) => mentionsMe(text, e, me)).sort((a, b) => b.offset - a.offset);
  let rest = text;
  for (const e of mine) rest = `${rest.slice(0, e.offset)} ${rest.slice(e.offset + e.length)}`;
  return rest.replace(/\s+/g, ' ').replace(/^[\s,:;.!—-]+/u, '').trim();
}
