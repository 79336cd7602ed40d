import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const external = ['zod', 'neverthrow', 'date-fns', '@noble/hashes'];

/** The library's entry points: `package.json` `exports` names each one (checked by test/package). */
export const ENTRIES = {
  index: 'src/index.ts',
  classification: 'src/classification.ts',
  'pathway/index': 'src/pathway/index.ts',
  'referral/index': 'src/referral/index.ts',
  'outcomes/index': 'src/outcomes/index.ts',
  'fhir/index': 'src/fhir/index.ts',
  'menu/index': 'src/menu/index.ts',
  'commissioning/index': 'src/commissioning/index.ts',
  'research/index': 'src/research/index.ts',
  'shared/index': 'src/shared/index.ts',
};

/** Every source file of the library (not the CLI): each becomes one output file. */
function libraryFiles(dir = 'src'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'cli' ? [] : libraryFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Keeps every module a file of its own: a relative import stays an import,
 * rewritten to the output file it names (`./x` to `./x.js` or `./x.cjs`,
 * `./dir` to `./dir/index.js`), so bundlers see the package's real module
 * graph and `sideEffects: false` lets them drop every module an app does not use.
 */
function preserveModules(extension: string): Plugin {
  return {
    name: 'preserve-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const target = resolve(args.resolveDir, args.path);
        let file: string;
        if (existsSync(`${target}.ts`)) file = args.path;
        else if (existsSync(join(target, 'index.ts'))) file = `${args.path}/index`;
        else throw new Error(`cannot resolve ${args.path} from ${relative('.', args.importer)}`);
        return { path: `${file}${extension}`, external: true };
      });
    },
  };
}

const files = libraryFiles();
// `npm run build` (scripts/build.mjs) empties dist/ first: the builds
// run in parallel, so none may clean.
export default defineConfig([
  {
    // The library, one output file per source file, ESM.
    entry: files,
    outDir: 'dist',
    format: ['esm'],
    bundle: true,
    splitting: false,
    dts: false,
    // No source maps: each output file is its source file with the types removed.
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    external,
    esbuildPlugins: [preserveModules('.js')],
    silent: true,
  },
  {
    // The same, CommonJS.
    entry: files,
    outDir: 'dist',
    format: ['cjs'],
    bundle: true,
    splitting: false,
    dts: false,
    // No source maps: each output file is its source file with the types removed.
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    external,
    esbuildPlugins: [preserveModules('.cjs')],
    silent: true,
  },
  {
    // Declarations for each entry, for import (.d.ts) and require (.d.cts).
    entry: ENTRIES,
    outDir: 'dist',
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    silent: true,
  },
  {
    // The command line (`bin`): Node only, ESM, the only code allowed Node
    // built-ins. commander and csv-parse are bundled into it, so the library
    // does not make its users install them (their licences: THIRD-PARTY-NOTICES.md).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    external,
    noExternal: ['commander', 'csv-parse'],
    // commander is CommonJS: its require() of Node built-ins needs a real `require` in the ESM bundle.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    define: { __SP_VERSION__: JSON.stringify(version) },
    silent: true,
  },
]);
