import { Composer } from 'grammy';
import type { Document } from 'grammy/types';
import type { BotContext } from '../context.js';
import type { FeatureDeps } from '../deps.js';
import { downloadFile } from '../download.js';
import type { Strings } from '../i18n.js';
import { type ProgressMessage, progressOptions, progressReporter, sendProgress } from '../progress.js';
import type { AddDocumentOutcome } from '../services.js';
import { rejectionText } from './adminAddUrl.js';
import { adminOnly } from './adminGuard.js';

/**
 * A document sent to the bot in a private chat is a corpus upload; only admins may make one.
 * The caption, when present, becomes the title. Format checks (.txt/.md/.html/.pdf/.docx) belong to the
 * CorpusAdmin port, whose rejection message is shown as it is.
 */
export function uploadFeature(deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer
    .chatType('private')
    .on('message:document', adminOnly(deps, 'upload'), async (ctx) => {
      const document = ctx.msg.document;
      // Refuse before downloading anything when Telegram already tells us the size.
      if (document.file_size !== undefined && document.file_size > deps.limits.maxUploadBytes) {
        await ctx.reply(ctx.t.uploadTooLarge(deps.limits.maxUploadBytes), { parse_mode: 'HTML' });
        return;
      }
      if (deps.admin.busy) {
        await ctx.reply(ctx.t.busy, { parse_mode: 'HTML' });
        return;
      }
      const fileName = document.file_name ?? 'document.txt';
      const message = await sendProgress(ctx, ctx.t.uploadStarting(fileName), progressOptions(deps));
      const { t } = ctx;
      deps.background.run('upload', () => addUpload(ctx, deps, document, message), () => message.finish(t.apology));
    });
  return composer;
}

async function addUpload(ctx: BotContext, deps: FeatureDeps, document: Document, message: ProgressMessage): Promise<void> {
  const { t } = ctx;
  const file = await ctx.api.getFile(document.file_id);
  if (!file.file_path) return message.finish(t.uploadDownloadFailed);
  const download = await downloadFile(deps.apiRoot, deps.token, file.file_path, deps.limits.maxUploadBytes);
  if (!download.ok) {
    deps.logger.warn({ userId: ctx.from?.id, reason: download.reason, detail: download.detail }, 'upload download failed');
    return message.finish(download.reason === 'too-large' ? t.uploadTooLarge(deps.limits.maxUploadBytes) : t.uploadDownloadFailed);
  }
  const title = ctx.msg?.caption?.trim() || undefined;
  const fileName = document.file_name ?? 'document.txt';
  const addedBy = `telegram:${ctx.from?.id ?? 'unknown'}`;
  const outcome = await deps.admin.addDocument({ bytes: download.bytes, fileName, title, addedBy }, progressReporter(message, t, deps.now));
  deps.logger.info({ userId: ctx.from?.id, fileName, status: outcome.status }, 'upload');
  await message.finish(uploadText(t, outcome));
}

function uploadText(t: Strings, outcome: AddDocumentOutcome): string {
  if (outcome.status === 'busy') return t.busy;
  // The port words rejections for people ("notes.xls is not a supported type"); a scan, a password or a zip bomb in the admin's language.
  if (outcome.status === 'rejected') return rejectionText(t, outcome.rejection);
  return t.uploadAdded(outcome.document.title, outcome.document.passages, outcome.seconds);
}


