import { type Checked, accept, reject } from './document.js';

export const SUPPORTED_EXTENSIONS = ['.md', '.txt', '.html', '.htm'] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns raw bytes into text, or says exactly why not. `label` names the file in every message,
 * so an operator with a folder of documents knows which one to fix.
 */
export function decodeDocumentBytes(bytes: Uint8Array, label: string, maxBytes: number): Checked<string> {
  if (bytes.length > maxBytes) {
    return reject('too-large', `${label} is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}.`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return reject('not-utf8', `${label} is UTF-16 text. Save it as UTF-8 and try again.`);
  }
  if (bytes.includes(0)) {
    return reject('binary', `${label} looks like a binary file (it contains NUL bytes), not text.`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return reject('not-utf8', `${label} is not valid UTF-8 text. Save it as UTF-8 and try again.`);
  }
  if (hasManyControlCharacters(text)) {
    return reject('binary', `${label} looks like a binary file (too many control characters), not text.`);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return reject('empty', `${label} is empty.`);
  }
  return accept(text.replace(/^\uFEFF/, ''));
}

export function hasSupportedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function hasManyControlCharacters(text: string): boolean {
  const sample = text.slice(0, 4096);
  const controls = sample.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls > sample.length * 0.01;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
