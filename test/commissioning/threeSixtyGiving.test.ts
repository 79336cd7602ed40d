// exportAwardsTo360Giving against the official 360Giving JSON Schemas
// (test/fixtures/360giving, copied unchanged from ThreeSixtyGiving/standard,
// CC BY 4.0, copyright 360Giving; see the README there). No network: the
// package schema's reference to the grant schema is mapped to the local file.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAwards, exportAwardsTo360Giving, parsePabulib, type ExportTo360GivingOptions } from '../../src/index';
import { instanceArb } from '../arbitraries/commissioning';

const grantSchema = JSON.parse(readFileSync('test/fixtures/360giving/360-giving-schema.json', 'utf8')) as Record<string, unknown>;
const packageSchema = JSON.parse(readFileSync('test/fixtures/360giving/360-giving-package-schema.json', 'utf8')) as { properties: { grants: { items: { $ref: string } } } };
// The schemas name their meta-schema by its http:// URL, which Ajv does not know: they are trusted files, so they are not checked against it.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
// The package schema (1.4.3) points at the grant schema by its 1.4.2 URL: serve the local copy there.
ajv.addSchema({ ...grantSchema, $id: packageSchema.properties.grants.items.$ref });
const validGrant = ajv.compile(grantSchema);
const validPackage = ajv.compile(packageSchema);

const options = (): ExportTo360GivingOptions => ({
  fundingOrganization: { id: 'GB-CHC-1088888', name: 'Voluntary Action Example' },
  idPrefix: '360G-vaexample',
  awardDate: '2025-07-01',
});

