// Valid values of the library's own types, for the hostile-input law: every export is
// called with these, with hostile variants of them, and with hostile values.
import fc from 'fast-check';
import * as sp from '../../src/index';
import { instanceArb } from './commissioning';
import { menuArb } from './menu';
import { eventLogArb } from './referral';
import { batchRecordArb } from './research';

export function librarySamples(): unknown[] {
  const classification = sp.classifyScheme(sp.ROTHERHAM)._unsafeUnwrap();
  const rules = sp.resolveClassificationRules({})._unsafeUnwrap();
  const pathway = sp.ROTHERHAM_PATHWAYS[0]!;
  const person = { age: 70, postcodeDistrict: 'S60' };
  const trace = sp.evaluateEligibility(pathway, person, { asOf: '2025-06-30' });
  const [inst] = fc.sample(instanceArb({ minBids: 2, maxBids: 3 }), { numRuns: 1, seed: 9 });
  const round = sp.parseGrantRound(inst!.round);
  const decision = round.isOk() ? sp.decideAwards(round.value, inst!.bids, inst!.sheets, { method: 'rank_order' }) : undefined;
  const [menu] = fc.sample(menuArb({ maxActivities: 3 }), { numRuns: 1, seed: 9 });
  const [log] = fc.sample(eventLogArb, { numRuns: 1, seed: 9 });
  const [record] = fc.sample(batchRecordArb(), { numRuns: 1, seed: 9 });
  const summary = sp.createBatchSummary();
  const layout = sp.createSchemeCsvLayout(sp.schemeCsvColumns().map((c) => c.name));
  const unwrap = (r: unknown): unknown => (r !== null && typeof r === 'object' && 'isOk' in r && (r as { isOk(): boolean }).isOk() ? (r as unknown as { value: unknown }).value : r);
  return [
    sp.ROTHERHAM,
    classification,
    sp.explainClassification(classification),
    sp.RUBRIC_V2,
    rules,
    pathway,
    pathway.eligibility,
    (pathway.eligibility as { all?: unknown[] }).all?.[0],
    person,
    unwrap(trace),
    inst?.round,
    unwrap(round),
    inst?.bids,
    inst?.sheets,
    unwrap(decision),
    menu,
    log,
    record,
    summary,
    unwrap(layout),
    sp.schemeCsvColumns(),
    { asOf: '2025-06-30' },
    'light',
    ['a', 'b'],
    1234,
  ];
}
