import { defineConfig } from 'vitest/config';

// Two projects: `unit` (no full builds: parsing, line breaking, hyphenation, fonts, charts,
// chart validation, the PDF/UA checker itself…; well under a minute) and `e2e` (full builds
// of the fixture projects and of the live sample, the CLI as shipped, watch, --jobs, the build
// cache). `npm test` runs both; `npm run test:unit` / `npm run test:e2e` one of them.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Layout and PDF tests are CPU-bound; two workers match the two cores of CI.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Bundles the CLI once (scripts/bundle.mjs), so the e2e tests run what ships.
          globalSetup: ['tests/helpers/bundleSetup.ts'],
        },
      },
    ],
  },
});
