import type { Logger } from 'pino';
import type { UsageLog } from '../usage/usageLog.js';

const DAY_MS = 86_400_000;

export interface RunningUsageLog {
  usage: UsageLog | undefined;
  stop(): void;
}

/** Opens the log; `onWriteError` is told about batches of questions that could not be written (and are retried). */
export type OpenUsageLog = (onWriteError: (error: unknown, info: { pending: number; dropped: number }) => void) => UsageLog | undefined;

/**
 * Opens the question log for the bot. A database that cannot be opened (corrupt, locked, newer
 * schema) is logged and the bot runs without it: answers go out, only without feedback buttons.
 * Retention pruning runs now and once a day on a timer that never keeps the process alive.
 */
export function startUsageLog(open: OpenUsageLog | undefined, logger: Logger, now: () => number = Date.now): RunningUsageLog {
  let usage: UsageLog | undefined;
  try {
    usage = open?.((error, info) => logger.error({ err: error, ...info }, 'question log write failed; will retry with the next question'));
  } catch (error) {
    logger.error({ err: error }, 'question log unavailable; answering without it');
  }
  if (!usage) return { usage: undefined, stop: () => undefined };
  const log = usage;
  const prune = () => {
    try {
      const pruned = log.prune(now());
      if (pruned > 0) logger.info({ pruned }, 'question log pruned');
    } catch (error) {
      logger.error({ err: error }, 'question log pruning failed');
    }
  };
  prune();
  const timer = setInterval(prune, DAY_MS);
  timer.unref();
  return {
    usage,
    stop: () => {
      clearInterval(timer);
      try {
        log.close();
      } catch (error) {
        logger.warn({ err: error }, 'could not close the question log');
      }
    },
  };
}
