import { describe, expect, it } from 'vitest';
import { decodeText, declaredHtmlCharset, formatOfFileName, formatOfMediaType, parseMediaType, sniffBinaryFormat } from '../../../src/corpus/extract/mediaType.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('media types', () => {
  it.each([
    ['text/html; charset=UTF-8', { essence: 'text/html', charset: 'utf-8' }],
    ['Text/Plain;charset="windows-1251"', { essence: 'text/plain', charset: 'windows-1251' }],
    ['application/pdf', { essence: 'application/pdf', charset: undefined }],
    [undefined, { essence: 'application/octet-stream', charset: undefined }],
    ['', { essence: 'application/octet-stream', charset: undefined }],
  ])('parses %j', (header, expected) => {
    expect(parseMediaType(header)).toEqual(expected);
  });

  it.each([
    ['text/html', 'html'],
    ['application/xhtml+xml', 'html'],
    ['application/pdf', 'pdf'],
    ['text/plain', 'text'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['video/mp4', undefined],
    ['application/msword', undefined],
  ])('%s → %s', (essence, format) => {
    expect(formatOfMediaType(essence)).toBe(format);
  });

  it('knows formats by extension, case aside', () => {
    expect(['a.PDF', 'b.docx', 'c.htm', 'd.md', 'e.txt', 'f.doc', 'noext'].map(formatOfFileName)).toEqual(['pdf', 'docx', 'html', 'markdown', 'text', undefined, undefined]);
  });

  it('takes an octet-stream body only when its bytes say what it is', () => {
    expect(sniffBinaryFormat(bytes('%PDF-1.7 ...'), '/download')).toBe('pdf');
    expect(sniffBinaryFormat(bytes('PK\u0003\u0004...'), '/files/report.docx')).toBe('docx');
    expect(sniffBinaryFormat(bytes('PK\u0003\u0004...'), '/files/archive.zip')).toBeUndefined();
    expect(sniffBinaryFormat(bytes('<html>'), '/page.pdf')).toBeUndefined();
  });

  it('decodes a windows-1251 page declared in the header or only in its markup', () => {
    const cp1251 = new Uint8Array([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb]);
    expect(decodeText(cp1251, 'windows-1251')).toBe('Алматы');
    const page = new Uint8Array([...bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>'), ...cp1251]);
    expect(declaredHtmlCharset(page)).toBe('windows-1251');
    expect(decodeText(page, declaredHtmlCharset(page))).toContain('Алматы');
    expect(declaredHtmlCharset(bytes('<meta charset="utf-8">'))).toBe('utf-8');
    expect(declaredHtmlCharset(bytes('<p>no declaration</p>'))).toBeUndefined();
    expect(decodeText(bytes('ok'), 'no-such-charset')).toBe('ok');
  });
});
