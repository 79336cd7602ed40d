import { err, type Result } from 'neverthrow';
import * as z from 'zod';
import { FHIR_TASK_STATUS_OF, isValidNhsNumber, parseReferral, type Referral, type ReferralStatus } from '../referral/index';
import { createValidationError } from '../shared/errors';
import { safeParse } from '../shared/safeParse';
import { NEED_DOMAIN_LABELS, type NeedDomain } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { ToFhirReferralError } from './errors';
import { fhirId } from './fhirId';
import {
  FHIR_PROFILES,
  FHIR_SYSTEMS,
  SDOH_CATEGORIES_OF_NEED,
  settingText,
  SNOMED,
  type FhirCodeableConcept,
  type FhirReference,
  type FhirReferralBundle,
  type FhirServiceRequest,
  type FhirTask,
} from './schema';

/**
 * Options for `toFhirReferral`.
 *
 * @example
 * ```ts
 * import type { ToFhirReferralOptions } from 'social-prescribing';
 * const o: ToFhirReferralOptions = { nhsNumber: '943 476 5919', baseUrl: 'https://sp.example.org/fhir' };
 * ```
 */
export interface ToFhirReferralOptions {
  /** The person's NHS number, to add to the Patient; refused unless it passes the modulus 11 check. Absent: none is sent. */
  readonly nhsNumber?: string | undefined;
  /** The FHIR server base the resources live under: each entry's `fullUrl` is `baseUrl/Type/id`. Absent: entries have no `fullUrl` (references stay relative, `Type/id`). */
  readonly baseUrl?: string | undefined;
}

const OptionsSchema = z.strictObject({
  nhsNumber: z
    .string()
    .max(20)
    .refine((s) => isValidNhsNumber(s), { error: 'not a valid NHS number (ten digits whose check digit passes the modulus 11 check)' })
    .optional(),
  baseUrl: z
    .string()
    .max(500)
    .regex(/^https?:\/\/[^\s]*[^/\s]$/i, { error: 'expected an http(s) URL with no trailing "/"' })
    .optional(),
});

/** The ServiceRequest status of each referral status: the request stands until the referral ends. */
const SERVICE_REQUEST_STATUS: Readonly<Record<ReferralStatus, FhirServiceRequest['status']>> = {
  received: 'active',
  accepted: 'active',
  contacted: 'active',
  assessed: 'active',
  plan_agreed: 'active',
  referred_out: 'active',
  attending: 'active',
  reviewed: 'active',
  on_hold: 'on-hold',
  closed: 'completed',
  rejected: 'revoked',
  unable_to_contact: 'revoked',
  declined: 'revoked',
  withdrawn: 'revoked',
};

/** The Task.statusReason for the statuses the SDOH profile asks a reason for (rejected, cancelled, on-hold, failed). */
function statusReason(r: Referral): FhirCodeableConcept | undefined {
  switch (r.status) {
    case 'rejected': {
      const reason = r.rejectionReason ?? 'other';
      return { coding: [{ system: FHIR_SYSTEMS.rejectionReason, code: reason }], text: `rejected by the service: ${reason.replace(/_/g, ' ')}` };
    }
    case 'declined':
      return { coding: [{ system: FHIR_SYSTEMS.snomed, ...SNOMED.socialPrescribingDeclined }], text: 'declined by the person' };
    case 'withdrawn':
      return { text: 'withdrawn by the referrer' };
    case 'unable_to_contact':
      return { text: 'the person could not be contacted' };
    case 'on_hold':
      return { text: 'on hold' };
    case 'closed':
      return r.outcome === undefined ? undefined : { coding: [{ system: FHIR_SYSTEMS.closureOutcome, code: r.outcome }], text: `closed: ${r.outcome.replace(/_/g, ' ')}` };
    case 'received':
    case 'accepted':
    case 'contacted':
    case 'assessed':
    case 'plan_agreed':
    case 'referred_out':
    case 'attending':
    case 'reviewed':
      return undefined;
    default:
      return r.status satisfies never;
  }
}

function requesterOf(r: Referral): FhirReference {
  return r.referrerOrganisation === undefined
    ? { type: 'Organization', display: `referrer (${settingText(r.sourceSetting)})` }
    : { type: 'Organization', identifier: { system: FHIR_SYSTEMS.odsOrganisation, value: r.referrerOrganisation } };
}

const needText = (n: NeedDomain): string => (n in NEED_DOMAIN_LABELS ? NEED_DOMAIN_LABELS[n as keyof typeof NEED_DOMAIN_LABELS] : n);

