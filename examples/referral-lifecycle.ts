// A referral's life from an event log: replay it, compute the service's
// metrics in one streamed pass, and derive scheme-profile facts from them.
import { applySchemeFacts, classifyScheme, ROTHERHAM } from 'social-prescribing/classification';
import { ROTHERHAM_PATHWAYS } from 'social-prescribing/pathway';
import {
  computeReferralMetrics,
  createReferral,
  FHIR_TASK_STATUS_OF,
  isValidNhsNumber,
  prepareReferralLog,
  replayReferrals,
  schemeFactsFromReferrals,
  transitionReferral,
  type ReferralEvent,
} from 'social-prescribing/referral';

const asOf = '2024-06-30T23:59:59Z';
const lw = { role: 'link_worker', ref: 'lw-7' } as const;

// An app checks an NHS number at its own boundary, then keeps only a pseudonymous reference.
if (!isValidNhsNumber('943 476 5919')) throw new Error('expected a valid NHS number');

const log: ReferralEvent[] = [
  { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00+01:00', by: { role: 'referrer' },
    personRef: 'p-4f1c', sourceSetting: 'gp_practice', referrerOrganisation: 'C87001', pathwayId: 'long-term-conditions',
    needs: ['loneliness_and_isolation'], consentToShare: true },
  { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T10:00:00+01:00', by: { role: 'service_coordinator' }, linkWorkerRef: 'lw-7' },
  { id: 'e3', referralId: 'r1', type: 'contact_attempted', at: '2024-04-03T10:00:00+01:00', by: lw, reason: 'no_answer' },
  { id: 'e4', referralId: 'r1', type: 'contacted', at: '2024-04-05T11:00:00+01:00', by: lw },
  { id: 'e5', referralId: 'r1', type: 'assessed', at: '2024-04-12T11:00:00+01:00', by: lw, needs: ['loneliness_and_isolation', 'physical_activity'], baseline: { measure: 'wemwbs', score: 38 },
    outcomes: [{ measure: 'ons4', answers: { lifeSatisfaction: 4, worthwhile: 5, happiness: 4, anxiety: 6 } }] },
  { id: 'e6', referralId: 'r1', type: 'plan_agreed', at: '2024-04-12T12:00:00+01:00', by: lw },
  { id: 'e7', referralId: 'r1', type: 'referred_out', at: '2024-04-15T09:00:00+01:00', by: lw, activityIds: ['walking-group', 'men-in-sheds'] },
  { id: 'e8', referralId: 'r1', type: 'did_not_attend', at: '2024-04-22T10:00:00+01:00', by: { role: 'activity_provider' }, activityId: 'walking-group' },
  { id: 'e9', referralId: 'r1', type: 'attended', at: '2024-04-29T10:00:00+01:00', by: { role: 'activity_provider' }, activityId: 'walking-group' },
  { id: 'e10', referralId: 'r1', type: 'reviewed', at: '2024-06-10T10:00:00+01:00', by: lw, followUp: { measure: 'wemwbs', score: 45 },
    outcomes: [{ measure: 'ons4', answers: [6, 7, 6, 3], on: '2024-06-10' }] },
  { id: 'e11', referralId: 'r1', type: 'closed', at: '2024-06-20T10:00:00+01:00', by: lw, outcome: 'goals_met' },
  { id: 'e12', referralId: 'r2', type: 'received', at: '2024-05-02T14:00:00+01:00', by: { role: 'referrer' },
    personRef: 'p-99a0', sourceSetting: 'statutory_mental_health', pathwayId: 'mental-health', needs: ['mental_wellbeing'], consentToShare: true },
];

// One event at a time, purely; an illegal event is an error naming the status and the event.
const r2 = createReferral(log[11]!, { asOf })._unsafeUnwrap();
const illegal = transitionReferral(r2, { id: 'x', referralId: 'r2', type: 'attended', activityId: 'choir', at: '2024-05-03T10:00:00Z', by: lw }, { asOf });
console.log(illegal._unsafeUnwrapErr().message);
if (illegal.isOk()) throw new Error('expected an illegal transition');

// The whole log, in any order: every event applied or rejected with its reason.
const shuffled = [...log].reverse();
shuffled.push(log[3]!); // a repeated delivery
const { referrals, applied, rejected } = replayReferrals(shuffled, { asOf, pathways: ROTHERHAM_PATHWAYS })._unsafeUnwrap();
const r1 = referrals.find((r) => r.id === 'r1')!;
console.log(`r1: ${r1.status} (FHIR Task ${FHIR_TASK_STATUS_OF[r1.status]}), ${r1.transitions.length} transitions`);
if (r1.status !== 'closed' || applied.length !== log.length || rejected.map((r) => r.code).join() !== 'duplicate_event') throw new Error('unexpected replay');
// A rejected event is an error value: kind, code, message, and its index in the input.
if (rejected[0]?.kind !== 'referral' || rejected[0].index !== shuffled.length - 1) throw new Error('unexpected rejection');
// asOf may be a date (the start of that day in UTC), a date-time with an offset or a Date: the same answer.
const sameDay = [new Date(Date.UTC(2024, 6, 1)), '2024-07-01', '2024-07-01T01:00:00+01:00'].map((at) => replayReferrals(log, { asOf: at })._unsafeUnwrap().applied.length);
if (sameDay.some((n) => n !== log.length)) throw new Error('unexpected asOf reading');

// Metrics in one pass (a file or a database cursor would use computeReferralMetricsAsync).
const m = computeReferralMetrics(log, { asOf, pathways: ROTHERHAM_PATHWAYS })._unsafeUnwrap();
console.log(`funnel ${JSON.stringify(m.funnel)}; first contact in ${String(m.firstContact.medianDays)} days; WEMWBS change ${m.wellbeing[0]?.meanChange}`);
if (m.firstContact.medianDays !== 4 || m.wellbeing[0]?.meanChange !== 7 || m.attendance.didNotAttendRate !== 0.5) throw new Error('unexpected metrics');

// Well-being change with its statistics, by pathway and by referral source: the WEMWBS scores
// and the ONS4 answers (scored by the library) pair up per measure. One person: indicative only.
for (const s of m.wellbeingChange.byPathway['long-term-conditions'] ?? []) {
  console.log(`${s.measure}: n=${s.pairs}, ${s.baselineMean} -> ${s.followUpMean} (${s.direction}); ${s.warnings.map((w) => w.code).join(', ')}`);
}
const fromGps = m.wellbeingChange.bySource.gp_practice ?? [];
if (fromGps.length !== 5 || fromGps[0]?.meanChange !== 7 || fromGps[4]?.measure !== 'ons4_anxiety' || fromGps[4].meanChange !== -3) throw new Error('unexpected well-being change');

// A log held in memory and both replayed and measured: read it once, then pass the prepared log
// where the log goes. Replay gives the same; the metrics read the events in replay's order.
const prepared = prepareReferralLog(shuffled)._unsafeUnwrap();
const replayedAgain = replayReferrals(prepared, { asOf, pathways: ROTHERHAM_PATHWAYS })._unsafeUnwrap();
const measuredAgain = computeReferralMetrics(prepared, { asOf, pathways: ROTHERHAM_PATHWAYS })._unsafeUnwrap();
console.log(`prepared log: ${prepared.total} events, ${measuredAgain.events.applied} applied, ${measuredAgain.events.rejected.duplicate_event} repeated`);
if (replayedAgain.applied.length !== applied.length || JSON.stringify(measuredAgain.funnel) !== JSON.stringify(m.funnel)) throw new Error('unexpected prepared log');

// What the data prove about the scheme, filled into a profile whose pathways are unknown.
const facts = schemeFactsFromReferrals(m, { pathways: ROTHERHAM_PATHWAYS })._unsafeUnwrap();
const profile = applySchemeFacts({ ...ROTHERHAM, pathways: 'unknown' }, facts)._unsafeUnwrap().profile;
console.log(`derived pathways: ${profile.pathways === 'unknown' ? 'unknown' : profile.pathways.map((p) => `${p.id} (${p.setting})`).join(', ')}`);
if (classifyScheme(profile)._unsafeUnwrap().tier !== 'plus') throw new Error('expected plus');
