import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReferralMetrics, computeReferralMetricsAsync, replayReferrals } from '../../src/index';
import { syntheticReferralLog } from '../arbitraries/referral';

const log = [...syntheticReferralLog({ events: 50, seed: 11 })];
const TYPO = 'asof';
const LOG_OPTIONS = ['asOf', 'pathways', 'contactAttempts'];

describe('log options (issue 16, defects 2 and 4)', () => {
  it('an unknown option of replayReferrals is an err naming the allowed options, never the typed key', () => {
    const e = replayReferrals(log, { [TYPO]: '2024-01-01T00:00:00Z' } as never)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_referral_options');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: [], code: 'unrecognized_field' });
    for (const name of LOG_OPTIONS) expect(e.issues[0]!.message).toContain(name);
    expect(e.issues[0]!.message).toContain('did you mean "asOf"');
    expect(e.message + e.issues[0]!.message).not.toContain(TYPO);
  });

  it('an unknown option of the metrics functions is an err naming the allowed options, window included', async () => {
    const sync = computeReferralMetrics(log, { windw: 10 } as never)._unsafeUnwrapErr();
    const async = (await computeReferralMetricsAsync(log, { windw: 10 } as never))._unsafeUnwrapErr();
    for (const e of [sync, async]) {
      expect(e.code).toBe('invalid_referral_options');
      expect(e.issues.map((i) => i.code)).toEqual(['unrecognized_field']);
      for (const name of [...LOG_OPTIONS, 'window']) expect(e.issues[0]!.message).toContain(name);
      expect(e.issues[0]!.message).not.toContain('windw');
    }
  });

  it('law: an unknown option key is always refused and never echoed', () => {
    const known = new Set([...LOG_OPTIONS, 'window']);
    const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{3,12}$/).filter((k) => !known.has(k) && !'(root)options'.includes(k));
    fc.assert(
      fc.property(key, fc.jsonValue(), (k, v) => {
        const replay = replayReferrals(log, { [k]: v } as never);
        const metrics = computeReferralMetrics(log, { [k]: v } as never);
        for (const r of [replay, metrics]) {
          const e = r._unsafeUnwrapErr();
          expect(e.code).toBe('invalid_referral_options');
          expect(e.issues.map((i) => i.code)).toEqual(['unrecognized_field']);
          expect(JSON.stringify(e)).not.toContain(k);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the typo no longer lets events after the intended date through', () => {
    const ok = replayReferrals(log, { asOf: '2024-01-01T00:00:00Z' })._unsafeUnwrap();
    expect(ok.applied).toHaveLength(0);
    expect(replayReferrals(log, { [TYPO]: '2024-01-01T00:00:00Z' } as never).isErr()).toBe(true);
  });

  it('computeReferralMetrics reads each option once, from the validated copy', () => {
    let reads = 0;
    const options = {
      get window(): number {
        reads++;
        if (reads > 1) throw new Error('read twice');
        return 10;
      },
    };
    const m = computeReferralMetrics(log, options);
    expect(m.isOk()).toBe(true);
    expect(reads).toBe(1);
  });

  it('a window that changes between reads cannot pass validation and then apply another value', () => {
    let reads = 0;
    const options = {
      get window(): number {
        reads++;
        return reads === 1 ? 10 : 0;
      },
    };
    const m = computeReferralMetrics(log, options)._unsafeUnwrap();
    expect(m).toEqual(computeReferralMetrics(log, { window: 10 })._unsafeUnwrap());
  });
});
