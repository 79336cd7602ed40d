import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The absolute path of a guide shipped in the package (`docs/<name>`), so
 * that `--help` names a file that exists where the package is installed,
 * not a path that exists only in the repository.
 */
export function docPath(name: string): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    // From dist/ (the installed command) or src/cli/ (tests): the first folder up with our package.json.
    for (let i = 0; i < 5; i++) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'social-prescribing') break;
      dir = dirname(dir);
    }
    root = dir;
  }
  return join(root, 'docs', name);
}
