import type { Message, MessageEntity, Update, User } from 'grammy/types';
import { BOT_INFO, USER_ID } from './harness.js';

/** Realistic updates as Telegram sends them, with ids and dates filled in. */
let nextUpdateId = 1;
let nextMessageId = 1;

export const NOW_SECONDS = Math.floor(Date.UTC(2026, 0, 5, 12, 0, 0) / 1000);

export function user(id = USER_ID, languageCode = 'en'): User {
  return { id, is_bot: false, first_name: `User${id}`, username: `user${id}`, language_code: languageCode };
}

const BOT_USER: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };
export const GROUP_ID = -100500;

interface MessageOptions {
  from?: User;
  chat?: 'private' | 'group' | 'supergroup';
  date?: number;
  entities?: MessageEntity[];
  replyTo?: Message;
  extra?: Partial<Message>;
}

export function message(text: string | undefined, options: MessageOptions = {}): Message {
  const from = options.from ?? user();
  const chatType = options.chat ?? 'private';
  const chat =
    chatType === 'private'
      ? { id: from.id, type: 'private' as const, first_name: from.first_name }
      : { id: GROUP_ID, type: chatType, title: 'Almaty readers' };
  return {
    message_id: nextMessageId++,
    date: options.date ?? NOW_SECONDS,
    chat,
    from,
    ...(text === undefined ? {} : { text }),
    ...(options.entities ? { entities: options.entities } : text?.startsWith('/') ? { entities: [commandEntity(text)] } : {}),
    ...(options.replyTo ? { reply_to_message: options.replyTo as any } : {}),
    ...options.extra,
  } as Message;
}

function commandEntity(text: string): MessageEntity {
  const end = text.indexOf(' ');
  return { type: 'bot_command', offset: 0, length: end === -1 ? text.length : end };
}

export function textUpdate(text: string, options: MessageOptions = {}): Update {
  return { update_id: nextUpdateId++, message: message(text, options) as Update["message"] };
}

export function messageUpdate(msg: Message): Update {
  return { update_id: nextUpdateId++, message: msg as Update["message"] };
}

export function botMessage(text: string, chat: 'private' | 'group' = 'group'): Message {
  return message(text, { from: BOT_USER, chat });
}

export function stickerUpdate(options: MessageOptions = {}): Update {
  const msg = message(undefined, options);
  return messageUpdate({
    ...msg,
    sticker: { file_id: 'CAAC', file_unique_id: 'st1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
  } as Message);
}

export function documentUpdate(fileName: string, fileSize: number | undefined, options: MessageOptions & { caption?: string } = {}): Update {
  const msg = message(undefined, options);
  return messageUpdate({
    ...msg,
    document: { file_id: `doc-${fileName}`, file_unique_id: 'd1', file_name: fileName, mime_type: 'text/plain', ...(fileSize === undefined ? {} : { file_size: fileSize }) },
    ...(options.caption ? { caption: options.caption } : {}),
  } as Message);
}

export function callbackUpdate(data: string, options: { from?: User; message?: Message } = {}): Update {
  const from = options.from ?? user();
  const origin = options.message ?? message('…', { from: BOT_USER, extra: { chat: { id: from.id, type: 'private', first_name: from.first_name } } as any });
  return { update_id: nextUpdateId++, callback_query: { id: `cb${nextUpdateId}`, from, chat_instance: 'ci', data, message: origin } } as Update;
}

export function inlineUpdate(query: string, from: User = user()): Update {
  return { update_id: nextUpdateId++, inline_query: { id: `iq${nextUpdateId}`, from, query, offset: '' } };
}

export function editedUpdate(text: string): Update {
  return { update_id: nextUpdateId++, edited_message: { ...message(text), edit_date: NOW_SECONDS } as any };
}
