import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMeta, RejectionReason } from '../../src/corpus/document.js';
import { parseFrontMatter, renderDocumentFile, titleFromBody } from '../../src/corpus/frontMatter.js';
import { hashCorpus, loadCorpus, parseDocument } from '../../src/corpus/loadCorpus.js';
import { decodeDocumentBytes, formatBytes } from '../../src/corpus/validateText.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeDocumentBytes', () => {
  it.each<[string, Uint8Array, number, RejectionReason, RegExp]>([
    ['empty file', new Uint8Array(0), 100, 'empty', /^notes\.md is empty\.$/],
    ['only whitespace', utf8(' \n\t\r\n '), 100, 'empty', /is empty/],
    ['only a byte order mark', Uint8Array.of(0xef, 0xbb, 0xbf), 100, 'empty', /is empty/],
    ['too large', utf8('x'.repeat(11)), 10, 'too-large', /^notes\.md is 11 B; the limit is 10 B\.$/],
    ['too large, in megabytes', new Uint8Array(3 * 1024 * 1024).fill(0x61), 2 * 1024 * 1024, 'too-large', /3\.0 MB; the limit is 2\.0 MB/],
    ['NUL bytes', utf8('text\u0000more text'), 100, 'binary', /notes\.md looks like a binary file \(it contains NUL bytes\)/],
    ['UTF-16 text with a byte order mark', Uint8Array.of(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00), 100, 'not-utf8', /UTF-16 text. Save it as UTF-8/],
    ['UTF-16 text without a byte order mark (NUL between ASCII letters)', Uint8Array.of(0x68, 0x00, 0x69, 0x00), 100, 'binary', /NUL bytes/],
    ['control characters', utf8(`${'\u0001\u0002\u0003'.repeat(5)}some text`), 100, 'binary', /too many control characters/],
    ['invalid UTF-8 (Latin-1 é)', Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x0a), 100, 'not-utf8', /^notes\.md is not valid UTF-8 text\./],
    ['truncated multi-byte sequence', Uint8Array.of(0x48, 0xc3), 100, 'not-utf8', /not valid UTF-8/],
    ['lone continuation byte', Uint8Array.of(0x80, 0x41), 100, 'not-utf8', /not valid UTF-8/],
  ])('rejects %s, naming the file', (_, bytes, maxBytes, reason, message) => {
    const result = decodeDocumentBytes(bytes, 'notes.md', maxBytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.reason).toBe(reason);
    expect(result.rejection.message).toMatch(message);
    expect(result.rejection.message).toContain('notes.md');
  });

  it.each<[string, Uint8Array, string]>([
    ['plain ASCII', utf8('Hello.\n'), 'Hello.\n'],
    ['Cyrillic and Kazakh letters', utf8('Қаңтар оқиғалары. Январские события.'), 'Қаңтар оқиғалары. Январские события.'],
    ['a byte order mark, which is dropped', Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('Text')), 'Text'],
    ['a few tabs and line breaks', utf8('a\tb\r\nc\n'), 'a\tb\r\nc\n'],
  ])('accepts %s', (_, bytes, expected) => {
    expect(decodeDocumentBytes(bytes, 'notes.md', 100)).toEqual({ ok: true, value: expected });
  });

  it('accepts a file of exactly the limit', () => {
    expect(decodeDocumentBytes(utf8('x'.repeat(10)), 'notes.md', 10).ok).toBe(true);
  });

  it.each<[number, string]>([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [2 * 1024 * 1024, '2.0 MB'],
  ])('formatBytes(%i) = %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('front matter', () => {
  const SEED_TITLE = 'Kazakhstan: President confirmed the fact of torture of participants in the January events';

  it.each<[string, Partial<DocumentMeta>, string]>([
    ['a title with a colon', { title: SEED_TITLE, publisher: 'ACCA', language: 'en' }, 'Body.\n'],
    [
      'every key, with quotes and colons',
      {
        title: 'He said: "enough" — and left',
        publisher: 'Radio "Azattyq": Almaty',
        url: 'https://example.com/a?b=c:d#e',
        date: '2022-01-05',
        language: 'ru',
        addedBy: '12345',
      },
      'Text with "quotes".',
    ],
    ['typographic quotes and apostrophes', { title: '“Bloody January”: the Prosecutor General’s report' }, 'x'],
    ['backslashes, tabs and a newline in a title', { title: 'C:\\path\\to\tfile\nsecond line' }, 'x'],
    ['a title that looks like a fence or a comment', { title: '--- # not a comment' }, 'x'],
    ['a body that starts with a blank line', { title: 'T' }, '\nFirst paragraph.\n'],
    ['a body that starts with its own fence', { title: 'T' }, '---\nnot front matter\n---\n'],
    ['an empty body', { title: 'T' }, ''],
    ['CRLF line endings in the body', { title: 'T' }, 'Line one.\r\nLine two.\r\n'],
    ['no metadata at all', {}, 'Only a body.'],
  ])('round-trips %s', (_, meta, body) => {
    const rendered = renderDocumentFile(meta, body);
    expect(parseFrontMatter(rendered)).toEqual({ meta, body });
  });

  it('leaves out keys without a value when rendering', () => {
    expect(renderDocumentFile({ title: 'T', publisher: null, url: '' }, 'b')).toBe('---\ntitle: "T"\n---\nb');
  });

  it.each<[string, string, Record<string, string>, string]>([
    ['no front matter', 'Just text.\n---\n', {}, 'Just text.\n---\n'],
    ['bare values, a colon inside one', '---\ntitle: Kazakhstan: January\npublisher:  ACCA \n---\nBody', { title: 'Kazakhstan: January', publisher: 'ACCA' }, 'Body'],
    ['CRLF fences', '---\r\ntitle: "T"\r\n---\r\nBody\r\n', { title: 'T' }, 'Body\r\n'],
    ['comments, blank lines, unknown keys and empty values', '---\n# a comment\n\neditor: X\ntitle: T\nurl:\n---\nB', { title: 'T' }, 'B'],
    ['a closing fence at the end of the file', '---\ntitle: T\n---', { title: 'T' }, ''],
  ])('parses %s', (_, source, meta, body) => {
    expect(parseFrontMatter(source)).toEqual({ meta, body });
  });

  it.each<[string, string, RegExp]>([
    ['a fence that never closes', '---\ntitle: T\nBody', /never closes/],
    ['a line that is not key: value', '---\ntitle: T\njust words\n---\nB', /"just words" is not "key: value"/],
    ['a broken quoted value', '---\ntitle: "unterminated\n---\nB', /value of "title" is not a valid quoted string/],
  ])('reports %s', (_, source, error) => {
    const parsed = parseFrontMatter(source);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(error);
  });

  it.each<[string, string]>([
    ['# A markdown heading\n\nText.', 'A markdown heading'],
    ['\n\n  First line  \nSecond', 'First line'],
    ['   \n', 'fallback'],
    [`${'w'.repeat(130)}\n`, `${'w'.repeat(117)}…`],
  ])('titleFromBody(%j) = %j', (body, expected) => {
    expect(titleFromBody(body, 'fallback')).toBe(expected);
  });
});

