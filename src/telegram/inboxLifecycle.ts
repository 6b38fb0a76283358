import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { InboxStore } from '../storage/inboxStore.js';
import { DurableInbox } from './inbox.js';

/** Opens the inbox's store; throws a StoreError naming the file when it cannot. */
export type OpenInbox = () => InboxStore;

const HOUR_MS = 3_600_000;

export interface RunningInbox {
  inbox: DurableInbox<Update>;
  stop(): void;
}

/**
 * The inbox for the bot. Without an opener (INBOX=off) updates are handled from memory only; a
 * database that cannot be opened is logged and counted, and the bot answers from memory as well.
 * Done rows older than a day are pruned now and every hour.
 */
export function startInbox(open: OpenInbox | undefined, botId: number, logger: Logger): RunningInbox {
  let store: InboxStore | undefined;
  let failure: unknown;
  try {
    store = open?.();
  } catch (error) {
    failure = error;
  }
  const inbox = new DurableInbox<Update>(store, botId, logger);
  if (failure !== undefined) inbox.unavailable(failure);
  const prune = () => {
    const pruned = inbox.prune();
    if (pruned > 0) logger.debug({ pruned }, 'inbox pruned');
  };
  prune();
  const timer = setInterval(prune, HOUR_MS);
  timer.unref();
  return {
    inbox,
    stop: () => {
      clearInterval(timer);
      try {
        inbox.close();
      } catch (error) {
        logger.warn({ err: error }, 'could not close the inbox');
      }
    },
  };
}
