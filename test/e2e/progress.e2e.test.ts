// The progress bar: on standard error, only on a terminal, only past a few
// hundred schemes, and never in CI. A pseudo-terminal comes from util-linux
// `script`, present on Debian.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnknownProfile, formatSchemeCsv } from '../../src/index';
import { CLI, tempDir } from './cli';

const SCRIPT = '/usr/bin/script';

describe.skipIf(!existsSync(SCRIPT))('the progress bar', () => {
  const dir = tempDir();
  const csv = join(dir, 'many.csv');
  writeFileSync(csv, formatSchemeCsv(Array.from({ length: 20_000 }, (_, i) => createUnknownProfile({ id: `s${i}`, name: `Scheme ${i}` })._unsafeUnwrap()))._unsafeUnwrap());
  const out = join(dir, 'out.csv');

  /** Runs the CLI with stdin, stdout and stderr on a pseudo-terminal; returns what the terminal showed. */
  const onTerminal = (ci: string | undefined): string => {
    const env: Record<string, string | undefined> = { ...process.env, TERM: 'dumb' };
    if (ci === undefined) delete env['CI'];
    else env['CI'] = ci;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} classify ${JSON.stringify(csv)} --out ${JSON.stringify(out)}`;
    const r = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { encoding: 'utf8', env: env as NodeJS.ProcessEnv });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('is drawn on a terminal, and not in CI', () => {
    expect(onTerminal(undefined)).toMatch(/\[#*\.*\] +\d+% +[\d,]+ schemes/);
    expect(onTerminal('true')).not.toMatch(/schemes/);
  });
});
