import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The package: ESM and CommonJS, with types for both.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false, // the build script empties dist first: two configs write into it in parallel
    target: 'es2022',
    platform: 'neutral',
    external: ['zod', 'neverthrow', 'date-fns'],
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
]);
