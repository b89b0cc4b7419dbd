import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Real builds and a real browser: generous limits, no timing assertions.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
