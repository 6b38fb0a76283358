import { askData } from '../../src/telegram/answering.js';
import { describe, expect, it } from 'vitest';
import { type Harness, SUGGESTIONS, answered, createHarness, quote } from './harness.js';
import { NOW_SECONDS, callbackUpdate, editedUpdate, message, messageUpdate, stickerUpdate, textUpdate, user } from './updates.js';

const keyboardData = (call: { payload: Record<string, any> }): string[] =>
  (call.payload.reply_markup?.inline_keyboard ?? []).flat().map((button: { callback_data: string }) => button.callback_data);

async function ask(h: Harness, text: string, from = user()) {
  await h.send(textUpdate(text, { from }));
  await h.background.settled();
}

describe('private chat questions', () => {
  it('shows typing, then answers in HTML: bold lead, quotes in blockquotes with bold figures, linked source', async () => {
    const h = createHarness();
    await ask(h, 'How many people were detained?');
    expect(h.calls.map((c) => c.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(h.calls[0]!.payload.action).toBe('typing');
    const reply = h.sent()[0]!.payload;
    expect(reply.parse_mode).toBe('HTML');
    expect(reply.text).toBe(
      [
        '<b>About two thousand people were detained</b>',
        '',
        '<blockquote>“<b>About two thousand</b> people were detained for various offenses during the January events.</blockquote>',
        '— <a href="https://example.org/acca">Torture of participants</a>, ACCA',
        '',
        '<blockquote><b>Several hundred</b> people have been prosecuted.</blockquote>',
        '— HRW report',
      ].join('\n'),
    );
    expect(h.counters.answered).toBe(1);
  });

  it('says politely when there is no answer and offers questions that work as buttons', async () => {
    const h = createHarness();
    await ask(h, 'What is the capital of France?');
    const reply = h.sent()[0]!;
    expect(reply.payload.text).toContain('my documents do not cover this question');
    expect(reply.payload.text).toContain('These questions do have answers:');
    expect(keyboardData(reply)).toEqual(SUGGESTIONS.slice(0, 3).map((q, i) => askData(i, q)));
    expect(h.counters.abstained).toBe(1);
  });

  it('/start introduces the bot, lists the documents and offers 3 example buttons; pressing one asks it', async () => {
    const h = createHarness();
    await h.send(textUpdate('/start'));
    const intro = h.sent()[0]!;
    expect(intro.payload.text).toContain('2 documents');
    expect(intro.payload.text).toContain('• Torture of participants');
    expect(intro.payload.text).toContain('• Kazakhstan: Killings, Excessive Use of Force');
    const data = keyboardData(intro);
    expect(data).toEqual(SUGGESTIONS.slice(0, 3).map((q, i) => askData(i, q)));
    expect(data.every((d) => Buffer.byteLength(d) <= 64)).toBe(true);

    await h.send(callbackUpdate(data[0]!));
    await h.background.settled();
    expect(h.services.asked).toEqual([SUGGESTIONS[0]]);
    expect(h.sent('answerCallbackQuery')).toHaveLength(1);
    const answer = h.sent().at(-1)!.payload.text as string;
    expect(answer).toMatch(/^❓ <i>How many people were detained\?<\/i>\n\n<b>About two thousand/);
  });

  it('treats an out-of-range example button as expired', async () => {
    const h = createHarness();
    await h.send(callbackUpdate(askData(9, 'How many?')));
    expect(h.services.asked).toEqual([]);
    expect(h.sent('answerCallbackQuery')[0]!.payload.text).toContain('out of date');
  });

  it('treats a button whose question changed since it was sent (a reindex) as expired', async () => {
    const h = createHarness();
    await h.send(callbackUpdate(askData(0, 'A question the bot suggested before the corpus changed?')));
    expect(h.services.asked).toEqual([]);
    expect(h.sent('answerCallbackQuery')[0]!.payload.text).toContain('out of date');
  });

  it('/help and /sources list the documents with publisher and link', async () => {
    const h = createHarness();
    await h.send(textUpdate('/sources'));
    await h.send(textUpdate('/help'));
    const [sources, help] = h.texts();
    expect(sources).toContain('• <a href="https://example.org/acca">Torture of participants</a> — ACCA');
    expect(sources).toContain('• Kazakhstan: Killings, Excessive Use of Force — HRW');
    expect(help).toContain('/ask');
    expect(help).toContain('@QantarBot');
    expect(help).toContain('Torture of participants</a> — ACCA');
  });

  it('escapes HTML in the question and in document text', async () => {
    const h = createHarness();
    const evil = '<b>How</b> many & <script>alert(1)</script>?';
    h.services.answers.set(evil, answered(evil, 'A <i>lead</i> & more', [quote('5 < 7 & <a href="x">link</a>', ['5'], { title: '<Title>', url: 'javascript:alert(1)' })]));
    await ask(h, evil);
    const text = h.texts()[0]!;
    expect(text).toContain('<b>A &lt;i&gt;lead&lt;/i&gt; &amp; more</b>');
    expect(text).toContain('<blockquote><b>5</b> &lt; 7 &amp; &lt;a href="x"&gt;link&lt;/a&gt;</blockquote>');
    expect(text).toContain('— &lt;Title&gt;, ACCA');
    expect(text).not.toContain('javascript:');

    await ask(h, '<img src=x>?');
    expect(h.texts().join('\n')).not.toContain('<img');
  });

  it('splits an answer longer than 4096 characters into several messages, each balanced HTML', async () => {
    const h = createHarness();
    const sentence = (i: number) => `In district ${i} about ${i * 10} people were detained by the police on that day.`;
    const quotes = Array.from({ length: 80 }, (_, i) => quote(sentence(i), [`${i * 10}`]));
    h.services.answers.set('long', answered('long', 'Many people were detained', quotes));
    await ask(h, 'long');
    const texts = h.texts();
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text.match(/<blockquote>/g)?.length).toBe(text.match(/<\/blockquote>/g)?.length);
    }
    expect(texts.join('\n')).toContain(sentence(79).replace('790', '<b>790</b>'));
    // Only the first part threads to nothing in private chats, and all parts are HTML.
    expect(h.sent().every((c) => c.payload.parse_mode === 'HTML')).toBe(true);
  });

  it('replies kindly to an over-long question without asking the core', async () => {
    const h = createHarness();
    await ask(h, 'why '.repeat(100));
    expect(h.services.asked).toEqual([]);
    expect(h.texts()[0]).toContain('under 300 characters');
  });

  it('answers a sticker, a photo and an unknown command instead of staying silent', async () => {
    const h = createHarness();
    await h.send(stickerUpdate());
    await h.send(messageUpdate({ ...message(undefined), photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] } as any));
    await h.send(textUpdate('/frobnicate'));
    expect(h.texts()).toEqual([
      'I can only read text. Please type your question.',
      'I can only read text. Please type your question.',
      'I don’t know that command. Send /help to see what I can do.',
    ]);
    expect(h.services.asked).toEqual([]);
  });

  it('sends one rate-limit notice per window, not one per message', async () => {
    const h = createHarness({ limits: { maxQuestionLength: 300, maxUploadBytes: 1000, rateLimitPerMinute: 2 } });
    for (let i = 0; i < 6; i++) await ask(h, `question ${i}`);
    expect(h.services.asked).toEqual(['question 0', 'question 1']);
    const notices = h.texts().filter((t) => t.includes('faster than I can answer'));
    expect(notices).toHaveLength(1);
    // Another user is not affected.
    await ask(h, 'question from someone else', user(2002));
    expect(h.services.asked).toHaveLength(3);
  });

  it('ignores edited messages and messages older than a few minutes', async () => {
    const h = createHarness();
    await h.send(editedUpdate('How many people were detained?'));
    await h.send(textUpdate('How many people were detained?', { date: NOW_SECONDS - 3600 }));
    expect(h.calls).toEqual([]);
  });

  it('keeps running when answering fails: apology to the user, details in the log', async () => {
    const h = createHarness();
    h.services.failNext = true;
    await ask(h, 'How many people were detained?');
    expect(h.texts().at(-1)).toContain('something went wrong');
    const logged = h.logLines.find((line) => line.msg === 'update failed');
    expect(logged?.err?.message).toBe('index exploded');
    expect(logged?.userId).toBe(1001);
    await ask(h, 'How many people were detained?');
    expect(h.texts().at(-1)).toContain('<b>About two thousand people were detained</b>');
  });

  it('ignores a result the user sent through the bot’s own inline mode', async () => {
    const h = createHarness();
    await h.send(textUpdate('About two thousand people were detained', { extra: { via_bot: { id: 777, is_bot: true, first_name: 'Qantar' } } }));
    expect(h.calls).toEqual([]);
  });
});

describe('UI language', () => {
  it.each([
    ['ru', 'Я отвечаю на вопросы', 'Попробуйте один из этих вопросов:', 'в моих документах нет ответа'],
    ['kk', 'Мен Қазақстандағы', 'Мына сұрақтардың бірін', 'менің құжаттарымда бұл сұраққа жауап жоқ'],
    ['en', 'I answer questions', 'Try one of these questions:', 'my documents do not cover'],
    ['de', 'I answer questions', 'Try one of these questions:', 'my documents do not cover'],
  ])('follows language_code %s; quotes stay as written', async (lang, intro, examples, noAnswer) => {
    const h = createHarness();
    const from = user(3003, lang);
    await h.send(textUpdate('/start', { from }));
    await ask(h, 'Кто?', from);
    await ask(h, 'How many people were detained?', from);
    const [start, none, answer] = h.texts();
    expect(start).toContain(intro);
    expect(start).toContain(examples);
    expect(none).toContain(noAnswer);
    expect(answer).toContain('people were detained for various offenses');
  });
});