describe('parseDocument', () => {
  it('reads the metadata, keeps the body byte-for-byte and takes the id from the file name', () => {
    const source = '---\ntitle: "A: B"\npublisher: P\n---\nFirst line\nSecond line.';
    const doc = parseDocument('2022_report.md', utf8(source), 1000);
    expect(doc).toMatchObject({ id: '2022_report', fileName: '2022_report.md', title: 'A: B', publisher: 'P', url: null, text: 'First line\nSecond line.' });
    expect(doc).toHaveProperty('contentHash', expect.stringMatching(/^[0-9a-f]{64}$/));
  });

  it('names a document without a title after its first line', () => {
    expect(parseDocument('n.txt', utf8('\n# Headline here\nBody.'), 1000)).toMatchObject({ title: 'Headline here', language: null });
  });

  it.each<[string, string, RejectionReason, RegExp]>([
    ['front matter without text', '---\ntitle: T\n---\n \n', 'empty', /^x\.md has front matter but no text\.$/],
    ['broken front matter', '---\ntitle: T\n', 'bad-front-matter', /^x\.md: front matter starts with --- but never closes\.$/],
  ])('rejects %s, naming the file', (_, source, reason, message) => {
    const doc = parseDocument('x.md', utf8(source), 1000);
    expect(doc).toEqual({ rejection: { reason, message: expect.stringMatching(message) } });
  });
});

