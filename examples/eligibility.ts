// Eligibility rules are data: load a pathway from JSON, check people against
// it on a given date, and show the referrer why.
import { evaluateEligibility, explainEligibility, parsePathway, ROTHERHAM_PATHWAYS } from 'social-prescribing/pathway';

const asOf = '2024-04-01';
const [ltc, mh] = ROTHERHAM_PATHWAYS;
if (ltc === undefined || mh === undefined) throw new Error('expected two Rotherham pathways');

// Rotherham, pathway 1: long-term conditions, eligible for Integrated Case Management.
const known = evaluateEligibility(ltc, { hasLongTermCondition: true, riskPercentile: 97 }, { asOf, from: 'gp_practice' })._unsafeUnwrap();
const partial = evaluateEligibility(ltc, { hasLongTermCondition: true }, { asOf, from: 'gp_practice' })._unsafeUnwrap();
console.log(explainEligibility(partial));
if (known.outcome !== 'eligible' || partial.outcome !== 'unknown') throw new Error('unexpected long-term-conditions outcomes');
if (partial.missingFacts.join() !== 'eligibleForIntegratedCaseManagement,riskPercentile') throw new Error('unexpected missing facts');

// Pathway 2: mental-health clusters 4, 7 and 11, referred by the case worker.
const cluster5 = evaluateEligibility(mh, { mentalHealthCluster: 5 }, { asOf, from: 'statutory_mental_health' })._unsafeUnwrap();
if (cluster5.outcome !== 'ineligible') throw new Error('cluster 5 should be ineligible');

// A pathway of one's own, loaded from JSON: over-65s who are lonely, in one borough.
const json = `{
  "id": "over-65s", "name": "Older people at risk of isolation",
  "referralSettings": ["gp_practice", "community_vcs", "self_referral"],
  "referralProcess": { "type": "direct" },
  "eligibility": { "all": [
    { "test": "age", "min": 65 },
    { "test": "area", "in": ["E08000018"] },
    { "not": { "test": "need", "in": ["housing"] }, "label": "Housing needs go to the housing pathway" },
    { "test": "need", "in": ["loneliness_and_isolation"] } ] },
  "serviceLevel": { "daysToFirstContact": 10, "contactAttempts": 3 }
}`;
const over65s = parsePathway(JSON.parse(json))._unsafeUnwrap();
const person = { dateOfBirth: '1955-03-31', areas: ['E08000018'], needs: ['loneliness_and_isolation' as const] };
const result = evaluateEligibility(over65s, person, { asOf, from: 'self_referral' })._unsafeUnwrap();
console.log(explainEligibility(result));
if (result.outcome !== 'eligible') throw new Error('expected eligible');
// The day before the 65th birthday, the same person is not yet eligible.
if (evaluateEligibility(over65s, person, { asOf: '2020-03-30' })._unsafeUnwrap().outcome !== 'ineligible') throw new Error('expected ineligible at 64');

// The JSON can be passed as it is (it is validated either way), and asOf may be a date, a
// date-time with an offset (its calendar date in UTC counts) or a Date.
for (const at of ['2020-03-31', '2020-03-31T09:30:00+01:00', new Date(Date.UTC(2020, 2, 31, 12))]) {
  if (evaluateEligibility(JSON.parse(json), person, { asOf: at })._unsafeUnwrap().outcome !== 'eligible') throw new Error('expected eligible at 65');
}
