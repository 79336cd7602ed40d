import { defineConfig } from 'vitest/config';

// Browser tests: they need the built site (npm run docs) and Debian's
// Chromium (scripts/ensure-chromium.mjs), so they run after the build as
// their own step of `npm test`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
