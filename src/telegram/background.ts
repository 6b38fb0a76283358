import type { Logger } from 'pino';

/**
 * Work that outlives the update that started it (a reindex, an upload) and updates still being
 * handled. Shutdown waits on `settled()`, so nothing in flight is cut off; a failing job is logged
 * and reported through `onError`, never left as an unhandled rejection.
 */
export class Background {
  readonly #tasks = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` without awaiting it: the handler returns and the chat's next updates are not held up. */
  run(label: string, work: () => Promise<void>, onError?: (error: unknown) => Promise<unknown>): void {
    const task = work().catch(async (error: unknown) => {
      this.logger.error({ err: error, job: label }, 'background job failed');
      await onError?.(error).catch((reportError: unknown) => this.logger.warn({ err: reportError, job: label }, 'could not report the failure'));
    });
    this.track(task);
  }

  /** Counts a promise as in flight until it settles. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.#tasks.add(promise);
    const forget = () => this.#tasks.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  get size(): number {
    return this.#tasks.size;
  }

  /** Resolves when nothing is in flight, including work started while waiting. */
  async settled(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
  }
}
