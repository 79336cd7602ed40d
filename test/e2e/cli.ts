// Runs the built CLI as a child process, as a researcher's shell would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const FIXTURES = 'test/fixtures';

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the end-to-end tests');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `social-prescribing ...args` from the repository root with stdout and stderr piped. */
export function cli(args: readonly string[], options: { cwd?: string; input?: string } = {}): Run {
  const env = { ...process.env };
  delete env['CI'];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env, input: options.input ?? '', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'sp-e2e-'));
