import mammoth from 'mammoth';
import { type ExtractedDocument, joinParagraphs } from './extracted.js';
import { checkZip } from './zipCheck.js';

export type DocxOutcome =
  | { ok: true; value: ExtractedDocument }
  | { ok: false; reason: 'encrypted' | 'zip-bomb' | 'unreadable' | 'no-text'; detail: string };

/** The OLE container of old .doc files, and of any password-protected Office file. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A Word file's text, one paragraph per Word paragraph, through mammoth: it reads the
 * WordprocessingML body (runs, fields, lists, tables, footnotes left out) that hand-written XML
 * scraping of document.xml would garble. The zip is checked for bombs and encryption first.
 */
export async function extractDocx(bytes: Uint8Array, maxUncompressedBytes: number): Promise<DocxOutcome> {
  if (OLE_MAGIC.every((byte, i) => bytes[i] === byte)) {
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    return encrypted
      ? { ok: false, reason: 'encrypted', detail: 'a password-protected Office file' }
      : { ok: false, reason: 'unreadable', detail: 'an old binary .doc file, not .docx' };
  }
  const zip = checkZip(bytes, maxUncompressedBytes);
  if (!zip.ok) return zip;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = joinParagraphs(result.value.split(/\n\s*\n/));
    return text === '' ? { ok: false, reason: 'no-text', detail: 'the document has no text' } : { ok: true, value: { text } };
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}
