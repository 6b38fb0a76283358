import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { type Qantar, corpusAdmin, openQantar, questionService } from '../../src/main.js';
import type { CorpusAdmin, QuestionService } from '../../src/telegram/services.js';
import { writeDocx } from '../corpus/extract/fixtures.js';
import { longReport, scannedPdf, twoPageReport } from '../../scripts/bench/reportPdf.js';
import { BOILERPLATE, type SiteServer, startSiteServer } from '../corpus/extract/siteServer.js';
import { type FileServer, startFileServer } from './fileServer.js';
import { ADMIN_ID, TOKEN, createHarness } from './harness.js';
import { documentUpdate, textUpdate, user } from './updates.js';

/**
 * A linked article, a PDF and a .docx, each added through the bot and answered right after through
 * the real core, with its source under the quote. Real index on a temp copy of the corpus, a real
 * HTTP site on 127.0.0.1 (so URL_FETCH_ALLOW_PRIVATE=on, except where the default is under test).
 */
let temp: string;
let qantar: Qantar;
let services: QuestionService;
let admin: CorpusAdmin;
let files: FileServer;
let site: SiteServer;

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'qantar-ingest-'));
  await cp(path.join(projectRoot, 'corpus'), path.join(temp, 'corpus'), { recursive: true });
  const config = loadConfig({
    CORPUS_DIR: path.join(temp, 'corpus'),
    INDEX_DIR: path.join(temp, 'index'),
    MODELS_DIR: path.join(projectRoot, 'models'),
    LOG_LEVEL: 'silent',
    URL_FETCH_ALLOW_PRIVATE: 'on',
  });
  qantar = await openQantar(config);
  services = questionService(qantar);
  admin = corpusAdmin(qantar);
  files = await startFileServer();
  site = await startSiteServer();
}, 120_000);

