import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Layout and PDF tests are CPU-bound; two workers match the two cores of CI.
    maxWorkers: 2,
  },
});
