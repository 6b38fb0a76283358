import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests load the real model and build real indexes; on a busy 2-core machine
    // the defaults (5 s / 10 s) are too tight, and a timeout is not what those tests check.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
