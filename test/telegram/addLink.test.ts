import { describe, expect, it } from 'vitest';
import { ADMIN_ID, createHarness } from './harness.js';
import { textUpdate, user } from './updates.js';

const edits = (h: ReturnType<typeof createHarness>) => h.sent('editMessageText').map((c) => c.payload.text as string);

describe('/add <url> over the CorpusAdmin port', () => {
  it('refuses a non-admin and an admin in a group, without fetching', async () => {
    const h = createHarness();
    await h.send(textUpdate('/add https://example.org/news'));
    await h.send(textUpdate('/add https://example.org/news', { from: user(ADMIN_ID), chat: 'group' }));
    expect(h.texts()).toEqual(['Sorry, this is for the bot’s administrators only.', 'Please use admin commands in a private chat with me.']);
    expect(h.admin.calls).toEqual([]);
  });

  it('explains the command when the link is missing', async () => {
    const h = createHarness();
    await h.send(textUpdate('/add', { from: user(ADMIN_ID, 'ru') }));
    expect(h.texts()[0]).toMatch(/^Напишите ссылку после команды, например <code>\/add https:\/\/example\.org\/news\/almaty<\/code>/);
    expect(h.admin.calls).toEqual([]);
  });

  it('passes the link and an optional title, edits one message with progress, and ends with what was added', async () => {
    const h = createHarness();
    h.admin.holdJobs = true;
    await h.send(textUpdate('/add https://example.org/news?id=1&x=<b> Almaty unrest', { from: user(ADMIN_ID) }));
    expect(h.texts()).toEqual(['Fetching https://example.org/news?id=1&amp;x=&lt;b&gt;…']);
    expect(h.admin.calls).toEqual([{ method: 'addLink', arg: { url: 'https://example.org/news?id=1&x=<b>', title: 'Almaty unrest', addedBy: `telegram:${ADMIN_ID}` } }]);
    h.clock.advance(3000);
    h.admin.progress!({ stage: 'downloading', done: 120, total: 480 });
    h.clock.advance(3000);
    h.admin.progress!({ stage: 'reading', done: 3, total: 20 });
    h.admin.finishJob();
    await h.background.settled();
    expect(edits(h)).toEqual(['Downloading, KB 120 / 480 (25%)', expect.stringMatching(/^Reading pages 3 \/ 20 \(15%\)/), 'Added ‘New doc’: 42 passages, 3.1 s']);
    expect(h.sent()).toHaveLength(1);
  });

  it('reads a link typed without a scheme as https', async () => {
    const h = createHarness();
    await h.send(textUpdate('/add tengrinews.kz/news/1', { from: user(ADMIN_ID) }));
    await h.background.settled();
    expect(h.admin.calls).toEqual([{ method: 'addLink', arg: { url: 'https://tengrinews.kz/news/1', title: undefined, addedBy: `telegram:${ADMIN_ID}` } }]);
  });

  it('says why a link was refused, in the admin’s language', async () => {
    const h = createHarness();
    h.admin.linkOutcome = { status: 'refused', refusal: { reason: 'too-many-redirects', detail: 'more than 5 redirects' } };
    await h.send(textUpdate('/add http://loop.example/', { from: user(ADMIN_ID, 'ru') }));
    await h.background.settled();
    expect(edits(h).at(-1)).toBe('Я не стал загружать http://loop.example/: она перенаправляет больше 5 раз.');
  });

  it('answers busy instead of starting a second corpus change', async () => {
    const h = createHarness();
    h.admin.busy = true;
    await h.send(textUpdate('/add https://example.org/news', { from: user(ADMIN_ID) }));
    expect(h.texts()).toEqual(['A corpus change is already running. Try again when it has finished.']);
    expect(h.admin.calls).toEqual([]);
  });
});
