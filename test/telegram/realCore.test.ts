import { askData } from '../../src/telegram/answering.js';
import type { Message, MessageOrigin } from 'grammy/types';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config.js';
import { corpusAdmin, openQantar, questionService } from '../../src/main.js';
import type { CorpusAdmin, QuestionService } from '../../src/telegram/services.js';
import { type FileServer, startFileServer } from './fileServer.js';
import { ADMIN_ID, TOKEN, createHarness } from './harness.js';
import { callbackUpdate, documentUpdate, inlineUpdate, message, messageUpdate, textUpdate, user } from './updates.js';

/**
 * The bot over the real question-answering core: a real index built from a copy of the repo's
 * corpus in a temp folder (uploads and removals write there, never into the repo).
 * The only coupling to src/main.ts is openQantar, questionService and corpusAdmin.
 */
let temp: string;
let services: QuestionService;
let admin: CorpusAdmin;
let files: FileServer;
let corpusText: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'qantar-bot-'));
  await cp(path.join(projectRoot, 'corpus'), path.join(temp, 'corpus'), { recursive: true });
  const names = (await readdir(path.join(temp, 'corpus'))).filter((name) => name.endsWith('.md'));
  corpusText = (await Promise.all(names.map((name) => readFile(path.join(temp, 'corpus', name), 'utf8')))).join('\n');
  const config = loadConfig({
    CORPUS_DIR: path.join(temp, 'corpus'),
    INDEX_DIR: path.join(temp, 'index'),
    MODELS_DIR: path.join(projectRoot, 'models'),
    LOG_LEVEL: 'silent',
  });
  const qantar = await openQantar(config);
  services = questionService(qantar);
  admin = corpusAdmin(qantar);
  files = await startFileServer();
}, 120_000);

