// Issue 13, guides that cannot drift: the field lists of "How the
// classification works" are checked against SchemeProfileSchema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { SchemeProfileSchema } from '../../src/index';

const guide = readFileSync('docs/how-the-classification-works.md', 'utf8');
type Shape = Record<string, z.ZodType>;
const shape = (schema: unknown): Shape | undefined => (schema as { shape?: Shape }).shape;
const top = shape(SchemeProfileSchema)!;

/** Whether a dotted path (`*` for any field) names a field of the profile. */
function exists(path: string): boolean {
  let node: unknown = SchemeProfileSchema;
  for (const key of path.split('.')) {
    const s = shape(node);
    if (s === undefined) return false;
    if (key === '*') return Object.keys(s).length > 0;
    if (!Object.hasOwn(s, key)) return false;
    node = s[key];
  }
  return true;
}

describe('the classification guide', () => {
  it('every fact path it names exists in SchemeProfileSchema', () => {
    const paths = [...new Set([...guide.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z_*]+)+)`/g)].map((m) => m[1]!))].filter((p) => Object.hasOwn(top, p.split('.')[0]!));
    expect(paths.length).toBeGreaterThan(8);
    for (const p of paths) expect(exists(p), p).toBe(true);
  });

  it('the table of sections covers every part of the profile, and the identity fields are named', () => {
    const table = guide.slice(guide.indexOf('| Section | What it records | Source |'), guide.indexOf('## Step 1'));
    const named = new Set<string>();
    for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
      for (const [, path] of row.split('|')[1]!.matchAll(/`([\w.*]+)`/g)) {
        expect(exists(path!), path).toBe(true);
        named.add(path!.split('.')[0]!);
      }
    }
    const identity = ['profileVersion', 'id', 'name', 'notes', 'evidence'];
    expect([...named].sort()).toEqual(Object.keys(top).filter((k) => !identity.includes(k)).sort());
    for (const k of identity) expect(guide).toContain(`\`${k}\``);
    const required = Object.entries(top).filter(([, v]) => !v.safeParse(undefined).success).map(([k]) => k);
    expect(required.filter((k) => identity.includes(k))).toEqual(['profileVersion', 'id', 'name']);
  });

  it('the level dimensions of Step 1 are fields of linking', () => {
    const table = guide.slice(guide.indexOf('| Dimension (`linking.*`)'), guide.indexOf('The level is the **lowest** cap'));
    const dims = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!);
    expect(dims).toEqual(['whoLinks', 'needsBreadth', 'contact', 'personalisedPlan']);
    for (const d of dims) expect(exists(`linking.${d}`), d).toBe(true);
  });
});
