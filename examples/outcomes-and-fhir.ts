// The worked example of the guide "Outcomes and FHIR": a referral is made,
// sent to the social prescribing service as FHIR R4, accepted (the service's
// Task comes back), the person attends, is reviewed with SWEMWBS before and
// after, and the cohort's change is reported.
import {
  computeReferralMetrics,
  createReferral,
  transitionReferral,
  type Referral,
  type ReferralEvent,
} from 'social-prescribing/referral';
import { compareOutcomes, scoreOns4, scoreSwemwbs } from 'social-prescribing/outcomes';
import { fromFhirTask, toFhirReferral } from 'social-prescribing/fhir';

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`example failed: ${what}`);
}
const asOf = { asOf: '2024-12-31T23:59:59Z' };
const lw = { role: 'link_worker', ref: 'lw-7' } as const;

// 1. Scoring: answers in item order (or keyed by item), a Result back.
const before = scoreSwemwbs([2, 3, 2, 3, 3, 2, 3])._unsafeUnwrap();
console.log(`SWEMWBS raw ${before.raw} -> metric ${before.metric}`); // raw 18 -> metric 17.43
const ons4 = scoreOns4({ lifeSatisfaction: 5, worthwhile: 6, happiness: 4, anxiety: 7 })._unsafeUnwrap();
console.log(`ONS4 anxiety ${ons4.items.anxiety.score}: ${ons4.items.anxiety.band}`); // 7: high
const missing = scoreSwemwbs([2, 3, 2, 3, 9, 2])._unsafeUnwrapErr();
console.log(missing.code, missing.issues.map((i) => `${i.path.join('.')} ${i.code}`).join('; ')); // invalid_swemwbs_answers 4 too_big; 6 missing_field
check(before.metric === 17.43 && ons4.items.anxiety.band === 'high' && missing.issues.length === 2, 'scoring');

// 2. A GP practice makes the referral; the app sends it to the service as FHIR R4.
let referral: Referral = createReferral(
  { id: 'e1', referralId: 'r-1001', type: 'received', at: '2024-04-01T09:00:00+01:00', by: { role: 'referrer' },
    personRef: 'p-4f1c', sourceSetting: 'gp_practice', referrerOrganisation: 'C87001', pathwayId: 'long-term-conditions',
    needs: ['loneliness_and_isolation', 'money_and_debt'], consentToShare: true },
  asOf,
)._unsafeUnwrap();
const bundle = toFhirReferral(referral, { nhsNumber: '943 476 5919', baseUrl: 'https://sp.example.org/fhir' })._unsafeUnwrap();
const [patient, request, task] = bundle.entry.map((e) => e.resource);
console.log(`${bundle.type} bundle: ${patient?.resourceType}, ${request?.resourceType}, ${task?.resourceType} (${bundle.entry[2].resource.status})`);
check(bundle.entry[1].resource.code.coding?.[0]?.code === '871731000000106' && bundle.entry[2].resource.status === 'requested', 'export');

// 3. The service accepts: its Task comes back and becomes a lifecycle event.
const returned = { ...bundle.entry[2].resource, status: 'accepted', lastModified: '2024-04-02T10:00:00+01:00',
  owner: { type: 'PractitionerRole', identifier: { system: 'urn:social-prescribing:staff-ref', value: 'lw-7' } } };
const update = fromFhirTask(returned)._unsafeUnwrap();
console.log(`Task ${returned.status} -> referral ${update.status} (${update.event?.type})`);
referral = transitionReferral(referral, update.event!, asOf)._unsafeUnwrap();
check(referral.status === 'accepted' && referral.linkWorkerRef === 'lw-7', 'accepted');

// 4. Contact, assessment with SWEMWBS answers, plan, referral out, attendance, review.
const events: ReferralEvent[] = [
  { id: 'e3', referralId: 'r-1001', type: 'contacted', at: '2024-04-04T11:00:00+01:00', by: lw },
  { id: 'e4', referralId: 'r-1001', type: 'assessed', at: '2024-04-11T11:00:00+01:00', by: lw, needs: ['loneliness_and_isolation'],
    outcomes: [{ measure: 'swemwbs', answers: [2, 3, 2, 3, 3, 2, 3] }] },
  { id: 'e5', referralId: 'r-1001', type: 'plan_agreed', at: '2024-04-11T12:00:00+01:00', by: lw },
  { id: 'e6', referralId: 'r-1001', type: 'referred_out', at: '2024-04-15T09:00:00+01:00', by: lw, activityIds: ['walking-group'] },
  { id: 'e7', referralId: 'r-1001', type: 'attended', at: '2024-04-22T10:00:00+01:00', by: { role: 'activity_provider' }, activityId: 'walking-group' },
  { id: 'e8', referralId: 'r-1001', type: 'reviewed', at: '2024-07-15T10:00:00+01:00', by: lw,
    outcomes: [{ measure: 'swemwbs', answers: [3, 3, 3, 4, 3, 3, 4], on: '2024-07-15' }] },
];
for (const e of events) referral = transitionReferral(referral, e, asOf)._unsafeUnwrap();
console.log(`${referral.status}: SWEMWBS ${referral.assessment?.outcomes?.[0]?.score} -> ${referral.reviews[0]?.outcomes?.[0]?.score}`); // 17.43 -> 20.73
check(referral.status === 'reviewed' && referral.reviews[0]?.outcomes?.[0]?.score === 20.73, 'reviewed');

