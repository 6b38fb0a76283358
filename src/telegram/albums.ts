import type { Background } from './background.js';

/** How long after the last part of an album arrived it is taken as complete: Telegram sends the parts within a moment. */
export const ALBUM_WAIT_MS = 1000;

export const waitFor = (ms: number) => (): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Telegram delivers an album as separate messages sharing a media_group_id. The first part starts
 * a wait (in the background, so the chat's next updates, the other parts, are handled meanwhile),
 * repeated while more parts arrive; after a wait with none, every part collected under that key is
 * handed over at once.
 */
export class AlbumCollector<Part> {
  readonly #albums = new Map<string, Part[]>();

  constructor(
    private readonly background: Background,
    /** Resolves when the album is taken as complete; tests pass a promise they release. */
    private readonly wait: () => Promise<void>,
  ) {}

  add(key: string, part: Part, complete: (parts: Part[]) => Promise<void>, onError: () => Promise<unknown>): void {
    const parts = this.#albums.get(key);
    if (parts) {
      parts.push(part);
      return;
    }
    this.#albums.set(key, [part]);
    this.background.run(
      'album',
      async () => {
        const collected = this.#albums.get(key) ?? [];
        // Wait again while parts keep coming: the album is complete after one quiet wait.
        for (let seen = 0; seen < collected.length; ) {
          seen = collected.length;
          await this.wait();
        }
        this.#albums.delete(key);
        await complete(collected);
      },
      onError,
    );
  }
}
