import { createHash } from 'node:crypto';
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { ProgressMessage, progressOptions, progressReporter } from '../progress.js';
import type { DocumentSummary, RemoveDocumentOutcome } from '../services.js';
import type { Strings } from '../i18n.js';
import { adminOnly } from './adminGuard.js';

const CALLBACK_LIMIT = 64;
/** `rm:y:<id>` confirms, `rm:h:<hash>` confirms an id too long for callback data, `rm:n` cancels. */
const REMOVE_CALLBACK = /^rm:(?:([yh]):(.+)|n)$/s;

const idHash = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 22);

/** Callback data naming the document; stateless, so a confirmation still works after a restart. */
export function confirmData(id: string): string {
  const direct = `rm:y:${id}`;
  return Buffer.byteLength(direct) <= CALLBACK_LIMIT ? direct : `rm:h:${idHash(id)}`;
}

function findDocument(deps: FeatureDeps, kind: string, ref: string): DocumentSummary | undefined {
  return deps.services.documents().find((d) => (kind === 'y' ? d.id === ref : idHash(d.id) === ref));
}

/** /remove <id> asks first; the confirmation button is checked for admin again when pressed. */
export function removeFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('remove', adminOnly(deps, 'remove'), async (ctx) => {
    const id = ctx.match.trim();
    const document = id === '' ? undefined : deps.services.documents().find((d) => d.id === id);
    if (id === '') await ctx.reply(ctx.t.removeUsage, { parse_mode: 'HTML' });
    else if (!document) await ctx.reply(ctx.t.removeNotFound(id), { parse_mode: 'HTML' });
    else {
      const keyboard = new InlineKeyboard().text(ctx.t.removeYes, confirmData(document.id)).text(ctx.t.removeNo, 'rm:n');
      await ctx.reply(ctx.t.removeConfirm(document.title, document.id), { parse_mode: 'HTML', reply_markup: keyboard });
    }
  });

  composer.callbackQuery(REMOVE_CALLBACK, adminOnly(deps, 'remove-button'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const [, kind, ref] = ctx.match;
    if (kind === undefined || ref === undefined) return void (await ctx.editMessageText(ctx.t.removeCancelled, { parse_mode: 'HTML' }));
    const document = findDocument(deps, kind, ref);
    if (!document) return void (await ctx.editMessageText(ctx.t.removeNotFound(kind === 'y' ? ref : '?'), { parse_mode: 'HTML' }));
    await confirmRemoval(ctx, deps, document);
  });
  return composer;
}

/** Turns the confirmation message into the progress message and removes in the background. */
async function confirmRemoval(ctx: BotContext, deps: FeatureDeps, document: DocumentSummary): Promise<void> {
  const { t } = ctx;
  const text = t.removing(document.title);
  await ctx.editMessageText(text, { parse_mode: 'HTML' });
  const source = ctx.callbackQuery?.message;
  if (!source) return;
  const message = new ProgressMessage(ctx.api, source.chat.id, source.message_id, text, progressOptions(deps));
  deps.logger.info({ userId: ctx.from?.id, documentId: document.id }, 'removing document');
  deps.background.run(
    'remove',
    async () => message.finish(removalText(t, document, await deps.admin.removeDocument(document.id, progressReporter(message, t, deps.now)))),
    () => message.finish(t.apology),
  );
}

function removalText(t: Strings, document: DocumentSummary, outcome: RemoveDocumentOutcome): string {
  if (outcome.status === 'busy') return t.busy;
  if (outcome.status === 'not-found') return t.removeNotFound(document.id);
  return t.removed(outcome.document.title, outcome);
}