/**
 * Exports a referral as a FHIR R4 Bundle (type `collection`) of three
 * resources: a Patient holding only the pseudonymous `personRef` (and the
 * NHS number, when passed in `options.nhsNumber` and it passes the modulus
 * 11 check); a ServiceRequest coded SNOMED CT 871731000000106 "Referral to
 * social prescribing service" (intent `order`, subject, requester,
 * `authoredOn`, the needs as reason codes and as SDOH categories, the
 * referral setting as the UK Core source of the service request); and a
 * Task shaped after the SDOH Clinical Care "Task for referral management"
 * profile (status by `FHIR_TASK_STATUS_OF`, intent `order`, code `fulfill`,
 * focus the ServiceRequest, `for` the Patient, `authoredOn`, requester,
 * owner when a link worker holds the referral, `statusReason` with text
 * when rejected, declined, withdrawn, on hold or not contactable; declined
 * carries SNOMED CT 871711000000103 "Social prescribing declined"). The
 * referral's own status travels in `Task.businessStatus`, and its id in
 * both resources' identifiers, so that `fromFhirTask` can read a Task back.
 * Resource ids are derived from the library's ids by SHA-256, so the export
 * is deterministic. Never throws.
 *
 * @example
 * ```ts
 * import { createReferral, toFhirReferral } from 'social-prescribing';
 *
 * const referral = createReferral(
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', referrerOrganisation: 'C87001',
 *     needs: ['loneliness_and_isolation'], consentToShare: true },
 *   { asOf: '2024-04-01T12:00:00Z' },
 * )._unsafeUnwrap();
 * const bundle = toFhirReferral(referral, { nhsNumber: '943 476 5919' })._unsafeUnwrap();
 * const task = bundle.entry[2].resource;
 * task.status; // 'requested'
 * bundle.entry[1].resource.code.coding?.[0]?.code; // '871731000000106'
 * toFhirReferral(referral, { nhsNumber: '943 476 5918' })._unsafeUnwrapErr().issues[0]?.path; // ['nhsNumber']
 * ```
 */
export function toFhirReferral(referral: unknown, options: unknown = {}): Result<FhirReferralBundle, ToFhirReferralError> {
  const opts = safeParse(OptionsSchema, options);
  if (!opts.success) return err(createValidationError('invalid_fhir_options', 'options', issuesFromZod(opts.error, options)));
  return parseReferral(referral).map((r) => {
    const { baseUrl } = opts.data;
    const at = (type: string, id: string) => (baseUrl === undefined ? {} : { fullUrl: `${baseUrl}/${type}/${id}` });
    const patientId = fhirId('pt', r.personRef);
    const requestId = fhirId('sr', r.id);
    const taskId = fhirId('task', r.id);
    const requester = requesterOf(r);
    const nhsNumber = opts.data.nhsNumber?.replace(/[ -]/g, '');
    const categories = [...new Set(r.needs.flatMap((n) => SDOH_CATEGORIES_OF_NEED[n] ?? []))];
    const serviceRequest: FhirServiceRequest = {
      resourceType: 'ServiceRequest',
      id: requestId,
      extension: [{ url: FHIR_PROFILES.ukCoreSourceOfServiceRequest, valueCodeableConcept: { coding: [{ system: FHIR_SYSTEMS.referralSetting, code: r.sourceSetting }], text: settingText(r.sourceSetting) } }],
      identifier: [{ system: FHIR_SYSTEMS.referralId, value: r.id }],
      status: SERVICE_REQUEST_STATUS[r.status],
      intent: 'order',
      ...(categories.length === 0 ? {} : { category: categories.map((c) => ({ coding: [{ system: FHIR_SYSTEMS.sdohTemporaryCodes, code: c }] })) }),
      code: { coding: [{ system: FHIR_SYSTEMS.snomed, ...SNOMED.referralToSocialPrescribingService }], text: SNOMED.referralToSocialPrescribingService.display },
      subject: { reference: `Patient/${patientId}` },
      authoredOn: r.receivedAt,
      requester,
      ...(r.needs.length === 0 ? {} : { reasonCode: r.needs.map((n) => ({ coding: [{ system: FHIR_SYSTEMS.needDomain, code: n }], text: needText(n) })) }),
    };
    const reason = statusReason(r);
    const task: FhirTask = {
      resourceType: 'Task',
      id: taskId,
      identifier: [{ system: FHIR_SYSTEMS.referralId, value: r.id }],
      status: FHIR_TASK_STATUS_OF[r.status],
      ...(reason === undefined ? {} : { statusReason: reason }),
      businessStatus: { coding: [{ system: FHIR_SYSTEMS.referralStatus, code: r.status }], text: r.status.replace(/_/g, ' ') },
      intent: 'order',
      code: { coding: [{ system: FHIR_SYSTEMS.taskCode, code: 'fulfill', display: 'Fulfill the focal request' }] },
      focus: { reference: `ServiceRequest/${requestId}` },
      for: { reference: `Patient/${patientId}` },
      authoredOn: r.receivedAt,
      lastModified: r.updatedAt,
      requester,
      ...(r.linkWorkerRef === undefined ? {} : { owner: { type: 'PractitionerRole', identifier: { system: FHIR_SYSTEMS.staffRef, value: r.linkWorkerRef } } }),
    };
    return {
      resourceType: 'Bundle' as const,
      id: fhirId('bundle', `${r.id}|${r.updatedAt}|${r.updatedSeq}`),
      type: 'collection' as const,
      timestamp: r.updatedAt,
      entry: [
        {
          ...at('Patient', patientId),
          resource: {
            resourceType: 'Patient' as const,
            id: patientId,
            identifier: [{ system: FHIR_SYSTEMS.personRef, value: r.personRef }, ...(nhsNumber === undefined ? [] : [{ system: FHIR_SYSTEMS.nhsNumber, value: nhsNumber }])],
          },
        },
        { ...at('ServiceRequest', requestId), resource: serviceRequest },
        { ...at('Task', taskId), resource: task },
      ],
    };
  });
}
