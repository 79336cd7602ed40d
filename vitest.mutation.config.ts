import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The unit-test config for Stryker (stryker.config.mjs): runtime tests only (no type
// tests), and fast-check capped to a few cases per property (test/mutation/fastCheckCapped.ts).
export default defineConfig({
  resolve: {
    alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./test/mutation/fastCheckCapped.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/e2e/**', 'node_modules/**'],
    // The machine is shared: a test that takes a second alone can take ten under load.
    // Stryker's own timeout (per mutant) catches the mutants that loop.
    testTimeout: 60_000,
  },
});
