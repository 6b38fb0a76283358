import type { Background } from './background.js';

/** How long the parts of an album are collected after the first arrives: Telegram sends them within a moment. */
export const ALBUM_WAIT_MS = 1000;

export const waitFor = (ms: number) => (): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Telegram delivers an album as separate messages sharing a media_group_id. The first part starts
 * a wait (in the background, so the chat's next updates, the other parts, are handled meanwhile);
 * when it ends, every part collected under that key is handed over at once.
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
        await this.wait();
        const collected = this.#albums.get(key) ?? [];
        this.#albums.delete(key);
        await complete(collected);
      },
      onError,
    );
  }
}
