import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmData } from '../../src/telegram/features/adminRemove.js';
import { type FileServer, startFileServer } from './fileServer.js';
import { ADMIN_ID, TOKEN, createHarness } from './harness.js';
import { callbackUpdate, documentUpdate, textUpdate, user } from './updates.js';

const admin = () => user(ADMIN_ID);
const edits = (h: ReturnType<typeof createHarness>) => h.sent('editMessageText').map((c) => c.payload.text as string);

let server: FileServer;
let apiRoot: string;
let files: FileServer['files'];
let fileRequests: string[];

beforeAll(async () => {
  server = await startFileServer();
  ({ apiRoot, files, requests: fileRequests } = server);
});
afterAll(() => server.close());

describe('admin access', () => {
  it.each(['/reindex', '/docs', '/remove acca-torture', '/stats'])('refuses %s from a non-admin and logs the user id', async (command) => {
    const h = createHarness();
    await h.send(textUpdate(command));
    await h.send(textUpdate(command, { chat: 'group' }));
    expect(h.texts()).toEqual(['Sorry, this is for the bot’s administrators only.', 'Sorry, this is for the bot’s administrators only.']);
    expect(h.admin.calls).toEqual([]);
    const refusals = h.logLines.filter((line) => line.msg === 'admin route refused');
    expect(refusals.map((line) => line.userId)).toEqual([1001, 1001]);
  });

  it('refuses a document upload from a non-admin without downloading it', async () => {
    const h = createHarness({ apiRoot });
    await h.send(documentUpdate('notes.txt', 10));
    await h.background.settled();
    expect(h.texts()).toEqual(['Sorry, this is for the bot’s administrators only.']);
    expect(h.sent('getFile')).toEqual([]);
    expect(h.admin.calls).toEqual([]);
  });

  it('refuses a forged remove callback from a non-admin', async () => {
    const h = createHarness();
    await h.send(callbackUpdate(confirmData('acca-torture')));
    await h.background.settled();
    expect(h.admin.calls).toEqual([]);
    expect(h.sent('answerCallbackQuery')[0]!.payload).toMatchObject({ text: 'Sorry, this is for the bot’s administrators only.', show_alert: true });
    expect(h.logLines.some((line) => line.msg === 'admin route refused' && line.route === 'remove-button' && line.userId === 1001)).toBe(true);
  });

  it('asks an admin to use admin commands in a private chat', async () => {
    const h = createHarness();
    await h.send(textUpdate('/reindex', { chat: 'group', from: admin() }));
    expect(h.texts()).toEqual(['Please use admin commands in a private chat with me.']);
    expect(h.admin.calls).toEqual([]);
  });
});

describe('/reindex', () => {
  it('edits one progress message at most every 2 s, always sends the final summary, and never blocks questions', async () => {
    const h = createHarness();
    h.admin.holdJobs = true;
    await h.send(textUpdate('/reindex', { from: admin() }));
    // The handler has returned while the reindex is still running.
    expect(h.admin.busy).toBe(true);
    expect(h.texts()).toEqual(['Reindexing: reading the corpus…']);

    await h.send(textUpdate('/reindex', { from: admin() }));
    expect(h.texts().at(-1)).toBe('A corpus change is already running. Try again when it has finished.');

    for (let i = 1; i <= 20; i++) {
      h.clock.advance(500);
      h.admin.progress!({ stage: 'embed', done: i * 170, total: 3400 });
    }
    await h.send(textUpdate('How many people were detained?'));
    expect(h.texts().at(-1)).toContain('About two thousand');

    h.admin.finishJob();
    await h.background.settled();
    const texts = edits(h);
    expect(texts).toHaveLength(6);
    expect(texts[0]).toBe('Embedding 680 / 3,400 (20%), ~8 s left');
    expect(texts.at(-1)).toBe('Reindexed 2 documents, 53 passages: 12 embedded, 41 reused, 3.1 s.');
    const progressId = h.sent()[0]!;
    expect(new Set(h.sent('editMessageText').map((c) => c.payload.message_id)).size).toBe(1);
    expect(progressId.payload.chat_id).toBe(ADMIN_ID);
  });
});

describe('document upload', () => {
  const upload = async (h: ReturnType<typeof createHarness>, name: string, size: number | undefined, caption?: string) => {
    await h.send(documentUpdate(name, size, { from: admin(), ...(caption ? { caption } : {}) }));
    await h.background.settled();
  };

  it('downloads through the configured API root and adds the document', async () => {
    files.set(`/file/bot${TOKEN}/documents/file_1.txt`, 'Some 200 people were injured.');
    const h = createHarness({ apiRoot });
    await upload(h, 'injuries.txt', 29, 'Injuries in Almaty');
    expect(fileRequests.at(-1)).toBe(`/file/bot${TOKEN}/documents/file_1.txt`);
    const [call] = h.admin.calls;
    expect(call?.method).toBe('addDocument');
    const added = call?.arg as { bytes: Uint8Array; fileName: string; title: string; addedBy: string };
    expect(Buffer.from(added.bytes).toString()).toBe('Some 200 people were injured.');
    expect(added).toMatchObject({ fileName: 'injuries.txt', title: 'Injuries in Almaty', addedBy: `telegram:${ADMIN_ID}` });
    expect(h.texts()).toEqual(['Adding injuries.txt…']);
    expect(edits(h).at(-1)).toBe('Added ‘New doc’: 42 passages, 3.1 s');
  });

  it('refuses a file over the limit before downloading it', async () => {
    const h = createHarness({ apiRoot });
    await upload(h, 'big.txt', 5000);
    expect(h.texts()).toEqual(['That file is too large. The limit is 1 KB.']);
    expect(h.sent('getFile')).toEqual([]);
  });

  it('stops a download that turns out larger than the limit', async () => {
    files.set(`/file/bot${TOKEN}/documents/file_1.txt`, 'x'.repeat(5000));
    const h = createHarness({ apiRoot });
    await upload(h, 'sneaky.txt', undefined);
    expect(edits(h).at(-1)).toBe('That file is too large. The limit is 1 KB.');
    expect(h.admin.calls).toEqual([]);
  });

  it('shows the port’s rejection message exactly, escaped', async () => {
    files.set(`/file/bot${TOKEN}/documents/file_1.txt`, '%PDF');
    const h = createHarness({ apiRoot });
    h.admin.addOutcome = { status: 'rejected', rejection: { reason: 'unsupported-type', message: 'report.pdf is not a supported type <.txt, .md, .html>.' } };
    await upload(h, 'report.pdf', 4);
    expect(edits(h).at(-1)).toBe('report.pdf is not a supported type &lt;.txt, .md, .html&gt;.');
  });

  it('reports a busy corpus and a failed download', async () => {
    const h = createHarness({ apiRoot });
    h.admin.busy = true;
    await upload(h, 'a.txt', 4);
    expect(h.texts()).toEqual(['A corpus change is already running. Try again when it has finished.']);
    h.admin.busy = false;
    files.delete(`/file/bot${TOKEN}/documents/file_1.txt`);
    await upload(h, 'b.txt', 4);
    expect(edits(h).at(-1)).toBe('I could not download that file from Telegram. Please send it again.');
  });
});
