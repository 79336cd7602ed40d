import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const external = ['zod', 'neverthrow', 'date-fns', '@noble/hashes', 'commander', 'csv-parse'];

// `npm run build` empties dist/ first (scripts/clean-dist.mjs): the builds
// run in parallel, so none may clean.
export default defineConfig([
  {
    // The library: pure, platform-neutral, dual ESM/CJS, with types for both.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    external,
  },
  {
    // A self-contained browser build (dependencies bundled) exposing the
    // global `SocialPrescribing`, for pages without a bundler; the docs
    // site's interactive classifier runs on it.
    entry: { 'social-prescribing': 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['iife'],
    globalName: 'SocialPrescribing',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    noExternal: [/.*/],
    dts: false,
    clean: false,
  },
  {
    // The command line (`bin`): Node only, ESM, the only code allowed Node built-ins.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    external,
    banner: { js: '#!/usr/bin/env node' },
    define: { __SP_VERSION__: JSON.stringify(version) },
  },
]);