describe('loadCorpus', () => {
  let dir: string;
  const MAX = 2000;
  const GOOD = '---\ntitle: "Good: a document"\npublisher: "Desk"\n---\nGood document\n\nAbout 4,500 books arrived in March.\n';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qantar-corpus-'));
    const files: Record<string, string | Uint8Array> = {
      'good.md': GOOD,
      'empty.txt': '',
      'binary.md': Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01),
      'latin1.txt': Uint8Array.of(0x63, 0x61, 0x66, 0xe9),
      'big.md': 'x'.repeat(MAX + 1),
      'broken.md': '---\ntitle: never closed\nText.',
      'onlymeta.md': '---\ntitle: "T"\n---\n\n',
      // Same id as good.md: one would shadow the other in the index.
      'good.txt': 'Another document with the same name.',
      // Not corpus files: skipped without a rejection.
      'image.pdf': '%PDF-1.4',
      '.hidden.md': 'Hidden.',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads the good file and rejects each bad one with a message naming it', async () => {
    const corpus = await loadCorpus(dir, MAX);
    expect(corpus.documents.map((d) => d.fileName)).toEqual(['good.md']);
    expect(corpus.documents[0]).toMatchObject({ id: 'good', title: 'Good: a document', publisher: 'Desk', text: 'Good document\n\nAbout 4,500 books arrived in March.\n' });
    expect(corpus.rejected.map((r) => [r.fileName, r.reason])).toEqual([
      ['big.md', 'too-large'],
      ['binary.md', 'binary'],
      ['broken.md', 'bad-front-matter'],
      ['empty.txt', 'empty'],
      ['good.txt', 'duplicate'],
      ['latin1.txt', 'not-utf8'],
      ['onlymeta.md', 'empty'],
    ]);
    for (const rejected of corpus.rejected) expect(rejected.message).toContain(rejected.fileName);
    expect(corpus.rejected.find((r) => r.fileName === 'good.txt')?.message).toContain('good.md');
  });

  it('hashes the accepted files: the same corpus gives the same hash, a changed file another', async () => {
    const first = await loadCorpus(dir, MAX);
    expect(first.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadCorpus(dir, MAX)).corpusHash).toBe(first.corpusHash);
    expect(first.corpusHash).toBe(hashCorpus(first.documents));

    await writeFile(path.join(dir, 'good.md'), GOOD.replace('4,500', '4,600'));
    const changed = await loadCorpus(dir, MAX);
    expect(changed.documents[0]!.text).toContain('4,600');
    expect(changed.corpusHash).not.toBe(first.corpusHash);

    // Only the metadata changes: the document must still count as changed.
    await writeFile(path.join(dir, 'good.md'), GOOD.replace('"Desk"', '"Other desk"'));
    const retitled = await loadCorpus(dir, MAX);
    expect(retitled.documents[0]!.text).toBe(first.documents[0]!.text);
    expect(retitled.corpusHash).not.toBe(first.corpusHash);

    await writeFile(path.join(dir, 'good.md'), GOOD);
    expect((await loadCorpus(dir, MAX)).corpusHash).toBe(first.corpusHash);
  });

  it('hashes file names too, independently of their order', () => {
    const a = { fileName: 'a.md', contentHash: '1' };
    const b = { fileName: 'b.md', contentHash: '2' };
    expect(hashCorpus([a, b])).toBe(hashCorpus([b, a]));
    expect(hashCorpus([a, b])).not.toBe(hashCorpus([{ ...a, fileName: 'c.md' }, b]));
    expect(hashCorpus([])).not.toBe(hashCorpus([a]));
  });

  it('refuses a missing corpus folder with an error naming CORPUS_DIR, and creates nothing', async () => {
    const missing = path.join(dir, 'nested', 'corpus');
    await expect(loadCorpus(missing, MAX)).rejects.toThrow(`The corpus folder ${missing} does not exist (CORPUS_DIR).`);
    await expect(stat(missing)).rejects.toThrow(/ENOENT/);
  });

  it('loads an empty corpus folder as empty', async () => {
    const empty = path.join(dir, 'empty');
    await mkdir(empty);
    const corpus = await loadCorpus(empty, MAX);
    expect(corpus).toMatchObject({ documents: [], rejected: [] });
    expect(corpus.corpusHash).toBe(hashCorpus([]));
  });
});

describe('unreadable entries and UTF-16', () => {
  it('skips a folder named like a document instead of aborting the whole corpus', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qantar-unreadable-'));
    await mkdir(path.join(dir, 'folder.md'));
    await writeFile(path.join(dir, 'good.txt'), 'A good document.');
    const corpus = await loadCorpus(dir, 1024);
    expect(corpus.documents.map((d) => d.id)).toEqual(['good']);
    expect(corpus.rejected).toEqual([expect.objectContaining({ reason: 'unreadable', fileName: 'folder.md' })]);
    expect(corpus.rejected[0]?.message).toMatch(/^folder\.md cannot be read/);
    await rm(dir, { recursive: true, force: true });
  });

  it('says that UTF-16 text must be saved as UTF-8', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]);
    const result = decodeDocumentBytes(utf16, 'notes.txt', 1024);
    expect(result).toEqual({ ok: false, rejection: { reason: 'not-utf8', message: 'notes.txt is UTF-16 text. Save it as UTF-8 and try again.' } });
  });
});
