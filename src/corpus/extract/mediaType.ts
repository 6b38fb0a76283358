/** The formats a document can arrive in, whether uploaded or fetched from a link. */
export type SourceFormat = 'html' | 'pdf' | 'text' | 'markdown' | 'docx';

const MEDIA_TYPES: Readonly<Record<string, SourceFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.txt': 'text',
  '.md': 'markdown',
  '.docx': 'docx',
};

export interface MediaType {
  /** Lower-case type/subtype without parameters, e.g. "text/html". */
  essence: string;
  charset: string | undefined;
}

/** Parses a Content-Type header; an absent or empty one is "application/octet-stream" (RFC 9110). */
export function parseMediaType(header: string | undefined): MediaType {
  const [essence = '', ...parameters] = (header ?? '').split(';');
  const charset = parameters
    .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { essence: essence.trim().toLowerCase() || 'application/octet-stream', charset: charset?.toLowerCase() };
}

export const formatOfMediaType = (essence: string): SourceFormat | undefined => MEDIA_TYPES[essence];

export function formatOfFileName(fileName: string): SourceFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[fileName.slice(dot).toLowerCase()];
}

/**
 * Servers often send PDFs and Word files as application/octet-stream. Such a body is taken only
 * when its first bytes say what it is (a PDF header, or a zip that the link names .docx).
 */
export function sniffBinaryFormat(bytes: Uint8Array, fileName: string): SourceFormat | undefined {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004') && formatOfFileName(fileName) === 'docx') return 'docx';
  return undefined;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return [...magic].every((char, i) => bytes[i] === char.charCodeAt(0));
}

/** Decodes text in the declared charset (windows-1251 is still common on Russian-language sites), UTF-8 otherwise. */
export function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The charset a page declares in its own markup (`<meta charset>` or the http-equiv form) within
 * its first 2 KB, as browsers look for it when the header names none: Russian-language sites often
 * declare windows-1251 only there.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}
