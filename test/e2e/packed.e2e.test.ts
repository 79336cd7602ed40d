// The packed package works as researchers will run it: `npx social-prescribing`
// from a project that installed the tarball `npm pack` makes.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from './cli';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed package', () => {
  it('installs and runs with npx social-prescribing', () => {
    const dir = tempDir();
    const packed = execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'researcher', private: true, version: '1.0.0' }));
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(dir, packed)], { cwd: dir, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);

    const npx = (args: string[]) => spawnSync('npx', ['--no-install', 'social-prescribing', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    const version = npx(['--version']);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const classified = npx(['classify', join(ROOT, FIXTURES, 'good/rotherham.json'), '--format', 'jsonl']);
    expect(classified.status, classified.stderr).toBe(0);
    expect(JSON.parse(classified.stdout)).toMatchObject({ status: 'ok', classification: { tier: 'plus' } });
  }, 300_000);
});
