import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStringSet, hashOf } from '../../src/referral/idSet';

describe('createStringSet', () => {
  it('law: add answers as a Set does (true for a new string, false for one already in), over strings that share slots and hashes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('Aa', 'BB', 'R1-e1', 'R1-e10')), { maxLength: 400 }), (strings) => {
        const set = createStringSet();
        const plain = new Set<string>();
        for (const s of strings) {
          expect(set.add(s)).toBe(!plain.has(s));
          plain.add(s);
          expect(set.size()).toBe(plain.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every string again after growing many times', () => {
    const set = createStringSet();
    const ids = Array.from({ length: 20_000 }, (_, i) => `R${i % 7_000}-e${Math.floor(i / 7_000)}`);
    expect(ids.map((id) => set.add(id)).every(Boolean)).toBe(true);
    expect(ids.some((id) => set.add(id))).toBe(false);
    expect(set.size()).toBe(20_000);
  });

  it('tells apart strings whose 32-bit hashes are equal (known FNV-1a collisions)', () => {
    const pairs = [
      ['costarring', 'liquid'],
      ['declinate', 'macallums'],
      ['altarage', 'zinke'],
    ] as const;
    for (const [a, b] of pairs) {
      expect(hashOf(a)).toBe(hashOf(b));
      const set = createStringSet();
      expect([set.add(a), set.add(b), set.add(a), set.add(b)]).toEqual([true, true, false, false]);
    }
  });

  it('hashes code units (FNV-1a), so strings differing in one unit differ', () => {
    expect(hashOf('')).toBe(0x811c9dc5 | 0);
    expect(hashOf('a')).not.toBe(hashOf('b'));
    expect(hashOf('\uD83D\uDE00')).not.toBe(hashOf('\uDE00\uD83D'));
  });
});
