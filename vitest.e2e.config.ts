import { defineConfig } from 'vitest/config';

// End-to-end tests: they run the built CLI (dist/cli.js) as a child process
// and open its HTML report in headless Chromium, so they run after
// `npm run build` (see the `test` script in package.json).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
