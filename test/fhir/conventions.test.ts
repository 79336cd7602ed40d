import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS, fromFhirTask, toFhirReferral } from '../../src/index';
import { SENTINEL } from '../arbitraries/scheme';
import { REFERRAL_IN } from './referralsInEveryStatus';

const task = (extra: Record<string, unknown> = {}) => ({
  resourceType: 'Task',
  status: 'accepted',
  identifier: [{ system: FHIR_SYSTEMS.referralId, value: 'r1' }],
  lastModified: '2024-04-02T09:00:00Z',
  ...extra,
});

describe('issues point at the field (issue 13)', () => {
  it('fromFhirTask names the field inside nested lists and objects', () => {
    expect(fromFhirTask(task({ identifier: [{ system: 1 }] }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_fhir_task', issues: [{ path: ['identifier', 0, 'system'] }] });
    expect(fromFhirTask(task({ businessStatus: { coding: [{ code: 7 }] } }))._unsafeUnwrapErr()).toMatchObject({ issues: [{ path: ['businessStatus', 'coding', 0, 'code'] }] });
    expect(fromFhirTask(task(), { by: 'nurse' })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_fhir_options', issues: [{ path: ['by'], code: 'invalid_value' }] });
  });

  it('toFhirReferral names the field of the referral record inside its nested objects', () => {
    const bad = { ...REFERRAL_IN.reviewed, reviews: [{ at: '2024-04-02T09:00:00Z', followUp: { measure: 'wemwbs', score: 99 } }] };
    expect(toFhirReferral(bad)._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_referral', issues: [{ path: ['reviews', 0, 'followUp', 'score'] }] });
  });

  it('law: sentinel text in keys and values of an invalid Task, referral or option never appears in a message or path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(REFERRAL_IN)), fc.integer({ min: 0, max: 3 }), (referral, how) => {
        const results = [
          fromFhirTask(task({ identifier: SENTINEL, [SENTINEL]: undefined, status: how === 0 ? SENTINEL : 'accepted' }), { [SENTINEL]: SENTINEL }),
          fromFhirTask(task({ lastModified: SENTINEL, authoredOn: SENTINEL })),
          fromFhirTask(task(), { by: SENTINEL }),
          toFhirReferral({ ...referral, [SENTINEL]: SENTINEL, needs: [SENTINEL] }),
          toFhirReferral(referral, { nhsNumber: `${SENTINEL}`, baseUrl: SENTINEL, [SENTINEL]: 1 }),
        ];
        for (const r of results) {
          expect(r.isErr()).toBe(true);
          expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('SENTINEL');
        }
      }),
    );
  });
});
