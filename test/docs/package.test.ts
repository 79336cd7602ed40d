// The package's shape cannot drift: the entries package.json exports are the
// entries tsup builds and the README lists, the guides and examples import
// from module entries, and the notices name what the command line bundles.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../tsup.config';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, { import: { types: string; default: string }; require: { types: string; default: string } } | string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  typesVersions: { '*': Record<string, string[]> };
};
const subpaths = Object.entries(pkg.exports).filter(([, t]) => typeof t === 'object') as [string, { import: { types: string; default: string }; require: { types: string; default: string } }][];

describe('the package', () => {
  it('exports exactly the entries tsup builds, each for import and require with types', () => {
    const built = Object.keys(ENTRIES).sort();
    const exported = subpaths.map(([, t]) => t.import.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '')).sort();
    expect(exported).toEqual(built);
    for (const [, t] of subpaths) {
      const base = t.import.default.replace(/\.js$/, '');
      expect(t).toEqual({ import: { types: `${base}.d.ts`, default: `${base}.js` }, require: { types: `${base}.d.cts`, default: `${base}.cjs` } });
    }
  });

  it('resolves every subpath for TypeScript\'s node10 resolution too (typesVersions)', () => {
    for (const [subpath, t] of subpaths) {
      if (subpath !== '.') expect(pkg.typesVersions['*'][subpath.slice(2)]).toEqual([t.require.types]);
    }
  });

  it('the README lists every entry', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [subpath] of subpaths) {
      const name = subpath === '.' ? 'social-prescribing' : `social-prescribing/${subpath.slice(2)}`;
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });

  it('examples and guides import from module entries (the root entry only where a file says why)', () => {
    const files = [
      ...readdirSync('examples').filter((f) => /\.(ts|mjs)$/.test(f)).map((f) => `examples/${f}`),
      'README.md',
      ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
    ];
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from 'social-prescribing';/);
    }
  });

  it('the command line\'s own dependencies are not the library\'s, and the notices name each with its version', () => {
    const notices = readFileSync('THIRD-PARTY-NOTICES.md', 'utf8');
    for (const name of ['commander', 'csv-parse']) {
      expect(pkg.dependencies[name]).toBeUndefined();
      const version = (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
      expect(notices).toContain(`## ${name} ${version}`);
    }
  });
});
