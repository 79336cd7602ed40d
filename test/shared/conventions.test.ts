// Laws of docs/conventions.md that hold across modules: one rule for which
// input is checked first, and one shape of options error, whichever module.
import fc from 'fast-check';
import type { Result } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import * as sp from '../../src/index';

/** An option no function defines: every options schema is strict. */
const BAD_OPTIONS = { notAnOption: true };

/**
 * Every public function that takes outside data and options, called with data
 * that is wrong and an unknown option, with the options error code it must return.
 * `data` is any value that is not valid data for the function.
 */
const CALLS: readonly (readonly [name: string, call: (data: unknown) => unknown, code: string])[] = [
  ['classifyScheme', (d) => sp.classifyScheme(d, BAD_OPTIONS as never), 'invalid_classify_options'],
  ['evaluateEligibility', (d) => sp.evaluateEligibility(d, d, BAD_OPTIONS as never), 'invalid_eligibility_options'],
  ['evaluateRule', (d) => sp.evaluateRule(d, d, BAD_OPTIONS as never), 'invalid_eligibility_options'],
  ['analyseGaps', (d) => sp.analyseGaps(d, d, BAD_OPTIONS as never), 'invalid_gap_options'],
  ['matchActivities', (d) => sp.matchActivities(d, d, BAD_OPTIONS as never), 'invalid_match_options'],
  ['importHsdsServices', (d) => sp.importHsdsServices(d, BAD_OPTIONS as never), 'invalid_hsds_options'],
  ['findStaleEntries', (d) => sp.findStaleEntries(d, BAD_OPTIONS as never), 'invalid_stale_options'],
  ['toFhirReferral', (d) => sp.toFhirReferral(d, BAD_OPTIONS), 'invalid_fhir_options'],
  ['fromFhirTask', (d) => sp.fromFhirTask(d, BAD_OPTIONS), 'invalid_fhir_options'],
  ['compareOutcomes', (d) => sp.compareOutcomes(d, d, BAD_OPTIONS), 'invalid_compare_options'],
  ['replayReferrals', (d) => sp.replayReferrals([d], BAD_OPTIONS as never), 'invalid_referral_options'],
  ['computeReferralMetrics', (d) => sp.computeReferralMetrics([d], BAD_OPTIONS as never), 'invalid_referral_options'],
  ['createReferral', (d) => sp.createReferral(d, BAD_OPTIONS as never), 'invalid_referral_options'],
  ['transitionReferral', (d) => sp.transitionReferral(d, d, BAD_OPTIONS as never), 'invalid_referral_options'],
  ['compareCodings', (d) => sp.compareCodings(d, BAD_OPTIONS as never), 'invalid_compare_codings_options'],
  ['krippendorffAlpha', (d) => sp.krippendorffAlpha(d, BAD_OPTIONS as never), 'invalid_alpha_options'],
  ['formatGbp', (d) => sp.formatGbp(d, BAD_OPTIONS), 'invalid_gbp_options'],
  ['transitionRound', (d) => sp.transitionRound(d as never, d as never, BAD_OPTIONS as never), 'invalid_round_options'],
  ['decideAwards', (d) => sp.decideAwards(d as never, d as never, d as never, { method: 'rank_order', ...BAD_OPTIONS } as never), 'invalid_award_options'],
  ['exportAwardsTo360Giving', (d) => sp.exportAwardsTo360Giving(d as never, d as never, d as never, BAD_OPTIONS as never), 'invalid_360giving_options'],
  ['renderResearchReport', (d) => sp.renderResearchReport(d as never, d as never, BAD_OPTIONS as never), 'invalid_report_options'],
];

/** Data that no function accepts as its subject. */
const badData = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, 42, 'text', true, [], [null]),
  fc.dictionary(fc.constantFrom('id', 'type', 'at', 'menuVersion'), fc.constantFrom<unknown>(null, -1, '')),
);

describe('law: options are checked before the data they apply to', () => {
  for (const [name, call, code] of CALLS) {
    it(`law: ${name} reports an unknown option (${code}) whatever the data`, () => {
      fc.assert(
        fc.property(badData, (data) => {
          const result = call(data) as Result<unknown, { kind: string; code: string; issues: readonly { path: readonly unknown[]; code: string }[] }>;
          expect(result.isErr()).toBe(true);
          const e = result._unsafeUnwrapErr();
          expect([e.kind, e.code]).toEqual(['validation', code]);
          // The unknown key is reported on the options object, never by its (typed) name.
          expect(e.issues.map((i) => [i.path, i.code])).toContainEqual([[], 'unrecognized_field']);
        }),
        { numRuns: 20 },
      );
    });
  }
});
