import { defineConfig } from 'vitest/config';

// The unit-test config without type tests, for Stryker (stryker.config.mjs): a mutant
// is judged by the runtime tests only.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/e2e/**', 'node_modules/**'],
  },
});
