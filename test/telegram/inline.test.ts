import { describe, expect, it } from 'vitest';
import { HEDGED, SUGGESTIONS, answered, createHarness, quote } from './harness.js';
import { inlineUpdate, user } from './updates.js';

const inlineAnswer = (h: ReturnType<typeof createHarness>) => h.sent('answerInlineQuery')[0]!.payload;

describe('inline mode', () => {
  it('answers with one article per supporting quote: figure-first title, sentence + source, chat HTML', async () => {
    const h = createHarness();
    await h.send(inlineUpdate('How many people were detained?'));
    const { results, cache_time, is_personal, button } = inlineAnswer(h);
    expect(cache_time).toBe(300);
    expect(is_personal).toBe(false);
    expect(button).toBeUndefined();
    expect(results).toHaveLength(2);
    const [first, second] = results;
    expect(first.type).toBe('article');
    expect(first.title).toMatch(/^About two thousand — /);
    expect(first.description).toBe('“About two thousand people were detained for various offenses during the January events. — Torture of participants, ACCA');
    expect(first.input_message_content.parse_mode).toBe('HTML');
    expect(first.input_message_content.message_text).toMatch(/^<b>About two thousand people were detained<\/b>\n\n<blockquote>/);
    expect(second.title).toMatch(/^Several hundred — /);
    expect(second.description).toContain('— HRW report');
    expect(second.input_message_content.message_text).toBe('<blockquote><b>Several hundred</b> people have been prosecuted.</blockquote>\n— HRW report');
    for (const result of results) expect(Buffer.byteLength(result.id)).toBeLessThanOrEqual(64);
    expect(new Set(results.map((r: { id: string }) => r.id)).size).toBe(results.length);
  });

  it('returns at most 10 results', async () => {
    const h = createHarness();
    const quotes = Array.from({ length: 14 }, (_, i) => quote(`${i + 1} buildings were burned.`, [`${i + 1}`]));
    h.services.answers.set('buildings', answered('buildings', '1 buildings were burned.', quotes));
    await h.send(inlineUpdate('buildings'));
    expect(inlineAnswer(h).results).toHaveLength(10);
  });

  it('offers sample questions for an empty query', async () => {
    const h = createHarness();
    await h.send(inlineUpdate('   '));
    const { results, is_personal } = inlineAnswer(h);
    // The samples are in the asker's language, so Telegram must not serve them to others from its cache.
    expect(is_personal).toBe(true);
    expect(results.map((r: { title: string }) => r.title)).toEqual(SUGGESTIONS);
    expect(results[0].reply_markup.inline_keyboard[0][0]).toEqual({ text: 'Answer', switch_inline_query_current_chat: SUGGESTIONS[0] });
    expect(h.services.asked).toEqual([]);
  });

  it('says clearly when there is no answer and offers a button to a private chat', async () => {
    const h = createHarness();
    await h.send(inlineUpdate('What is the capital of France?', user(4004, 'ru')));
    const { results, button, is_personal } = inlineAnswer(h);
    expect(is_personal).toBe(true);
    expect(results).toHaveLength(1);
    expect(results[0].title).toBe('В моих документах нет ответа');
    expect(results[0].input_message_content.message_text).toContain('• How many people were detained?');
    expect(button).toEqual({ text: 'Открыть чат с ботом', start_parameter: 'inline' });
    expect(button.start_parameter).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('gives one "probably" result, hedged in the asker\'s language, for a sentence that may not answer', async () => {
    const h = createHarness();
    await h.send(inlineUpdate(HEDGED.question, user(4005, 'kk')));
    const { results, is_personal } = inlineAnswer(h);
    expect(is_personal).toBe(true);
    expect(results).toHaveLength(1);
    expect(results[0].title).toBe('Мүмкін (сенімді емеспін)');
    expect(results[0].description).toBe('The Commissioner for Human Rights has been actively involved. — Torture of participants, ACCA');
    expect(results[0].input_message_content.message_text).toBe(
      '<i>Мүмкін (бұл жауап екеніне сенімді емеспін):</i>\n\n<blockquote>The Commissioner for Human Rights has been actively involved.</blockquote>\n— <a href="https://example.org/acca">Torture of participants</a>, ACCA',
    );
  });

  it('does not ask the core for an over-long query', async () => {
    const h = createHarness();
    await h.send(inlineUpdate('x'.repeat(301)));
    expect(h.services.asked).toEqual([]);
    expect(inlineAnswer(h).results[0].input_message_content.message_text).toContain('too long');
  });
});
