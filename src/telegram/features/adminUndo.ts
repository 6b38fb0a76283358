import { InlineKeyboard } from 'grammy';
import type { Strings } from '../i18n.js';
import { confirmData } from './adminRemove.js';

/**
 * The Undo button under a reply that added a document. It carries the same callback data as the
 * confirmation of `/remove <id>`, so pressing it goes through the remove route: checked for admin
 * again, refused while another change runs, and "not found" when the document is already gone.
 * Any route that adds a document (a forwarded post, an upload, a link) can offer it.
 */
export function undoKeyboard(t: Strings, documentId: string): InlineKeyboard {
  return new InlineKeyboard().text(t.undo, confirmData(documentId));
}
