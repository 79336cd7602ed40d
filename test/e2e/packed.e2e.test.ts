// The packed package works as its users will use it, installed from the
// tarball `npm pack` makes into a fresh project: researchers with
// `npx social-prescribing`, developers importing every entry from ESM, CJS
// and TypeScript (node16 and bundler resolution).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from './cli';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
/** Every module entry: '' for the root, then 'classification', 'pathway', ... */
const ENTRIES = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => k.slice(2));
const specifier = (entry: string) => (entry === '' ? 'social-prescribing' : `social-prescribing/${entry}`);
/** One runtime export each entry must have, to prove it loads the right module. */
const PROBE: Record<string, string> = {
  '': 'classifyScheme',
  classification: 'classifyScheme',
  pathway: 'evaluateEligibility',
  referral: 'isValidNhsNumber',
  outcomes: 'scoreSwemwbs',
  fhir: 'toFhirReferral',
  menu: 'matchActivities',
  commissioning: 'decideAwards',
  research: 'classifyBatchInput',
  shared: 'formatPath',
};

describe('the packed package', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir();
    const packed = execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(dir, packed)], { cwd: dir, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
  }, 300_000);

  it('every entry has a probe', () => {
    expect(Object.keys(PROBE).sort()).toEqual([...ENTRIES].sort());
  });

  it('installs and runs with npx social-prescribing', () => {
    const npx = (args: string[]) => spawnSync('npx', ['--no-install', 'social-prescribing', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    const version = npx(['--version']);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const classified = npx(['classify', join(ROOT, FIXTURES, 'good/rotherham.json'), '--format', 'jsonl']);
    expect(classified.status, classified.stderr).toBe(0);
    expect(JSON.parse(classified.stdout)).toMatchObject({ status: 'ok', classification: { tier: 'plus' } });
  }, 120_000);

  it('does not make a library user install the command line\'s dependencies', () => {
    expect(existsSync(join(dir, 'node_modules/commander'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules/csv-parse'))).toBe(false);
    // The peers are installed beside it (npm 7 and later).
    expect(existsSync(join(dir, 'node_modules/zod'))).toBe(true);
  });

  it('ships its licence and the notices of what the command line bundles', () => {
    const root = join(dir, 'node_modules/social-prescribing');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), 'utf8')).toMatch(/## commander[\s\S]*## csv-parse/);
  });

  it('no library file reaches a Node built-in, commander or csv-parse', () => {
    const dist = join(dir, 'node_modules/social-prescribing/dist');
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : /\.c?js$/.test(n) && n !== 'cli.js' ? [join(d, n)] : []));
    const offenders = files(dist).filter((f) => /(from|require\()\s*["'](node:|fs["']|path["']|commander|csv-parse)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('imports every entry from ESM', () => {
    const code = ENTRIES.map((e, i) => `import * as m${i} from '${specifier(e)}';\nif (typeof m${i}.${PROBE[e]} !== 'function') throw new Error('${specifier(e)}');`).join('\n');
    writeFileSync(join(dir, 'esm.mjs'), `${code}\nconsole.log('esm ok');\n`);
    const run = spawnSync(process.execPath, ['esm.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('esm ok');
  });

  it('requires every entry from CommonJS', () => {
    const code = ENTRIES.map((e) => `if (typeof require('${specifier(e)}').${PROBE[e]} !== 'function') throw new Error('${specifier(e)}');`).join('\n');
    writeFileSync(join(dir, 'cjs.cjs'), `${code}\nconsole.log('cjs ok');\n`);
    const run = spawnSync(process.execPath, ['cjs.cjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('cjs ok');
  });

  it.each([
    ['node16, ESM', { module: 'node16', moduleResolution: 'node16' }, 'module', 'app.ts'],
    ['node16, CommonJS', { module: 'node16', moduleResolution: 'node16' }, 'commonjs', 'app.cts'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'module', 'app.ts'],
  ])('type-checks every entry with TypeScript (%s resolution)', (_name, options, type, file) => {
    const sub = tempDir();
    writeFileSync(join(sub, 'package.json'), JSON.stringify({ name: 'ts-consumer', private: true, type }));
    // The installed package, seen from this project through node_modules.
    execFileSync('ln', ['-s', join(dir, 'node_modules'), join(sub, 'node_modules')]);
    writeFileSync(
      join(sub, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: [file] }),
    );
    const lines = ENTRIES.map((e, i) => `import { ${PROBE[e]} as p${i} } from '${specifier(e)}';\nconst f${i}: (...args: never[]) => unknown = p${i};\nvoid f${i};`);
    lines.push(
      "import { classifyScheme, ROTHERHAM, type Classification } from 'social-prescribing/classification';",
      'const c: Classification = classifyScheme(ROTHERHAM)._unsafeUnwrap();',
      "const tier: 'light' | 'holistic' | 'plus' = c.tier;",
      'void tier;',
    );
    writeFileSync(join(sub, file), `${lines.join('\n')}\nexport {};\n`);
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', sub], { cwd: sub, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
