import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySchemeFacts, createUnknownProfile, ROTHERHAM, SCHEME_FACTS } from '../../src/index';
import { factValue, getPath, schemeProfileArb, setPath } from '../arbitraries/scheme';

describe('applySchemeFacts', () => {
  it('fills unknown facts and keeps known ones, reporting disagreements', () => {
    const blank = createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap();
    const half = { ...blank, coverage: { scale: 'group_of_practices' as const } };
    const merged = applySchemeFacts(half, { coverage: { scale: 'local_authority_or_ccg' }, activities: { menuSize: 12 } })._unsafeUnwrap();
    expect(merged.profile.coverage.scale).toBe('group_of_practices');
    expect(merged.profile.activities.menuSize).toBe(12);
    expect(merged.conflicts).toEqual([
      { kind: 'scheme', code: 'fact_conflict', path: ['coverage', 'scale'], message: "coverage.scale: the profile and the derived facts disagree; the profile's value is kept" },
    ]);
  });

  it('law: every conflict is an error-shaped report (kind scheme, code fact_conflict) at a fact path both sides know and disagree on', () => {
    const factsArb = fc.array(fc.constantFrom(...SCHEME_FACTS).chain((f) => factValue(f).map((v) => [f, v] as const)), { maxLength: 8 });
    fc.assert(
      fc.property(schemeProfileArb(), factsArb, (profile, pairs) => {
        const facts: Record<string, unknown> = {};
        for (const [f, v] of pairs) setPath(facts, f.path, v);
        const { conflicts } = applySchemeFacts(profile, facts)._unsafeUnwrap();
        const expected = SCHEME_FACTS.filter((f) => {
          const a = getPath(profile, f.path);
          const b = f.path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], facts);
          return a !== 'unknown' && a !== undefined && b !== undefined && b !== 'unknown' && JSON.stringify(a) !== JSON.stringify(b);
        }).map((f) => f.path.join('.'));
        expect(conflicts.map((c) => c.path.join('.')).sort()).toEqual([...expected].sort());
        for (const c of conflicts) {
          expect([c.kind, c.code]).toEqual(['scheme', 'fact_conflict']);
          expect(c.message.startsWith(`${c.path.join('.')}: `)).toBe(true);
        }
      }),
    );
  });

  it('rejects facts that do not fit the profile, with paths, before merging anything', () => {
    const bad = applySchemeFacts(ROTHERHAM, { coverage: { scale: 'planet' as never } }, { funding: { committedYears: -1 } });
    const e = bad._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_scheme_facts');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['0.coverage.scale', '1.funding.committedYears']);
  });

  it('hostile facts (cycles, BigInt, unknown keys, a bad profile) give an error, never an exception', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(applySchemeFacts(ROTHERHAM, { coverage: { scale: cyclic as never } }).isErr()).toBe(true);
    expect(applySchemeFacts(ROTHERHAM, { coverage: { scale: 1n as never } }).isErr()).toBe(true);
    expect(applySchemeFacts(ROTHERHAM, JSON.parse('{"__proto__": {"x": 1}}') as never)._unsafeUnwrapErr().code).toBe('invalid_scheme_facts');
    expect(applySchemeFacts(ROTHERHAM, JSON.parse('{"constructor": {"x": 1}}') as never)._unsafeUnwrapErr().code).toBe('invalid_scheme_facts');
    expect(applySchemeFacts(null as never, {})._unsafeUnwrapErr().code).toBe('invalid_scheme_profile');
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
