import { renderDocumentFile } from './frontMatter.js';

/** Where a forwarded post came from and when, as the document will cite it. */
export interface PostSource {
  /** The channel's or chat's title, or the author's name. */
  publisher: string;
  /** The post's public t.me link; null when the channel is private or the origin is a person or a group. */
  url: string | null;
  /** The original post's date, YYYY-MM-DD (UTC). */
  date: string;
}

export interface ForwardedPost extends PostSource {
  /** The post's text or caption, as sent: quotes are slices of it. */
  text: string;
  /** ISO 639-1 code, or null when the text has no letters to judge by. */
  language: string | null;
}

/** Titles longer than this are cut at a word; a post's first line is often a whole paragraph. */
export const POST_TITLE_MAX = 90;

/**
 * The post's first line with a letter or digit in it, cut at the last word that fits `max`
 * (with "…"); a line of emoji or dashes is no title. Falls back to `fallback`.
 */
export function postTitle(text: string, fallback: string, max = POST_TITLE_MAX): string {
  const line = text
    .split(/\r?\n/)
    .map((candidate) => candidate.replace(/\s+/g, ' ').trim())
    .find((candidate) => /[\p{L}\p{N}]/u.test(candidate));
  if (line === undefined) return fallback;
  if (line.length <= max) return line;
  const head = line.slice(0, max);
  const lastSpace = head.lastIndexOf(' ');
  // A single word longer than `max` (a long link) is cut where it is.
  const cut = lastSpace > max / 3 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** The texts of an album's parts in order, each kept as sent, separated by a blank line; empty parts dropped. */
export function joinPostParts(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * The corpus file for a post: its front matter carries the source, so the post goes through the
 * same checks (size, duplicate text) and indexing as an uploaded `.md` file.
 */
export function renderPostFile(post: ForwardedPost): { fileName: string; bytes: Uint8Array; title: string } {
  const title = postTitle(post.text, post.publisher);
  const meta = { title, publisher: post.publisher, url: post.url, date: post.date, language: post.language };
  return { fileName: 'forwarded-post.md', bytes: new TextEncoder().encode(renderDocumentFile(meta, post.text)), title };
}
