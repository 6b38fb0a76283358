import type { DocumentMeta } from './document.js';

const FENCE = '---';
const KNOWN_KEYS = ['title', 'publisher', 'author', 'url', 'date', 'language', 'addedBy'] as const;
type MetaKey = (typeof KNOWN_KEYS)[number];

export interface ParsedDocumentFile {
  meta: Partial<Record<MetaKey, string>>;
  /** Everything after the closing fence, byte-for-byte. */
  body: string;
}

/**
 * Reads a minimal YAML front matter: `key: value` lines between `---` fences.
 * Values may be bare or JSON double-quoted (which is also valid YAML), so titles with colons survive.
 * Returns an error string instead of throwing: a malformed file is an expected outcome.
 */
export function parseFrontMatter(source: string): ParsedDocumentFile | { error: string } {
  if (!source.startsWith(`${FENCE}\n`) && !source.startsWith(`${FENCE}\r\n`)) {
    return { meta: {}, body: source };
  }
  const closing = /\r?\n---(\r?\n|$)/.exec(source.slice(FENCE.length));
  if (!closing) return { error: 'front matter starts with --- but never closes' };
  const header = source.slice(FENCE.length, FENCE.length + closing.index);
  const body = source.slice(FENCE.length + closing.index + closing[0].length);
  const meta: ParsedDocumentFile['meta'] = {};
  for (const line of header.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!match) return { error: `front matter line "${line}" is not "key: value"` };
    const key = match[1] as string;
    const value = unquote((match[2] as string).trim());
    if (value === undefined) return { error: `the value of "${key}" is not a valid quoted string` };
    if ((KNOWN_KEYS as readonly string[]).includes(key) && value !== '') meta[key as MetaKey] = value;
  }
  return { meta, body };
}

function unquote(value: string): string | undefined {
  if (!value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The inverse of `parseFrontMatter` for the keys that are set. */
export function renderDocumentFile(meta: Partial<DocumentMeta>, body: string): string {
  const lines = KNOWN_KEYS.flatMap((key) => {
    const value = meta[key];
    return value ? [`${key}: ${JSON.stringify(value)}`] : [];
  });
  return `${FENCE}\n${lines.join('\n')}\n${FENCE}\n${body}`;
}

/** A document without a title is named by its first line, the way news articles usually start. */
export function titleFromBody(body: string, fallback: string): string {
  const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== '');
  const title = firstLine?.replace(/^#+\s*/, '').trim() ?? '';
  if (title === '') return fallback;
  return title.length > 120 ? `${title.slice(0, 117)}…` : title;
}
