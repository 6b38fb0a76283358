import { describe, expect, it } from 'vitest';
import { WriteBehind } from '../../src/storage/writeBehind.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteBehind', () => {
  it('writes a burst as one batch on the next turn, and flush() writes at once', async () => {
    const batches: number[][] = [];
    const queue = new WriteBehind<number>((batch) => void batches.push([...batch]), () => undefined);
    [1, 2, 3].forEach((n) => queue.push(n));
    expect(batches).toEqual([]);
    await tick();
    queue.push(4);
    queue.flush();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps a failed batch and retries it with the next, dropping the oldest beyond the bound', async () => {
    let failing = true;
    const written: number[] = [];
    const errors: Array<{ pending: number; dropped: number }> = [];
    const queue = new WriteBehind<number>(
      (batch) => {
        if (failing) throw new Error('locked');
        written.push(...batch);
      },
      (_error, info) => errors.push(info),
      2,
    );
    queue.push(1);
    await tick();
    queue.push(2);
    queue.push(3);
    await tick();
    failing = false;
    queue.flush();
    expect(errors).toEqual([{ pending: 1, dropped: 0 }, { pending: 2, dropped: 1 }]);
    expect(written).toEqual([2, 3]);
    expect(queue.pending).toBe(0);
  });
});
