import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';
import { GROUP_ID, botMessage, message, messageUpdate, stickerUpdate, textUpdate, user } from './updates.js';

const QUESTION = 'How many people were detained?';

describe('groups and supergroups', () => {
  it.each(['group', 'supergroup'] as const)('answers /ask <question> in a %s, replying to the asker', async (chat) => {
    const h = createHarness();
    const update = textUpdate(`/ask ${QUESTION}`, { chat });
    await h.send(update);
    expect(h.services.asked).toEqual([QUESTION]);
    const reply = h.sent()[0]!.payload;
    expect(reply.chat_id).toBe(GROUP_ID);
    expect(reply.reply_parameters).toEqual({ message_id: update.message!.message_id, allow_sending_without_reply: true });
    expect(reply.text).toContain('<b>About two thousand people were detained</b>');
  });

  it('answers /ask@QantarBot but not /ask@SomeOtherBot', async () => {
    const h = createHarness();
    await h.send(textUpdate(`/ask@QantarBot ${QUESTION}`, { chat: 'group' }));
    await h.send(textUpdate(`/ask@SomeOtherBot ${QUESTION}`, { chat: 'group' }));
    expect(h.services.asked).toEqual([QUESTION]);
    expect(h.sent()).toHaveLength(1);
  });

  it('explains /ask without a question', async () => {
    const h = createHarness();
    await h.send(textUpdate('/ask', { chat: 'group' }));
    expect(h.texts()[0]).toContain('Write the question after the command');
    expect(h.services.asked).toEqual([]);
  });

  it('answers a message that mentions the bot, without the mention in the question', async () => {
    const h = createHarness();
    const text = `@QantarBot, ${QUESTION}`;
    await h.send(textUpdate(text, { chat: 'supergroup', entities: [{ type: 'mention', offset: 0, length: 10 }] }));
    expect(h.services.asked).toEqual([QUESTION]);
    expect(h.sent()[0]!.payload.reply_parameters).toBeDefined();
  });

  it('answers a text mention of the bot (a user without @username link)', async () => {
    const h = createHarness();
    const entity = { type: 'text_mention' as const, offset: 0, length: 6, user: { id: 777, is_bot: true, first_name: 'Qantar' } };
    await h.send(textUpdate(`Qantar ${QUESTION}`, { chat: 'group', entities: [entity] }));
    expect(h.services.asked).toEqual([QUESTION]);
  });

  it('answers a reply to one of its own messages', async () => {
    const h = createHarness();
    await h.send(textUpdate(QUESTION, { chat: 'group', replyTo: botMessage('Earlier answer') }));
    expect(h.services.asked).toEqual([QUESTION]);
    expect(h.texts()[0]).toContain('About two thousand');
  });

  it('ignores ordinary chatter, replies to other people, mentions of other bots and other commands', async () => {
    const h = createHarness();
    await h.send(textUpdate(QUESTION, { chat: 'group' }));
    await h.send(textUpdate(QUESTION, { chat: 'group', replyTo: message('hi', { from: user(5), chat: 'group' }) }));
    await h.send(textUpdate(`@OtherBot ${QUESTION}`, { chat: 'group', entities: [{ type: 'mention', offset: 0, length: 9 }] }));
    await h.send(textUpdate('/start', { chat: 'group' }));
    await h.send(stickerUpdate({ chat: 'group' }));
    expect(h.calls).toEqual([]);
  });

  it('does not treat a forum topic root as a reply to the bot', async () => {
    const h = createHarness();
    const root = botMessage('Topic created by the bot');
    await h.send(
      messageUpdate({ ...message(QUESTION, { chat: 'supergroup', replyTo: root }), is_topic_message: true, message_thread_id: root.message_id } as any),
    );
    expect(h.calls).toEqual([]);
  });

  it('gives a friendly reply to a sticker sent in reply to the bot', async () => {
    const h = createHarness();
    await h.send(stickerUpdate({ chat: 'group', replyTo: botMessage('Earlier answer') }));
    expect(h.texts()).toEqual(['I can only read text. Please type your question.']);
  });

  it('lists suggestions as text in groups, where there are no buttons', async () => {
    const h = createHarness();
    await h.send(textUpdate('/ask What is the capital of France?', { chat: 'group' }));
    const reply = h.sent()[0]!.payload;
    expect(reply.reply_markup).toBeUndefined();
    expect(reply.text).toContain('• How many people were detained?');
  });
});
