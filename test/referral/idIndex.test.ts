import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdIndex, hashId } from '../../src/referral/idIndex';

describe('the index of event ids', () => {
  it('law: it answers as a Set does, under any adds and removes, whatever the hashes (long runs and wrap-around included)', () => {
    // A few hashes for many ids, and hashes whose home is the last slots of the
    // table, so that runs are long, wrap around and are shifted back on removal.
    const hashArb = fc.oneof(fc.constantFrom(1, 2, 3, 1023, 1024, -1, 0x7fffffff), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((h) => h !== 0));
    const opArb = fc.tuple(fc.boolean(), fc.nat(40));
    fc.assert(
      fc.property(fc.array(hashArb, { minLength: 41, maxLength: 41 }), fc.array(opArb, { maxLength: 3000 }), (hashes, ops) => {
        const ids = hashes.map((_, i) => `e${i}`);
        const model = new Set<number>();
        const index = createIdIndex((ref) => ids[ref]!);
        for (const [add, k] of ops) {
          const id = ids[k]!;
          expect(index.has(id, hashes[k]!)).toBe(model.has(k));
          if (add && !model.has(k)) {
            index.add(hashes[k]!, k);
            model.add(k);
          } else if (!add && model.has(k)) {
            index.remove(hashes[k]!, k);
            model.delete(k);
          }
        }
        ids.forEach((id, k) => expect(index.has(id, hashes[k]!)).toBe(model.has(k)));
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first size and still finds every id', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `R${i}-e${i % 7}`);
    const index = createIdIndex((ref) => ids[ref]!);
    ids.forEach((id, k) => index.add(hashId(id), k));
    expect(ids.every((id) => index.has(id, hashId(id)))).toBe(true);
    expect(index.has('R1-e2', hashId('R1-e2'))).toBe(false);
  });

  it('hashes are 32-bit integers, never 0 (0 marks an empty slot)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const h = hashId(s);
        expect(Number.isInteger(h) && h !== 0 && h === (h | 0)).toBe(true);
      }),
    );
  });
});
