import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../src/corpus/extract/docx.js';
import { checkZip } from '../../../src/corpus/extract/zipCheck.js';
import { writeDocx, writeZip } from './fixtures.js';

const MB = 1024 * 1024;

describe('extractDocx (mammoth over a generated .docx)', () => {
  it('reads each Word paragraph as one paragraph, text verbatim', async () => {
    const docx = writeDocx(['Kazakhstan: January events', 'On 5 January   protesters  gathered in Almaty.', 'Curfew was declared & the internet was cut.']);
    expect(await extractDocx(docx, 10 * MB)).toEqual({
      ok: true,
      value: { text: 'Kazakhstan: January events\n\nOn 5 January protesters gathered in Almaty.\n\nCurfew was declared & the internet was cut.' },
    });
  });

  it('refuses a zip bomb before unpacking it: 24 MB of zeros that claim to be a document', async () => {
    const bomb = writeZip([{ name: 'word/document.xml', data: Buffer.alloc(24 * MB) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await extractDocx(bomb, 8 * MB)).toMatchObject({ ok: false, reason: 'zip-bomb' });
  });

  it('refuses a password-protected Office file and an encrypted zip entry', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(await extractDocx(new Uint8Array(ole), 10 * MB)).toMatchObject({ ok: false, reason: 'encrypted' });
    const zip = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>'), encrypted: true }]);
    expect(await extractDocx(zip, 10 * MB)).toMatchObject({ ok: false, reason: 'encrypted' });
  });

  it('says a zip that is not a Word document is unreadable', async () => {
    const zip = writeZip([{ name: 'notes.txt', data: Buffer.from('hello') }]);
    expect(await extractDocx(zip, 10 * MB)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});

describe('checkZip', () => {
  it('measures what entries really unpack to, whatever their headers claim', () => {
    const liar = writeZip([{ name: 'a.xml', data: Buffer.alloc(5 * MB, 0x61), declaredSize: 100 }]);
    expect(checkZip(liar, 1 * MB)).toMatchObject({ ok: false, reason: 'zip-bomb' });
  });

  it('refuses an entry compressed far more than any document is, even under the size cap', () => {
    const dense = writeZip([{ name: 'a.xml', data: Buffer.alloc(4 * MB) }]);
    expect(checkZip(dense, 100 * MB)).toMatchObject({ ok: false, reason: 'zip-bomb' });
  });

  it('accepts an ordinary zip and rejects bytes that are not one', () => {
    const text = Buffer.from(Array.from({ length: 2000 }, (_, i) => `word${i * 7919 % 1000} `).join(''));
    expect(deflateRawSync(text).length).toBeGreaterThan(text.length / 100);
    expect(checkZip(writeZip([{ name: 'a.txt', data: text }]), MB)).toEqual({ ok: true });
    expect(checkZip(new TextEncoder().encode('not a zip at all'), MB)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});
