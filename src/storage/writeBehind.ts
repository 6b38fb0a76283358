/**
 * Collects writes and performs them together on the next turn of the event loop, so the answer a
 * write belongs to is sent without waiting for the disk, and a burst of questions costs one
 * transaction. A failed batch stays queued and is retried with the next one (up to `maxPending`
 * items; beyond that the oldest are dropped, counted in the error report).
 */
export class WriteBehind<T> {
  #pending: T[] = [];
  #scheduled = false;
  #dropped = 0;

  constructor(
    private readonly write: (batch: readonly T[]) => void,
    private readonly onError: (error: unknown, info: { pending: number; dropped: number }) => void,
    private readonly maxPending = 10_000,
  ) {}

  push(item: T): void {
    if (this.#pending.length >= this.maxPending) {
      this.#pending.shift();
      this.#dropped += 1;
    }
    this.#pending.push(item);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.flush();
    });
  }

  /** Writes what is queued now; readers call it first so they see every write made before them. */
  flush(): void {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    try {
      this.write(batch);
      this.#pending = this.#pending.slice(batch.length);
    } catch (error) {
      this.onError(error, { pending: this.#pending.length, dropped: this.#dropped });
    }
  }

  get pending(): number {
    return this.#pending.length;
  }
}
