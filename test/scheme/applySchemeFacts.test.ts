import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySchemeFacts, createUnknownProfile, ROTHERHAM, SCHEME_FACTS } from '../../src/index';
import { factValue, getPath, schemeProfileArb, setPath } from '../arbitraries/scheme';

describe('applySchemeFacts', () => {
  it('fills unknown facts and keeps known ones, reporting disagreements', () => {
    const blank = createUnknownProfile({ id: 's', name: 'S' });
    const half = { ...blank, coverage: { scale: 'group_of_practices' as const } };
    const merged = applySchemeFacts(half, { coverage: { scale: 'local_authority_or_ccg' }, activities: { menuSize: 12 } })._unsafeUnwrap();
    expect(merged.profile.coverage.scale).toBe('group_of_practices');
    expect(merged.profile.activities.menuSize).toBe(12);
    expect(merged.conflicts).toEqual([{ path: ['coverage', 'scale'], code: 'fact_conflict' }]);
  });

  it('rejects facts that make the profile invalid, with paths', () => {
    const bad = applySchemeFacts(ROTHERHAM, { coverage: { scale: 'planet' as never } });
    expect(bad.isOk()).toBe(true); // known value kept: the bad fact is a conflict, not applied
    const blank = createUnknownProfile({ id: 's', name: 'S' });
    const err = applySchemeFacts(blank, { coverage: { scale: 'planet' as never } })._unsafeUnwrapErr();
    expect(err.issues.map((i) => i.path.join('.'))).toEqual(['coverage.scale']);
  });

  it('law: applying facts never changes a known fact and never mutates its input', () => {
    const factsArb = fc.array(fc.constantFrom(...SCHEME_FACTS).chain((f) => factValue(f).map((v) => [f, v] as const)), { maxLength: 8 });
    fc.assert(
      fc.property(schemeProfileArb(), factsArb, (profile, pairs) => {
        const facts: Record<string, unknown> = {};
        for (const [f, v] of pairs) setPath(facts, f.path, v);
        const before = structuredClone(profile);
        const merged = applySchemeFacts(profile, facts)._unsafeUnwrap().profile;
        expect(profile).toEqual(before);
        for (const f of SCHEME_FACTS) {
          const old = getPath(profile, f.path);
          if (old !== 'unknown') expect(getPath(merged, f.path)).toEqual(old);
        }
      }),
    );
  });
});
