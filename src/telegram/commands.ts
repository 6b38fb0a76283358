import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope, LanguageCode } from 'grammy/types';
import type { Logger } from 'pino';
import { ADMIN_COMMANDS } from './features/admin.js';
import { type Lang, type Strings, catalog } from './i18n.js';

type CommandName = keyof Strings['commands'];

const PRIVATE: CommandName[] = ['start', 'help', 'sources'];
const GROUP: CommandName[] = ['ask', 'help'];
const ADMIN: CommandName[] = [...PRIVATE, ...ADMIN_COMMANDS];

interface CommandSet {
  scope: BotCommandScope;
  names: CommandName[];
}

/** Which menus exist: users see the question commands; each admin's own chat also lists the admin ones. */
export function commandSets(adminIds: readonly number[]): CommandSet[] {
  return [
    { scope: { type: 'all_private_chats' }, names: PRIVATE },
    { scope: { type: 'all_group_chats' }, names: GROUP },
    ...adminIds.map((id): CommandSet => ({ scope: { type: 'chat', chat_id: id }, names: ADMIN })),
  ];
}

export const describe = (t: Strings, names: CommandName[]): BotCommand[] =>
  names.map((command) => ({ command, description: t.commands[command] }));

/**
 * Publishes the command menus in every UI language (English also as the default for all others).
 * A failure is logged, not fatal: a chat scope fails until that admin has opened a chat with the bot,
 * and the bot answers questions fine without menus.
 */
export async function registerCommands(api: Api, adminIds: readonly number[], logger: Logger): Promise<void> {
  const languages: Array<[Lang, LanguageCode | undefined]> = [['en', undefined], ['ru', 'ru'], ['kk', 'kk']];
  const calls = commandSets(adminIds).flatMap(({ scope, names }) =>
    languages.map(([lang, language_code]) =>
      api.setMyCommands(describe(catalog[lang], names), { scope, ...(language_code ? { language_code } : {}) }),
    ),
  );
  const results = await Promise.allSettled(calls);
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  // One line for all failures: an API without setMyCommands (an emulator) would otherwise log a dozen.
  if (failures.length > 0) logger.warn({ err: failures[0], failed: failures.length, of: calls.length }, 'setMyCommands failed');
}
