import type { MessageOrigin } from 'grammy/types';
import type { PostSource } from '../corpus/forwardedPost.js';

/** Telegram usernames are 4 to 32 letters, digits and underscores; anything else makes no link. */
const USERNAME = /^[A-Za-z0-9_]{4,32}$/;

/**
 * What a forwarded message's origin says about its source. Only a post of a public channel has a
 * link anyone can open (`https://t.me/<username>/<message_id>`); a private channel's, a group's or a
 * person's message is cited by name alone.
 */
export function postSource(origin: MessageOrigin): PostSource {
  const date = new Date(origin.date * 1000).toISOString().slice(0, 10);
  switch (origin.type) {
    case 'channel': {
      const { username, title } = origin.chat;
      const url = username !== undefined && USERNAME.test(username) ? `https://t.me/${username}/${origin.message_id}` : null;
      return { publisher: title, url, date };
    }
    case 'chat':
      return { publisher: chatName(origin.sender_chat), url: null, date };
    case 'user':
      return { publisher: [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(' '), url: null, date };
    case 'hidden_user':
      return { publisher: origin.sender_user_name, url: null, date };
  }
}

function chatName(chat: { title?: string; first_name?: string; last_name?: string }): string {
  return chat.title ?? [chat.first_name, chat.last_name].filter(Boolean).join(' ');
}
