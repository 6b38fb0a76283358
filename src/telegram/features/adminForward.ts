import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import { type ForwardedPost, joinPostParts, renderPostFile } from '../../corpus/forwardedPost.js';
import { detectDocumentLanguage } from '../../language/documentLanguage.js';
import { ALBUM_WAIT_MS, AlbumCollector, waitFor } from '../albums.js';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { sourceHtml } from '../format.js';
import { postSource } from '../forwardOrigin.js';
import { escapeHtml } from '../html.js';
import { type ProgressMessage, progressOptions, progressReporter, sendProgress } from '../progress.js';
import type { AddDocumentOutcome } from '../services.js';
import { isAdmin } from './adminGuard.js';
import { undoKeyboard } from './adminUndo.js';

type ForwardedMessage = Message & Required<Pick<Message, 'forward_origin'>>;

/**
 * A message an admin forwards to the bot in private chat is added to the corpus: its text or
 * caption, verbatim, cited by the channel (or chat, or person) it came from, on the original date,
 * with the post's t.me link when the channel is public. An album is one document. Forwards from
 * anyone else fall through and are answered as questions. Forwarded files take the upload route,
 * which runs earlier.
 */
export function forwardFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const albums = new AlbumCollector<ForwardedMessage>(deps.background, deps.albumWait ?? waitFor(ALBUM_WAIT_MS));
  composer
    .chatType('private')
    .on('message')
    .filter(
      (ctx): ctx is typeof ctx & { msg: ForwardedMessage } => ctx.msg.forward_origin !== undefined && isAdmin(deps, ctx.from?.id),
      async (ctx) => {
        const { msg, t } = ctx;
        if (msg.media_group_id === undefined) return addPost(ctx, deps, [msg]);
        const apologise = () => ctx.reply(t.apology, { parse_mode: 'HTML' });
        albums.add(`${msg.chat.id}:${msg.media_group_id}`, msg, (parts) => addPost(ctx, deps, parts), apologise);
      },
    );
  return composer;
}

/** Checks what can be checked at once (text, a known link, a change running), then adds in the background. */
async function addPost(ctx: BotContext, deps: FeatureDeps, parts: readonly ForwardedMessage[]): Promise<void> {
  const { t } = ctx;
  const ordered = [...parts].sort((a, b) => a.message_id - b.message_id);
  const text = joinPostParts(ordered.map((part) => part.text ?? part.caption));
  const first = ordered[0];
  if (text === '' || first === undefined) return void (await ctx.reply(t.forwardNoText, { parse_mode: 'HTML' }));
  const origin = first.forward_origin;
  if (origin.type === 'user' && origin.sender_user.id === ctx.me.id) return void (await ctx.reply(t.forwardOwnMessage, { parse_mode: 'HTML' }));
  const source = postSource(origin);
  const known = source.url === null ? undefined : deps.services.documents().find((document) => document.url === source.url);
  if (known) return void (await ctx.reply(t.forwardDuplicate(known.id), { parse_mode: 'HTML' }));
  if (deps.admin.busy) return void (await ctx.reply(t.busy, { parse_mode: 'HTML' }));
  const post: ForwardedPost = { ...source, text, language: detectDocumentLanguage(text) };
  const message = await sendProgress(ctx, t.forwardStarting(source.publisher), progressOptions(deps));
  deps.background.run('forward', () => storePost(ctx, deps, post, message), () => message.finish(t.apology));
}

async function storePost(ctx: BotContext, deps: FeatureDeps, post: ForwardedPost, message: ProgressMessage): Promise<void> {
  const { t } = ctx;
  const { bytes, fileName } = renderPostFile(post);
  const addedBy = `telegram:${ctx.from?.id ?? 'unknown'}`;
  const outcome = await deps.admin.addDocument({ bytes, fileName, addedBy }, progressReporter(message, t, deps.now));
  deps.logger.info({ userId: ctx.from?.id, url: post.url, status: outcome.status }, 'forwarded post');
  if (outcome.status !== 'added') return message.finish(refusalText(ctx, outcome));
  const { document, seconds } = outcome;
  await message.finish(`${t.uploadAdded(document.title, document.passages, seconds)}\n${sourceHtml(document)}`, undoKeyboard(t, document.id));
}

function refusalText({ t }: BotContext, outcome: Exclude<AddDocumentOutcome, { status: 'added' }>): string {
  if (outcome.status === 'busy') return t.busy;
  const { rejection } = outcome;
  if (rejection.reason === 'duplicate' && rejection.documentId !== undefined) return t.forwardDuplicate(rejection.documentId);
  // Other rejections (too large) are worded by the port for people; shown as they are, escaped.
  return escapeHtml(rejection.message);
}