afterAll(async () => {
  await files?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const real = () => createHarness({ services, admin, apiRoot: files.apiRoot });

describe('the bot over the real core', () => {
  it('answers a private question with verbatim quotes from the corpus', async () => {
    const h = real();
    await h.send(textUpdate('How many people were detained?'));
    const text = h.texts()[0]!;
    expect(text).toMatch(/^<b>.+<\/b>\n\n<blockquote>/);
    expect(text).toContain('<b>About two thousand</b>');
    for (const [, quoted] of text.matchAll(/<blockquote>(.*?)<\/blockquote>/gs)) {
      expect(corpusText).toContain(unescape(quoted!.replace(/<\/?b>/g, '')));
    }
    expect(text).toContain('— Kazakhstan: President confirmed the fact of torture of participants in the January events, ACCA');
  });

  it('abstains on an unrelated question and its example buttons ask real answerable questions', async () => {
    const h = real();
    await h.send(textUpdate('What is the capital of France?'));
    const reply = h.sent()[0]!.payload;
    expect(reply.text).toContain('my documents do not cover this question');
    expect(reply.reply_markup.inline_keyboard).toHaveLength(3);
    await h.send(callbackUpdate(reply.reply_markup.inline_keyboard[0][0].callback_data));
    expect(h.texts().at(-1)).toMatch(/^❓ <i>How many .+\?<\/i>\n\n<b>/);
  });

  it('answers a Kazakh question from the English documents, in Kazakh, saying the documents are English', async () => {
    const h = real();
    await h.send(textUpdate('бүлік кезінде қаза болғандардың саны қанша', { from: user(7, 'kk') }));
    const text = h.texts()[0]!;
    expect(text).toMatch(/^<i>ағылшын тіліндегі құжаттардан жауап:<\/i>\n\n<b>/);
    expect(text).toContain('230 people died');
  });

  it('tells a Kazakh user in Kazakh that an off-topic question is not covered, rather than refusing the language', async () => {
    const h = real();
    await h.send(textUpdate('Парижде ауа райы қандай?', { from: user(7, 'kk') }));
    expect(h.texts()[0]).toMatch(/^Кешіріңіз, менің құжаттарымда бұл сұраққа жауап жоқ/);
  });

  it('translates a Russian question to answer from the English documents, saying so above the answer', async () => {
    const h = real();
    await h.send(textUpdate('Сколько людей было задержано во время январских событий?', { from: user(7, 'ru') }));
    const text = h.texts()[0]!;
    expect(text).toMatch(/^<i>Ответ из документов на английском:<\/i>\n\n<b>/);
    expect(text).toContain('<b>About two thousand</b>');
  });

  it('says "probably" above the best sentence when no answer scores high enough', async () => {
    const h = real();
    await h.send(textUpdate('what role did the human rights ombudsman play in all this?'));
    const text = h.texts()[0]!;
    expect(text).toMatch(/^<i>Probably \(not sure this answers it\):<\/i>\n\n<blockquote>/);
    expect(text).toContain('Commissioner for Human Rights has been actively involved');
  });

  it('answers /ask in a group and an inline query', async () => {
    const h = real();
    await h.send(textUpdate('/ask@QantarBot How many people have been prosecuted?', { chat: 'group' }));
    expect(h.texts()[0]).toContain('<b>Several hundred</b>');
    await h.send(inlineUpdate('How many people were detained?'));
    const { results } = h.sent('answerInlineQuery')[0]!.payload;
    expect(results[0].title).toMatch(/^About two thousand — /);
    expect(results[0].description).toContain('— Kazakhstan: President confirmed');
  });

  it('lists the real documents in /sources', async () => {
    const h = real();
    await h.send(textUpdate('/sources'));
    expect(h.texts()[0]).toContain('• Kazakhstan: President confirmed the fact of torture of participants in the January events — ACCA');
  });

  it('reindexes while still answering, then adds, lists and removes an uploaded document', async () => {
    const h = real();
    const from = user(ADMIN_ID);
    await h.send(textUpdate('/reindex', { from }));
    await h.send(textUpdate('How many people were detained?'));
    await h.background.settled();
    expect(h.texts()[1]).toContain('About two thousand');
    expect(h.sent('editMessageText').at(-1)!.payload.text).toMatch(/^Reindexed 1 document, \d+ passages: \d+ embedded, \d+ reused, [\d.]+ s\.$/);

    files.files.set(`/file/bot${TOKEN}/documents/file_1.txt`, 'In Almaty 25 shopping centres were looted during the riots.\n');
    await h.send(documentUpdate('looting.txt', 60, { from, caption: 'Looting in Almaty' }));
    await h.background.settled();
    expect(h.sent('editMessageText').at(-1)!.payload.text).toMatch(/^Added ‘Looting in Almaty’: 1 passage, [\d.]+ s$/);

    await h.send(documentUpdate('looting.txt', 60, { from }));
    await h.background.settled();
    expect(h.sent('editMessageText').at(-1)!.payload.text).toContain('has the same text as “Looting in Almaty”');

    await h.send(textUpdate('/docs', { from }));
    const id = /<code>([^<]*looting-in-almaty[^<]*)<\/code>/.exec(h.texts().at(-1)!)?.[1];
    expect(id).toBeDefined();
    await h.send(textUpdate(`/remove ${id}`, { from }));
    const confirm = h.sent().at(-1)!.payload;
    const data = confirm.reply_markup.inline_keyboard[0][0].callback_data as string;
    await h.send(callbackUpdate(data, { from, message: message('…', { from: user(777), extra: { chat: { id: ADMIN_ID, type: 'private', first_name: 'A' } } as any }) }));
    await h.background.settled();
    expect(h.sent('editMessageText').at(-1)!.payload.text).toMatch(/^Removed ‘Looting in Almaty’\. Now 1 document/);
    expect(services.documents()).toHaveLength(1);
  });
});

/** An admin forwards a channel post: added, answerable at once with its t.me link, refused when forwarded again, gone after Undo. */
const POST =
  'Almaty airport seized by protesters\n\n' +
  'On 5 January protesters seized Almaty International Airport and held it for several hours, the airport press service said. ' +
  'All flights from Almaty were cancelled until 13 January.';
const CHANNEL: MessageOrigin = { type: 'channel', date: Date.UTC(2022, 0, 5, 9, 30) / 1000, message_id: 4512, chat: { id: -100123, type: 'channel', title: 'Orda.kz', username: 'orda_kz' } };
const fromAdmin = user(ADMIN_ID);
const forwarded = (origin: MessageOrigin): Message => message(undefined, { from: fromAdmin, extra: { forward_origin: origin, text: POST } });
const lastEdit = (h: ReturnType<typeof createHarness>) => h.sent('editMessageText').at(-1)!.payload;

describe('a forwarded channel post over the real core', () => {
  it('is answerable right after it is added, with its t.me link under the quote; a second forward is refused with its id; Undo removes it', async () => {
    const h = createHarness({ services, admin });
    await h.send(messageUpdate(forwarded(CHANNEL)));
    await h.background.settled();
    const added = lastEdit(h);
    expect(added.text).toMatch(/^Added ‘Almaty airport seized by protesters’: 1 passage, [\d.]+ s\n— <a href="https:\/\/t\.me\/orda_kz\/4512">Almaty airport seized by protesters<\/a>, Orda\.kz$/);
    const id = services.documents().find((d) => d.url === 'https://t.me/orda_kz/4512')?.id;
    expect(services.documents().find((d) => d.id === id)).toMatchObject({ publisher: 'Orda.kz', date: '2022-01-05' });

    await h.send(textUpdate('When did protesters seize Almaty airport?'));
    const answer = h.texts().at(-1)!;
    expect(answer).toContain('— <a href="https://t.me/orda_kz/4512">Almaty airport seized by protesters</a>, Orda.kz');
    const quoted = [...answer.matchAll(/<blockquote>(.*?)<\/blockquote>/gs)].map(([, q]) => unescape(q!.replace(/<\/?b>/g, '')));
    expect(quoted.some((q) => POST.includes(q) && q.includes('seized Almaty International Airport'))).toBe(true);

    await h.send(messageUpdate(forwarded(CHANNEL)));
    expect(h.texts().at(-1)).toBe(`This post is already in the corpus as <code>${id}</code>.`);
    await h.send(messageUpdate(forwarded({ type: 'hidden_user', date: CHANNEL.date, sender_user_name: 'Reader' })));
    await h.background.settled();
    expect(lastEdit(h).text).toBe(`This post is already in the corpus as <code>${id}</code>.`);

    const undo = added.reply_markup.inline_keyboard[0][0].callback_data as string;
    const reply = message('…', { from: user(777), extra: { chat: { id: ADMIN_ID, type: 'private', first_name: 'A' } } as any });
    await h.send(callbackUpdate(undo, { from: fromAdmin, message: reply }));
    await h.background.settled();
    expect(lastEdit(h).text).toMatch(/^Removed ‘Almaty airport seized by protesters’\. Now 1 document/);
    expect(services.documents().map((d) => d.url)).not.toContain('https://t.me/orda_kz/4512');
  });
});
