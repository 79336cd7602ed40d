import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests (npm run test:browser) and end-to-end tests of the built CLI
    // (npm run test:e2e) run as their own steps, after the build.
    exclude: ['test/browser/**', 'test/e2e/**', 'node_modules/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