afterAll(async () => {
  await files?.close();
  await site?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

const from = user(ADMIN_ID);
const real = (overrides: { admin?: CorpusAdmin } = {}) => createHarness({
    services,
    admin: overrides.admin ?? admin,
    apiRoot: files.apiRoot,
    limits: { maxQuestionLength: 300, maxUploadBytes: 2 * 1024 * 1024, rateLimitPerMinute: 100 },
  });
const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const lastEdit = (h: ReturnType<typeof real>) => h.sent('editMessageText').at(-1)?.payload.text as string;

async function storedBody(titlePart: string): Promise<string> {
  const dir = path.join(temp, 'corpus');
  for (const name of await readdir(dir)) {
    const content = await readFile(path.join(dir, name), 'utf8');
    if (content.includes(titlePart)) return content.slice(content.indexOf('\n---\n') + 5);
  }
  throw new Error(`no stored document with ${titlePart}`);
}

/** Asks in private chat; every blockquote must be a verbatim slice of `body`, and the source line follows it. */
async function askAndCheck(question: string, body: string, expectedQuote: string, source: string): Promise<void> {
  const h = real();
  await h.send(textUpdate(question));
  const text = h.texts()[0]!;
  const quotes = [...text.matchAll(/<blockquote>(.*?)<\/blockquote>/gs)].map(([, q]) => unescape(q!.replace(/<\/?b>/g, '')));
  expect(quotes.join('\n')).toContain(expectedQuote);
  const fromNew = quotes.filter((q) => q.includes(expectedQuote));
  for (const quoted of fromNew) expect(body).toContain(quoted);
  expect(text).toContain(source);
}

describe('adding documents the ways news travels, over the real core', () => {
  it('adds a linked article through /add, after its redirect, without menus, ads or comments, and answers from it with its url', async () => {
    const h = real();
    await h.send(textUpdate(`/add ${site.origin}/short-link`, { from }));
    expect(h.texts()[0]).toBe(`Fetching ${site.origin}/short-link…`);
    await h.background.settled();
    expect(lastEdit(h)).toMatch(/^Added ‘Almaty unrest: what we know’: \d+ passages?, [\d.]+ s$/);
    const body = await storedBody('Almaty unrest: what we know');
    for (const junk of BOILERPLATE) expect(body).not.toContain(junk);
    const stored = await readFile(path.join(temp, 'corpus', (await readdir(path.join(temp, 'corpus'))).find((n) => n.includes('almaty-unrest'))!), 'utf8');
    expect(stored).toContain(`url: "${site.origin}/article"`);
    expect(stored).toContain('publisher: "Steppe News"');
    expect(stored).toContain('date: "2022-01-12"');
    expect(stored).toContain('language: "en"');
    await askAndCheck(
      'How many law enforcement officers died during the unrest?',
      body,
      '238 people died during the unrest, including 19 law enforcement officers',
      `— <a href="${site.origin}/article">Almaty unrest: what we know</a>, Steppe News`,
    );
  });

  it('adds an uploaded two-page PDF and answers from a paragraph that was broken across lines and pages', async () => {
    files.files.set(`/file/bot${TOKEN}/documents/file_1.txt`, twoPageReport());
    const h = real();
    await h.send(documentUpdate('report.pdf', 2000, { from }));
    await h.background.settled();
    expect(lastEdit(h)).toMatch(/^Added ‘January Events Report’: \d+ passages?, [\d.]+ s$/);
    const body = await storedBody('January Events Report');
    expect(body).not.toContain('Human Rights Monitor - January Events Report');
    await askAndCheck(
      'How long were lawyers denied access to their clients?',
      body,
      'Lawyers were denied access to their clients for up to five days in several police stations.',
      '— January Events Report',
    );
  });

  it('adds an uploaded .docx and answers from it', async () => {
    const docx = writeDocx(['Internet shutdown in Kazakhstan', 'The internet was shut down across Kazakhstan on 5 January 2022 and stayed off for five days.']);
    files.files.set(`/file/bot${TOKEN}/documents/file_1.txt`, docx);
    const h = real();
    await h.send(documentUpdate('shutdown.docx', docx.length, { from }));
    await h.background.settled();
    expect(lastEdit(h)).toMatch(/^Added ‘Internet shutdown in Kazakhstan’: \d+ passages?, [\d.]+ s$/);
    const body = await storedBody('Internet shutdown in Kazakhstan');
    await askAndCheck('When was the internet shut down in Kazakhstan?', body, 'The internet was shut down across Kazakhstan on 5 January 2022', '— Internet shutdown in Kazakhstan');
  });

  it('takes a link to a PDF down the PDF path, and a .docx served as application/octet-stream', async () => {
    site.files.set('/reports/monitoring.pdf', { body: longReport(2, 42), type: 'application/pdf' });
    const docx = writeDocx(['Checkpoints in Almaty', 'Soldiers set up checkpoints on the roads into Almaty on 6 January 2022.']);
    site.files.set('/download/checkpoints.docx', { body: docx, type: 'application/octet-stream' });
    const h = real();
    await h.send(textUpdate(`/add ${site.origin}/reports/monitoring.pdf`, { from }));
    await h.background.settled();
    expect(lastEdit(h)).toMatch(/^Added ‘Monitoring report 42’: \d+ passages, [\d.]+ s$/);
    await h.send(textUpdate(`/add ${site.origin}/download/checkpoints.docx`, { from }));
    await h.background.settled();
    expect(lastEdit(h)).toMatch(/^Added ‘Checkpoints in Almaty’: \d+ passages?, [\d.]+ s$/);
    const summary = services.documents().find((d) => d.title === 'Checkpoints in Almaty');
    expect(summary?.url).toBe(`${site.origin}/download/checkpoints.docx`);
  });

  it('refuses a scanned PDF in the admin’s language, and keeps the corpus as it was', async () => {
    files.files.set(`/file/bot${TOKEN}/documents/file_1.txt`, scannedPdf());
    const before = services.documents().length;
    const h = real();
    await h.send(documentUpdate('scan.pdf', 900, { from: user(ADMIN_ID, 'ru') }));
    await h.background.settled();
    expect(lastEdit(h)).toBe('В этом PDF нет текста для чтения (сканированные страницы не поддерживаются).');
    expect(services.documents()).toHaveLength(before);
  });

  it('with the default settings refuses a link to 127.0.0.1, saying why, without fetching it', async () => {
    const strict = corpusAdmin({ ...qantar, config: { ...qantar.config, urlFetchAllowPrivate: false } });
    const h = real({ admin: strict });
    await h.send(textUpdate(`/add ${site.origin}/article`, { from: user(ADMIN_ID, 'kk') }));
    await h.background.settled();
    expect(lastEdit(h)).toBe(`${site.origin}/article сілтемесін жүктемедім: ол жергілікті немесе ішкі желі мекенжайына апарады, қауіпсіздік үшін мұндай сілтемелерге тыйым салынған.`);
  });

  it('refuses a link of the wrong content type, and a page without an article', async () => {
    const h = real();
    await h.send(textUpdate(`/add ${site.origin}/video`, { from }));
    await h.background.settled();
    expect(lastEdit(h)).toBe(`I did not fetch ${site.origin}/video: only web pages, PDF, plain text and Word (.docx) files can be added.`);
    site.files.set('/links', { body: new TextEncoder().encode('<html><body><nav><a href="/a">A</a></nav></body></html>'), type: 'text/html' });
    await h.send(textUpdate(`/add ${site.origin}/links`, { from }));
    await h.background.settled();
    expect(lastEdit(h)).toBe('I found no article text on that page.');
  });
});
