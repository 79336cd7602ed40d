// A row read from a scheme CSV is built in the schema's order and proven as
// it is (src/research/parseSchemeCsvRecord.ts): it must be exactly the value
// zod returns for it, keys in the same order, whatever the header holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createSchemeCsvLayout, parseSchemeCsvRecord, SchemeProfileSchema, schemeCsvColumns } from '../../src/index';

const CELLS = ['', '', '', 'unknown', 'unknown', 'yes', 'No', '1', '0', 'true', 'gp_practice', 'Local_Authority_or_CCG', 'listed', 'none', '3', '2.5', '-1', '1e999', 'x', ' a ', "'=x", 'é'];

describe('scheme CSV rows read without zod', () => {
  it('law: a row that reads as a profile is exactly what zod returns for it, keys in the same order', () => {
    const names = schemeCsvColumns({ pathwayGroups: 2, evidence: true }).map((c) => c.name);
    let ok = 0;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(names, { minLength: 0 }),
        fc.func(fc.constantFrom(...CELLS)),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        (columns, cell, id, notes) => {
          const header = ['id', 'name', ...(notes === undefined ? [] : ['notes']), ...columns.filter((c) => !['id', 'name', 'notes'].includes(c))];
          const layout = createSchemeCsvLayout(header)._unsafeUnwrap();
          const row = header.map((h, i) => (h === 'id' ? id : h === 'name' ? 'A scheme' : h === 'notes' ? notes! : h.startsWith('evidence.') && i % 3 !== 0 ? '' : h.endsWith('.label') ? `label ${i}` : h === 'pathways' ? 'listed' : cell(h, i)));
          const read = parseSchemeCsvRecord(layout, row);
          if (read.isErr()) return;
          ok++;
          const plain = z.safeParse(SchemeProfileSchema, read.value);
          expect(plain.success).toBe(true);
          expect(read.value).toStrictEqual(plain.data);
          expect(JSON.stringify(read.value)).toBe(JSON.stringify(plain.data));
        },
      ),
      { numRuns: 1_000 },
    );
    expect(ok).toBeGreaterThan(30);
  });
});