describe('exportAwardsTo360Giving', () => {
  it('law: every funded grant, and the package of them, is valid 360Giving data with the decision amounts', () => {
    fc.assert(
      fc.property(instanceArb({ mostlyEligible: true, minBids: 1, maxBids: 10 }), fc.constantFrom('rank_order', 'optimal') as fc.Arbitrary<'rank_order' | 'optimal'>, (inst, method) => {
        const marked = inst.bids.map((b, i) => ({ ...b, summary: `SUMMARY-MARK-${i}` }));
        const decision = decideAwards(inst.round, marked, inst.sheets, { method })._unsafeUnwrap();
        const grants = exportAwardsTo360Giving(inst.round, marked, decision, options())._unsafeUnwrap();
        const funded = decision.decisions.filter((d) => d.outcome === 'funded' && d.amount > 0);
        expect(grants.map((g) => [g.id, Math.round(g.amountAwarded * 100)])).toEqual(funded.map((d) => [`360G-vaexample-round-1-${d.bidId}`, d.amount]));
        for (const g of grants) expect(validGrant(g), JSON.stringify(validGrant.errors)).toBe(true);
        if (grants.length > 0) expect(validPackage({ grants }), JSON.stringify(validPackage.errors)).toBe(true);
        expect(JSON.stringify(grants)).not.toContain('SUMMARY-MARK');
      }),
      { numRuns: 100 },
    );
  });

  it('maps registrations to org-ids, areas to beneficiary locations, and the round to the programme', () => {
    const e = parsePabulib(readFileSync('examples/participatory-budgeting.pb', 'utf8'))._unsafeUnwrap();
    const bids = e.bids.map((b) => ({
      ...b,
      provider: {
        ...b.provider,
        ...(b.id === 'P2'
          ? { registrations: [{ register: 'charity_commission' as const, identifier: '1071234' }, { register: 'companies_house' as const, identifier: '04123456' }] }
          : b.id === 'P3'
            ? { registrations: [{ register: 'oscr' as const, identifier: 'SC012345' }] }
            : {}),
      },
      ...(b.id === 'P4' ? { areas: ['E08000018', 'E05001234'] as [string, ...string[]] } : {}),
    }));
    const decision = decideAwards(e.round, bids, e.ballots, { method: 'equal_shares' })._unsafeUnwrap();
    const grants = exportAwardsTo360Giving(e.round, bids, decision, options())._unsafeUnwrap();
    const byBid = new Map(grants.map((g) => [g.id.slice('360G-vaexample-ward-pb-2025-'.length), g]));
    expect([...byBid.keys()]).toEqual(['P6', 'P2', 'P3', 'P5', 'P4']);
    expect(byBid.get('P2')!.recipientOrganization[0]).toEqual({ id: 'GB-CHC-1071234', name: 'Community fridge', charityNumber: '1071234', companyNumber: '04123456' });
    expect(byBid.get('P3')!.recipientOrganization[0]).toEqual({ id: 'GB-SC-SC012345', name: 'Chair yoga; over-65s', charityNumber: 'SC012345' });
    expect(byBid.get('P5')!.recipientOrganization[0]).toEqual({ id: '360G-vaexample-org-P5', name: 'Bereavement café' });
    expect(byBid.get('P4')!.beneficiaryLocation).toEqual([
      { id: 'E08000018', geoCode: 'E08000018', countryCode: 'GB' },
      { id: 'E05001234', geoCode: 'E05001234', countryCode: 'GB' },
    ]);
    expect(byBid.get('P5')!.beneficiaryLocation).toBeUndefined();
    expect(byBid.get('P5')!.description).toBe('A grant of £1,500.00 from Neighbourhood well-being grants decided by residents for Bereavement café, serving mental wellbeing.');
    for (const g of grants) {
      expect(g.grantProgramme).toEqual([{ code: 'ward-pb-2025', title: 'Neighbourhood well-being grants decided by residents' }]);
      expect(g.amountAppliedFor).toBe(g.amountAwarded);
      expect(validGrant(g)).toBe(true);
    }
    // The validator can fail: a grant without its funder, or with a made-up currency, is refused.
    expect(validGrant({ ...grants[0]!, fundingOrganization: undefined })).toBe(false);
    expect(validGrant({ ...grants[0]!, currency: 'XXXX' })).toBe(false);
  });

  it('a participatory-budgeting round from a .pb file exports too; the award date comes from options or the award event', () => {
    const e = parsePabulib(readFileSync('examples/participatory-budgeting.pb', 'utf8'))._unsafeUnwrap();
    const d = decideAwards(e.round, e.bids, e.ballots, { method: 'equal_shares' })._unsafeUnwrap();
    const grants = exportAwardsTo360Giving(e.round, e.bids, d, { ...options(), awardDate: new Date('2025-10-06T23:30:00-02:00') })._unsafeUnwrap();
    expect(grants.map((g) => [g.title, g.amountAwarded, g.awardDate])).toEqual([
      ['Allotment beds', 1000, '2025-10-07'],
      ['Community fridge', 3000, '2025-10-07'],
      ['Chair yoga; over-65s', 2500, '2025-10-07'],
      ['Bereavement café', 1500, '2025-10-07'],
      ["Men's shed tools", 2000, '2025-10-07'],
    ]);
    expect(validPackage({ grants })).toBe(true);
    const missing = exportAwardsTo360Giving(e.round, e.bids, d, { fundingOrganization: options().fundingOrganization, idPrefix: '360G-vaexample' });
    expect(missing.isErr() && [missing.error.code, missing.error.issues.map((i) => i.path)]).toEqual(['award_date_unknown', [['awardDate']]]);
  });

  it('refuses options that are not valid, with the path of the field at fault, and decisions on other bids', () => {
    const e = parsePabulib(readFileSync('examples/participatory-budgeting.pb', 'utf8'))._unsafeUnwrap();
    const d = decideAwards(e.round, e.bids, e.ballots, { method: 'equal_shares' })._unsafeUnwrap();
    const bad = exportAwardsTo360Giving(e.round, e.bids, d, { ...options(), idPrefix: 'vaexample', fundingOrganization: { id: 'x', name: '' }, extra: 1 } as never);
    expect(bad.isErr() && [bad.error.code, bad.error.issues.map((i) => i.path)]).toEqual([
      'invalid_360giving_options',
      [['fundingOrganization', 'id'], ['fundingOrganization', 'name'], ['idPrefix'], []],
    ]);
    const other = exportAwardsTo360Giving(e.round, e.bids.slice(1), d, options());
    expect(other.isErr() && other.error.code).toBe('invalid_award_decision');
  });
});