// The service reports progress as FHIR too: the Task is in-progress, the referral status in businessStatus.
const progress = toFhirReferral(referral)._unsafeUnwrap().entry[2].resource;
console.log(`Task ${progress.status}, businessStatus ${progress.businessStatus?.coding?.[0]?.code}`);
check(fromFhirTask(progress)._unsafeUnwrap().status === 'reviewed', 'round trip');

// 5. The cohort: everyone assessed and reviewed this year (SWEMWBS metric scores by person).
const baseline = [
  { personRef: 'p-4f1c', answers: [2, 3, 2, 3, 3, 2, 3] },
  { personRef: 'p-0a11', score: 19.25 }, { personRef: 'p-0a12', score: 15.84 }, { personRef: 'p-0a13', score: 18.59 },
  { personRef: 'p-0a14', score: 21.54 }, { personRef: 'p-0a15', score: 16.88 }, { personRef: 'p-0a16', score: 17.98 },
  { personRef: 'p-0a17', score: 14.75 },
];
const followUp = [
  { personRef: 'p-4f1c', answers: [3, 3, 3, 4, 3, 3, 4] },
  { personRef: 'p-0a11', score: 20.73 }, { personRef: 'p-0a12', score: 19.25 }, { personRef: 'p-0a13', score: 18.59 },
  { personRef: 'p-0a14', score: 23.21 }, { personRef: 'p-0a15', score: 16.36 }, { personRef: 'p-0a16', score: 21.54 },
];
const cohort = compareOutcomes(baseline, followUp, { measure: 'swemwbs' })._unsafeUnwrap();
console.log(
  `n=${cohort.pairs} (1 without follow-up), mean change ${cohort.meanChange?.toFixed(2)} ` +
    `(95% CI ${cohort.ci95?.lower.toFixed(2)} to ${cohort.ci95?.upper.toFixed(2)}), t=${cohort.t?.toFixed(2)}, p=${cohort.pValue?.toFixed(3)}, ` +
    `SRM ${cohort.srm?.toFixed(2)}, ${cohort.meaningfulChange?.improved} of ${cohort.pairs} improved by 3+ points; warnings: ${cohort.warnings.map((w) => w.code).join(', ')}`,
);
check(cohort.pairs === 7 && cohort.unpaired.baselineOnly === 1 && cohort.warnings[0]?.code === 'fewer_than_30_pairs', 'cohort');
// With the lower end of the published SWEMWBS range (1 to 3 points) as the threshold:
const lenient = compareOutcomes(baseline, followUp, { measure: 'swemwbs', meaningfulChange: 1 })._unsafeUnwrap();
console.log(`${lenient.meaningfulChange?.improved} of ${lenient.pairs} improved by 1+ point`);
check(lenient.meaningfulChange!.improved > cohort.meaningfulChange!.improved, 'thresholds');

// 6. The same statistics stream out of the service's event log, by pathway and by referral source.
const metrics = computeReferralMetrics([
  { id: 'e1', referralId: 'r-1001', type: 'received', at: '2024-04-01T09:00:00+01:00', by: { role: 'referrer' },
    personRef: 'p-4f1c', sourceSetting: 'gp_practice', pathwayId: 'long-term-conditions', needs: ['loneliness_and_isolation'], consentToShare: true },
  { id: 'e2', referralId: 'r-1001', type: 'accepted', at: '2024-04-02T10:00:00+01:00', by: lw, linkWorkerRef: 'lw-7' },
  ...events,
], asOf)._unsafeUnwrap();
const ltc = metrics.wellbeingChange.byPathway['long-term-conditions']?.[0];
console.log(`long-term-conditions: ${ltc?.measure} n=${ltc?.pairs}, change ${ltc?.meanChange?.toFixed(2)}; from GP practices n=${metrics.wellbeingChange.bySource.gp_practice?.[0]?.pairs}`);
check(ltc?.pairs === 1 && Math.abs((ltc.meanChange ?? 0) - 3.3) < 1e-9, 'metrics');
