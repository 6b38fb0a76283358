import { inflateRawSync } from 'node:zlib';

export type ZipCheck = { ok: true } | { ok: false; reason: 'encrypted' | 'zip-bomb' | 'unreadable'; detail: string };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Deflate cannot shrink ordinary documents a hundredfold; a zip that claims to is built to explode. */
const MAX_RATIO = 100;

/**
 * Checks a zip (a .docx is one) before any library unpacks it: no encrypted entries, and the
 * entries really inflate to at most `maxUncompressedBytes` together. Declared sizes can lie, so
 * each entry is inflated here with zlib's output limit, which stops at the cap instead of
 * filling memory. mammoth's zip reader (JSZip) has no such limit, so this runs first.
 */
export function checkZip(bytes: Uint8Array, maxUncompressedBytes: number): ZipCheck {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(data);
  if (end < 0) return { ok: false, reason: 'unreadable', detail: 'not a zip file' };
  const entries = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_ENTRY) return { ok: false, reason: 'unreadable', detail: 'broken central directory' };
    const flags = data.readUInt16LE(offset + 8);
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const localOffset = data.readUInt32LE(offset + 42);
    offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
    if (flags & 0x1) return { ok: false, reason: 'encrypted', detail: 'an entry is encrypted' };
    const inflated = inflatedSize(data, localOffset, compressedSize, method, maxUncompressedBytes - total);
    if (inflated === 'corrupt') return { ok: false, reason: 'unreadable', detail: 'a damaged or unsupported entry' };
    if (inflated === 'too-large') return { ok: false, reason: 'zip-bomb', detail: `unpacks to more than ${maxUncompressedBytes} bytes` };
    if (inflated > Math.max(compressedSize, 1024) * MAX_RATIO) return { ok: false, reason: 'zip-bomb', detail: `an entry is compressed ${Math.round(inflated / Math.max(compressedSize, 1))}:1` };
    total += inflated;
  }
  return { ok: true };
}

/** The real size of one entry, found by inflating it with an output limit of `limit + 1` bytes. */
function inflatedSize(data: Buffer, localOffset: number, compressedSize: number, method: number, limit: number): number | 'too-large' | 'corrupt' {
  if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL_HEADER) return 'corrupt';
  const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
  const compressed = data.subarray(start, start + compressedSize);
  if (method === 0) return compressed.length <= limit ? compressed.length : 'too-large';
  if (method !== 8) return 'corrupt';
  try {
    const size = inflateRawSync(compressed, { maxOutputLength: Math.max(limit, 0) + 1 }).length;
    return size <= limit ? size : 'too-large';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt';
  }
}

/** The end record sits in the last 22 bytes plus a comment of up to 64 KB. */
function findEndOfCentralDirectory(data: Buffer): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i -= 1) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}
