import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/telegram/commands.js';
import { confirmData } from '../../src/telegram/features/adminRemove.js';
import { ADMIN_ID, DOCS, HEDGED, createHarness } from './harness.js';
import { callbackUpdate, message, textUpdate, user } from './updates.js';

const admin = () => user(ADMIN_ID);
const edits = (h: ReturnType<typeof createHarness>) => h.sent('editMessageText').map((c) => c.payload.text as string);

describe('/docs, /remove, /stats', () => {
  it('/docs lists id, title, passage count and date', async () => {
    const h = createHarness();
    await h.send(textUpdate('/docs', { from: admin() }));
    expect(h.texts()[0]).toBe(
      [
        '<b>Documents (2):</b>',
        '• <code>acca-torture</code> Torture of participants · 13 passages · 2022-12-21',
        '• <code>hrw-report</code> Kazakhstan: Killings, Excessive Use of Force · 40 passages',
      ].join('\n'),
    );
  });

  it('/remove asks for confirmation, cancel removes nothing, confirm removes', async () => {
    const h = createHarness();
    await h.send(textUpdate('/remove', { from: admin() }));
    await h.send(textUpdate('/remove nope', { from: admin() }));
    await h.send(textUpdate('/remove acca-torture', { from: admin() }));
    const [usage, notFound, confirm] = h.sent();
    expect(usage!.payload.text).toContain('Write the document id');
    expect(notFound!.payload.text).toContain('There is no document with the id <code>nope</code>');
    expect(confirm!.payload.text).toBe('Remove ‘Torture of participants’ (<code>acca-torture</code>) from the corpus?');
    const buttons = confirm!.payload.reply_markup.inline_keyboard.flat();
    expect(buttons.map((b: { callback_data: string }) => b.callback_data)).toEqual(['rm:y:acca-torture', 'rm:n']);

    const confirmation = message('…', { from: user(777), extra: { chat: { id: ADMIN_ID, type: 'private', first_name: 'A' } } as any });
    await h.send(callbackUpdate('rm:n', { from: admin(), message: confirmation }));
    expect(edits(h)).toEqual(['Nothing was removed.']);
    expect(h.admin.calls).toEqual([]);

    await h.send(callbackUpdate('rm:y:acca-torture', { from: admin(), message: confirmation }));
    await h.background.settled();
    expect(h.admin.calls).toEqual([{ method: 'removeDocument', arg: 'acca-torture' }]);
    expect(edits(h).slice(1)).toEqual(['Removing ‘Torture of participants’…', 'Removed ‘Torture of participants’. Now 1 document, 53 passages; 3.1 s.']);
  });

  it('keeps callback data within 64 bytes for long ids and still finds the document', async () => {
    const h = createHarness();
    const longId = `${'очень-длинный-идентификатор-'.repeat(3)}x`;
    h.services.docs = [...DOCS, { ...DOCS[0]!, id: longId, title: 'Long' }];
    const data = confirmData(longId);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    const confirmation = message('…', { extra: { chat: { id: ADMIN_ID, type: 'private', first_name: 'A' } } as any });
    await h.send(callbackUpdate(data, { from: admin(), message: confirmation }));
    await h.background.settled();
    expect(h.admin.calls).toEqual([{ method: 'removeDocument', arg: longId }]);
  });

  it('/stats shows the index, uptime and questions answered / "probably" / abstained since start', async () => {
    const h = createHarness();
    await h.send(textUpdate(HEDGED.question));
    await h.send(textUpdate('How many people were detained?'));
    await h.send(textUpdate('What is the capital of France?'));
    await h.send(textUpdate('Who won the 1998 World Cup?'));
    h.clock.advance(3_723_000);
    // The clock moved on, so the command must be dated now or it would be skipped as stale.
    await h.send(textUpdate('/stats', { from: admin(), date: Math.floor(h.clock.ms / 1000) }));
    expect(h.texts().at(-1)).toBe(
      [
        'Documents: 2',
        'Passages: 53',
        'Model: <code>bundled</code>',
        'Index built: 2026-01-05 10:15 UTC',
        'Uptime: 1h 2m',
        'Questions since start: 1 answered, 1 “probably”, 2 without an answer',
        'Question log: off or unavailable',
      ].join('\n'),
    );
  });

  it('/stats says how many questions were recovered after a restart when the inbox is on', async () => {
    const h = createHarness();
    h.counters.recovered = 7;
    await h.send(textUpdate('/stats', { from: admin() }));
    expect(h.texts().at(-1)).toContain('Questions since start: 0 answered, 0 “probably”, 0 without an answer\nRecovered after a restart: 7\n');
  });
});

describe('command menus', () => {
  it('registers localized menus, with admin commands only in each admin’s chat', async () => {
    const h = createHarness();
    await registerCommands(h.bot.api, [ADMIN_ID, 43], pino({ level: 'silent' }));
    const calls = h.sent('setMyCommands').map((c) => c.payload);
    expect(calls).toHaveLength(12);
    const names = (p: Record<string, any>) => (p.commands as Array<{ command: string }>).map((c) => c.command);
    const privateEn = calls.find((p) => p.scope.type === 'all_private_chats' && p.language_code === undefined)!;
    expect(names(privateEn)).toEqual(['start', 'help', 'sources']);
    const groupRu = calls.find((p) => p.scope.type === 'all_group_chats' && p.language_code === 'ru')!;
    expect(groupRu.commands[0]).toEqual({ command: 'ask', description: 'Вопрос в группе: /ask <вопрос>' });
    const adminKk = calls.find((p) => p.scope.type === 'chat' && p.scope.chat_id === ADMIN_ID && p.language_code === 'kk')!;
    expect(names(adminKk)).toEqual(['start', 'help', 'sources', 'reindex', 'docs', 'remove', 'stats', 'unanswered', 'feedback', 'add']);
    expect(calls.filter((p) => names(p).includes('reindex')).every((p) => p.scope.type === 'chat')).toBe(true);
  });
});
