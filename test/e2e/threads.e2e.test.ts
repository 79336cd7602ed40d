// classify --threads: a large CSV (over 1 MiB) shared with worker threads gives
// the same bytes on standard output and standard error as one thread, in each format,
// failures, blank rows and repeated ids included.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSchemeCsv } from '../../src/index';
import { schemeProfileArb } from '../arbitraries/scheme';
import { cli, tempDir } from './cli';

describe('classify --threads', () => {
  const dir = tempDir();
  const csv = join(dir, 'large.csv');
  const profiles = fc.sample(schemeProfileArb(), { numRuns: 2600, seed: 14 }).map((p, i) => ({ ...p, id: `s${i % 2500}`, name: `Scheme ${i}` }));
  const lines = formatSchemeCsv(profiles)._unsafeUnwrap().split('\n');
  // A blank row, a bad cell and CRLF line endings, so that failures and skipped rows fall in different runs.
  lines.splice(1200, 0, '');
  lines[2100] = lines[2100]!.replace(/,(true|false|unknown),/, ',maybe,');
  writeFileSync(csv, lines.join('\r\n'));

  it('gives the output of one thread, in each format', () => {
    for (const format of ['csv', 'json', 'table', 'long']) {
      const one = cli(['classify', csv, '--format', format]);
      const three = cli(['classify', csv, '--format', format, '--threads', '3']);
      expect(one.status).toBe(1);
      expect(one.stdout.length).toBeGreaterThan(100_000);
      expect(three).toEqual(one);
    }
    const sensitivity = cli(['classify', csv, '--format', 'csv', '--sensitivity', '--threshold', '3']);
    expect(cli(['classify', csv, '--format', 'csv', '--sensitivity', '--threshold', '3', '--threads', '2'])).toEqual(sensitivity);
  });

  it('refuses a thread count that is not a whole number from 1 to 64', () => {
    for (const n of ['0', '65', 'two']) expect(cli(['classify', csv, '--threads', n]).status).toBe(2);
  });
});
