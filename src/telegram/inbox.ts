import type { Logger } from 'pino';
import type { InboxStore, ReceivedUpdate } from '../storage/inboxStore.js';
import { WriteBehind } from '../storage/writeBehind.js';

export interface IncomingUpdate {
  update_id: number;
}

/** What `admit` lets through: updates to handle now, and whether they are on disk. */
export interface Admission<U> {
  fresh: U[];
  /** False when the database could not be written: the updates are handled from memory only. */
  durable: boolean;
}

export interface InboxCounts {
  /** Received and not yet done, in this process. */
  pending: number;
  /** Updates found unfinished at start and handled again. */
  recovered: number;
  /** Inbox writes that failed (locked, full or corrupt database), each batch counted once. */
  writeFailures: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The durable inbox between Telegram and the handlers. An update is admitted once: it is written
 * (with its batch, in one transaction) before the caller confirms it to Telegram, handled, and
 * marked done. One seen before, in this process or in the database, is not admitted again.
 * Without a store, or while the store fails, updates are still admitted, from memory: losing
 * durability must never lose an answer.
 */
export class DurableInbox<U extends IncomingUpdate> {
  readonly #inFlight = new Set<number>();
  /** In flight and on disk: only these need a done mark. */
  readonly #stored = new Set<number>();
  /** On disk and not yet replying: the ones a restart would handle again. */
  readonly #unreplied = new Set<number>();
  readonly #doneMarks: WriteBehind<number>;
  #recovered = 0;
  #writeFailures = 0;
  #lastWarning = Number.NEGATIVE_INFINITY;
  #unwarned = 0;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: InboxStore | undefined,
    private readonly botId: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    // Done marks go out with the next turn of the event loop, many in one transaction; a failed
    // batch stays queued and is retried, so a lock that passes leaves nothing for a restart to recover.
    this.#doneMarks = new WriteBehind(
      (ids) => this.store?.markDone(this.botId, ids, this.now()),
      (error) => {
        this.#failed(error);
        this.#retry ??= setTimeout(() => ((this.#retry = undefined), this.#doneMarks.flush()), 1000).unref();
      },
    );
  }

  /**
   * Updates received before a crash and not replied to, oldest first; they count as in flight.
   * One whose reply had been started is not handled again (Telegram most likely has the reply, and
   * sending it twice is what this prevents): it is marked done and counted in `replyUnknown`.
   */
  recover(): { updates: U[]; replyUnknown: number } {
    let rows: Array<ReceivedUpdate & { replying: boolean }> = [];
    try {
      rows = this.store?.pending(this.botId) ?? [];
    } catch (error) {
      this.#failed(error);
    }
    const updates: U[] = [];
    let replyUnknown = 0;
    for (const row of rows) {
      const update = row.replying ? undefined : parseUpdate<U>(row.json);
      if (update) updates.push(update);
      else this.#doneMarks.push(row.updateId);
      if (row.replying) replyUnknown += 1;
    }
    for (const update of updates) this.#track(update.update_id, true);
    this.#recovered += updates.length;
    return { updates, replyUnknown };
  }

  /** Writes the batch, then returns the updates not seen before. Call before confirming the batch. */
  admit(updates: readonly U[]): Admission<U> {
    const unseen = updates.filter((update) => !this.#inFlight.has(update.update_id));
    const all = () => new Set(unseen.map((update) => update.update_id));
    let admitted: Set<number>;
    let durable = this.store !== undefined;
    try {
      const at = this.now();
      admitted = this.store?.receive(this.botId, unseen.map((u) => ({ updateId: u.update_id, receivedAt: at, json: JSON.stringify(u) }))) ?? all();
    } catch (error) {
      this.#failed(error);
      admitted = all();
      durable = false;
    }
    const fresh = unseen.filter((update) => admitted.has(update.update_id));
    for (const update of fresh) this.#track(update.update_id, durable);
    return { fresh, durable };
  }

  #track(updateId: number, stored: boolean): void {
    this.#inFlight.add(updateId);
    if (!stored) return;
    this.#stored.add(updateId);
    this.#unreplied.add(updateId);
  }

  /**
   * The update's first reply is about to be sent. Written at once, before the call, so a restart
   * never sends a reply Telegram may already have; the price is that a reply cut off on its way
   * out by a crash is not sent again.
   */
  replying(updateId: number): void {
    if (!this.#unreplied.delete(updateId)) return;
    try {
      this.store?.markReplying(this.botId, updateId);
    } catch (error) {
      this.#failed(error);
    }
  }

  /** The update was answered, or the bot decided to send nothing. */
  done(updateId: number): void {
    this.#inFlight.delete(updateId);
    this.#unreplied.delete(updateId);
    if (this.#stored.delete(updateId)) this.#doneMarks.push(updateId);
  }

  /** Forgets done updates older than a day: long enough to recognise any redelivery. */
  prune(): number {
    try {
      return this.store?.prune(this.now() - DAY_MS) ?? 0;
    } catch (error) {
      this.#failed(error);
      return 0;
    }
  }

  get counts(): InboxCounts {
    return { pending: this.#inFlight.size, recovered: this.#recovered, writeFailures: this.#writeFailures };
  }

  close(): void {
    clearTimeout(this.#retry);
    this.#doneMarks.flush();
    this.store?.close();
  }

  /** The database could not be opened at all: counted and logged like a failed write. */
  unavailable(error: unknown): void {
    this.#failed(error);
  }

  /** Counted every time, logged at most once a minute: a locked file fails every batch. */
  #failed(error: unknown): void {
    this.#writeFailures += 1;
    this.#unwarned += 1;
    if (this.now() - this.#lastWarning < MINUTE_MS) return;
    this.logger.error({ err: error, failures: this.#unwarned }, 'inbox write failed; answering from memory, updates in flight are not durable');
    this.#lastWarning = this.now();
    this.#unwarned = 0;
  }
}

/** A row that is not an update (written by hand, damaged) is dropped rather than stopping the start. */
function parseUpdate<U extends IncomingUpdate>(json: string): U | undefined {
  try {
    const value = JSON.parse(json) as U;
    return Number.isSafeInteger(value?.update_id) ? value : undefined;
  } catch {
    return undefined;
  }
}
