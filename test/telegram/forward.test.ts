import type { Message, MessageOrigin } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/corpus/frontMatter.js';
import { confirmData } from '../../src/telegram/features/adminRemove.js';
import type { NewDocument } from '../../src/telegram/services.js';
import { ADMIN_ID, DOCS, createHarness } from './harness.js';
import { callbackUpdate, message, messageUpdate, user } from './updates.js';

const POST_DATE = Date.UTC(2022, 0, 5, 9, 30) / 1000;
const channel = (messageId: number, username: string | null = 'orda_kz'): MessageOrigin => ({
  type: 'channel',
  date: POST_DATE,
  message_id: messageId,
  chat: { id: -100123, type: 'channel', title: 'Orda.kz', ...(username ? { username } : {}) },
});

/** A message as Telegram delivers a forward: the forwarder's message, the origin beside it. */
function forwarded(origin: MessageOrigin, content: Partial<Message>, from = user(ADMIN_ID)): Message {
  return message(undefined, { from, extra: { forward_origin: origin, ...content } });
}

const PHOTO = [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }];
const POST = 'Almaty airport seized\n\nProtesters took control of Almaty airport on 5 January.';

/** A wait the test releases: the album is complete when the test says so, not when a timer fires. */
function gate(): { wait: () => Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

const storedFile = (h: ReturnType<typeof createHarness>, call = 0) => {
  const document = h.admin.calls.filter((c) => c.method === 'addDocument')[call]!.arg as NewDocument;
  const parsed = parseFrontMatter(new TextDecoder().decode(document.bytes));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('a post an admin forwards', () => {
  it('is added with its channel, date and t.me link, and the reply offers Undo', async () => {
    const h = createHarness();
    await h.send(messageUpdate(forwarded(channel(4512), { text: POST })));
    await h.background.settled();
    expect(h.texts()).toEqual(['Adding the post from Orda.kz…']);
    expect(storedFile(h)).toEqual({
      meta: { title: 'Almaty airport seized', publisher: 'Orda.kz', url: 'https://t.me/orda_kz/4512', date: '2022-01-05', language: 'en' },
      body: POST,
    });
    expect(h.admin.calls[0]!.arg).toMatchObject({ addedBy: `telegram:${ADMIN_ID}` });
    const done = h.sent('editMessageText').at(-1)!.payload;
    expect(done.text).toBe('Added ‘New doc’: 42 passages, 3.1 s\n— <a href="https://example.org/acca">New doc</a>, ACCA');
    expect(done.reply_markup.inline_keyboard).toEqual([[{ text: 'Undo', callback_data: confirmData('new') }]]);
  });

  it('Undo removes the added document through the remove route, for an admin only', async () => {
    const h = createHarness();
    await h.send(messageUpdate(forwarded(channel(4512), { text: POST })));
    await h.background.settled();
    const undo = h.sent('editMessageText').at(-1)!.payload.reply_markup.inline_keyboard[0][0].callback_data as string;
    // As the real core would after the add: the new document is listed.
    h.services.docs = [...DOCS, { ...DOCS[0]!, id: 'new', title: 'New doc' }];
    await h.send(callbackUpdate(undo));
    await h.background.settled();
    expect(h.admin.calls.map((c) => c.method)).toEqual(['addDocument']);
    expect(h.sent('answerCallbackQuery')[0]!.payload).toMatchObject({ text: 'Sorry, this is for the bot’s administrators only.', show_alert: true });
    await h.send(callbackUpdate(undo, { from: user(ADMIN_ID), message: message('…', { from: user(777), extra: { chat: { id: ADMIN_ID, type: 'private', first_name: 'A' } } as any }) }));
    await h.background.settled();
    expect(h.admin.calls.at(-1)).toEqual({ method: 'removeDocument', arg: 'new' });
    expect(h.sent('editMessageText').map((c) => c.payload.text)).toContain('Removing ‘New doc’…');
  });

  it('adds a caption, with no link from a private channel, cited by the channel title', async () => {
    const h = createHarness();
    await h.send(messageUpdate(forwarded(channel(9, null), { photo: PHOTO, caption: 'Curfew in Almaty from 23:00.' })));
    await h.background.settled();
    expect(storedFile(h).meta).toEqual({ title: 'Curfew in Almaty from 23:00.', publisher: 'Orda.kz', date: '2022-01-05', language: 'en' });
  });

  it('refuses a post already in the corpus by its t.me link, naming its id, before adding anything', async () => {
    const h = createHarness();
    h.services.docs = [...DOCS, { ...DOCS[0]!, id: '20260105_airport_1a2b3c4d', url: 'https://t.me/orda_kz/4512' }];
    await h.send(messageUpdate(forwarded(channel(4512), { text: POST })));
    await h.background.settled();
    expect(h.texts()).toEqual(['This post is already in the corpus as <code>20260105_airport_1a2b3c4d</code>.']);
    expect(h.admin.calls).toEqual([]);
  });

  it('refuses a post with the text of a document already in the corpus, naming its id', async () => {
    const h = createHarness();
    h.admin.addOutcome = { status: 'rejected', rejection: { reason: 'duplicate', message: 'same text', documentId: 'acca-torture' } };
    await h.send(messageUpdate(forwarded({ type: 'hidden_user', date: POST_DATE, sender_user_name: 'Witness' }, { text: POST }, user(ADMIN_ID, 'ru'))));
    await h.background.settled();
    expect(h.sent('editMessageText').at(-1)!.payload).toEqual(expect.objectContaining({ text: 'Этот пост уже есть в корпусе: <code>acca-torture</code>.' }));
    expect(h.sent('editMessageText').at(-1)!.payload.reply_markup).toBeUndefined();
  });

  it('refuses a forward with nothing to read, with the reason in the admin’s language', async () => {
    const h = createHarness();
    await h.send(messageUpdate(forwarded(channel(10), { photo: PHOTO }, user(ADMIN_ID, 'kk'))));
    await h.background.settled();
    expect(h.texts()).toEqual(['Қайта жіберілген хабарламада мәтін де, сипаттама да жоқ, сондықтан қосатын ештеңе жоқ: фото, бейне және дауыстық хабарламаларды оқымаймын. Мәтіні бар жазбаны жіберіңіз.']);
    expect(h.admin.calls).toEqual([]);
  });

  it('does not add the bot’s own answer forwarded back to it', async () => {
    const h = createHarness();
    const bot = { id: 777, is_bot: true, first_name: 'Qantar', username: 'QantarBot' };
    await h.send(messageUpdate(forwarded({ type: 'user', date: POST_DATE, sender_user: bot }, { text: POST })));
    expect(h.texts()).toEqual(['That is my own message: what I say is quoted from the corpus already, so I do not add it.']);
    expect(h.admin.calls).toEqual([]);
  });

  it('says a corpus change is running instead of queueing another', async () => {
    const h = createHarness();
    h.admin.busy = true;
    await h.send(messageUpdate(forwarded(channel(11), { text: POST })));
    expect(h.texts()).toEqual(['A corpus change is already running. Try again when it has finished.']);
    expect(h.admin.calls).toEqual([]);
  });
});

describe('a forwarded album', () => {
  it('is one document: the parts collected until the wait ends, their captions joined in message order', async () => {
    const album = gate();
    const h = createHarness({ albumWait: album.wait });
    const parts = [
      forwarded(channel(20), { photo: PHOTO, media_group_id: 'g1', caption: 'Photos from the square, 5 January.' }),
      forwarded(channel(21), { photo: PHOTO, media_group_id: 'g1' }),
      forwarded(channel(22), { photo: PHOTO, media_group_id: 'g1', caption: 'The akimat is on fire.' }),
    ];
    // The second part arrives first: the order is the messages' own, not the arrival's.
    for (const part of [parts[1]!, parts[0]!, parts[2]!]) await h.send(messageUpdate(part));
    expect(h.texts()).toEqual([]);
    album.open();
    await h.background.settled();
    expect(h.admin.calls.map((c) => c.method)).toEqual(['addDocument']);
    expect(storedFile(h)).toMatchObject({
      meta: { title: 'Photos from the square, 5 January.', url: 'https://t.me/orda_kz/20' },
      body: 'Photos from the square, 5 January.\n\nThe akimat is on fire.',
    });
    expect(h.texts()).toEqual(['Adding the post from Orda.kz…']);
  });

  it('waits again while parts keep arriving, and is complete after a wait with none', async () => {
    const waits: Array<() => void> = [];
    const h = createHarness({ albumWait: () => new Promise<void>((resolve) => waits.push(resolve)) });
    const release = async () => {
      waits.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    };
    await h.send(messageUpdate(forwarded(channel(60), { photo: PHOTO, media_group_id: 'slow', caption: 'One.' })));
    await h.send(messageUpdate(forwarded(channel(61), { photo: PHOTO, media_group_id: 'slow', caption: 'Two.' })));
    await release();
    expect(waits).toHaveLength(1);
    await h.send(messageUpdate(forwarded(channel(62), { photo: PHOTO, media_group_id: 'slow', caption: 'Three.' })));
    await release();
    expect(h.admin.calls).toEqual([]);
    await release();
    await h.background.settled();
    expect(h.admin.calls).toHaveLength(1);
    expect(storedFile(h).body).toBe('One.\n\nTwo.\n\nThree.');
  });

  it('keeps two albums apart', async () => {
    const album = gate();
    const h = createHarness({ albumWait: album.wait });
    await h.send(messageUpdate(forwarded(channel(30), { photo: PHOTO, media_group_id: 'a', caption: 'First album.' })));
    await h.send(messageUpdate(forwarded(channel(40), { photo: PHOTO, media_group_id: 'b', caption: 'Second album.' })));
    album.open();
    await h.background.settled();
    expect([storedFile(h, 0).body, storedFile(h, 1).body].sort()).toEqual(['First album.', 'Second album.']);
  });
});

describe('a forward from someone who is not an admin', () => {
  it('is a question, answered as usual', async () => {
    const h = createHarness();
    await h.send(messageUpdate(forwarded(channel(50), { text: 'How many people were detained?' }, user())));
    await h.background.settled();
    expect(h.services.asked).toEqual(['How many people were detained?']);
    expect(h.texts()[0]).toContain('About two thousand');
    expect(h.admin.calls).toEqual([]);
  });
});
