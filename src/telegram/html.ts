/**
 * The only place that turns untrusted text into Telegram HTML. Every string that comes from a user
 * or a document goes through `escapeHtml` before it is put next to a tag.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also need the quote escaped, or a crafted URL could close the attribute. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Links only to http(s): a `javascript:` or `tg:` URL from a document is shown as text, not followed. */
export function link(text: string, url: string | null): string {
  if (url === null || !/^https?:\/\//i.test(url)) return escapeHtml(text);
  return `<a href="${escapeAttribute(url)}">${escapeHtml(text)}</a>`;
}

export const bold = (text: string): string => `<b>${escapeHtml(text)}</b>`;
export const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
