// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** A module imports another only through its `index.ts` or `internal.ts`; `src/shared/` is the kernel every module uses. */
const MODULE_BOUNDARY = {
  regex: '^\\.\\./(scheme|scoring|research|pathway|menu|outcomes|referral|commissioning|fhir)/(?!index$|internal$).+$',
  message: "import another module through its index.ts (or internal.ts for what the library does not publish)",
};

export default tseslint.config(
  { ignores: ['dist/', 'site/', 'coverage/', 'node_modules/', 'test-artifacts/', 'docs/schema/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The core runs in a browser: no Node built-ins outside the CLI.
      // ... and modules meet only through each other's index.ts or internal.ts (docs/conventions.md).
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: [{ group: ['node:*'], message: 'the core runs in a browser' }, MODULE_BOUNDARY] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', '__filename', 'require'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-throw-literal': 'error',
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MODULE_BOUNDARY] }] },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // `interface X extends z.infer<typeof XSchema> {}` gives the inferred type a name in docs and errors.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'stryker.config.mjs', 'bench/**/*.ts', 'examples/**/*.{ts,cjs,mjs}', 'test/**/*.ts', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable' } },
  },
  {
    // The docs site's page scripts run in the browser as classic scripts.
    files: ['docs/site/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', URL: 'readonly', Blob: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
