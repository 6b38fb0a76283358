import type { MessageOrigin } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import type { PostSource } from '../../src/corpus/forwardedPost.js';
import { postSource } from '../../src/telegram/forwardOrigin.js';

/** 2022-01-05 09:30 UTC, and 23:30 UTC the same day (already the 6th in Almaty: the date is UTC). */
const MORNING = Date.UTC(2022, 0, 5, 9, 30) / 1000;
const NIGHT = Date.UTC(2022, 0, 5, 23, 30) / 1000;

describe('postSource', () => {
  it.each<[string, MessageOrigin, PostSource]>([
    [
      'a public channel: its title, the post link and date',
      { type: 'channel', date: MORNING, message_id: 4512, chat: { id: -1001, type: 'channel', title: 'Orda.kz', username: 'orda_kz' } },
      { publisher: 'Orda.kz', url: 'https://t.me/orda_kz/4512', date: '2022-01-05' },
    ],
    [
      'a private channel: no link anyone could open',
      { type: 'channel', date: NIGHT, message_id: 7, chat: { id: -1002, type: 'channel', title: 'Closed newsroom' } },
      { publisher: 'Closed newsroom', url: null, date: '2022-01-05' },
    ],
    [
      'a channel username that is no Telegram username makes no link',
      { type: 'channel', date: MORNING, message_id: 7, chat: { id: -1003, type: 'channel', title: 'Odd', username: 'a/../b' } },
      { publisher: 'Odd', url: null, date: '2022-01-05' },
    ],
    [
      'a group speaking as itself: its title',
      { type: 'chat', date: MORNING, sender_chat: { id: -1004, type: 'supergroup', title: 'Almaty residents', username: 'almaty_chat' } },
      { publisher: 'Almaty residents', url: null, date: '2022-01-05' },
    ],
    [
      'a person: first and last name',
      { type: 'user', date: MORNING, sender_user: { id: 5, is_bot: false, first_name: 'Aigerim', last_name: 'Seitkali' } },
      { publisher: 'Aigerim Seitkali', url: null, date: '2022-01-05' },
    ],
    [
      'a person without a last name',
      { type: 'user', date: MORNING, sender_user: { id: 6, is_bot: false, first_name: 'Daniyar' } },
      { publisher: 'Daniyar', url: null, date: '2022-01-05' },
    ],
    [
      'a person who hides their account: the name Telegram gives',
      { type: 'hidden_user', date: MORNING, sender_user_name: 'Witness in Almaty' },
      { publisher: 'Witness in Almaty', url: null, date: '2022-01-05' },
    ],
  ])('%s', (_, origin, source) => {
    expect(postSource(origin)).toEqual(source);
  });
});
