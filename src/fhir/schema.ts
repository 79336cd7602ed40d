import type { NeedDomain, ReferralSetting } from '../shared/vocabulary';

/**
 * The code systems and identifier systems the FHIR export writes: SNOMED CT,
 * the FHIR task codes, the HL7 Gravity SDOH Clinical Care temporary codes
 * (SDOH categories and capacity statuses), NHS numbers and ODS codes, and
 * the library's own URNs for its identifiers and vocabularies.
 *
 * @example
 * ```ts
 * import { FHIR_SYSTEMS } from 'social-prescribing';
 * FHIR_SYSTEMS.snomed; // 'http://snomed.info/sct'
 * ```
 */
export const FHIR_SYSTEMS = {
  /** SNOMED CT. */
  snomed: 'http://snomed.info/sct',
  /** The FHIR task codes (`fulfill`). */
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  /** The SDOH Clinical Care code system (SDOH categories, capacity statuses). */
  sdohTemporaryCodes: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes',
  /** NHS numbers. */
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  /** ODS organisation codes (GP practices and other organisations). */
  odsOrganisation: 'https://fhir.nhs.uk/Id/ods-organization-code',
  /** The library's referral ids. */
  referralId: 'urn:social-prescribing:referral-id',
  /** The library's pseudonymous person references. */
  personRef: 'urn:social-prescribing:person-ref',
  /** The library's staff references (link workers). */
  staffRef: 'urn:social-prescribing:staff-ref',
  /** The library's referral statuses (`REFERRAL_STATUSES`). */
  referralStatus: 'urn:social-prescribing:referral-status',
  /** The library's need domains (`NEED_DOMAINS`). */
  needDomain: 'urn:social-prescribing:need-domain',
  /** The library's referral settings (`REFERRAL_SETTINGS`). */
  referralSetting: 'urn:social-prescribing:referral-setting',
  /** The library's rejection reasons (`REJECTION_REASONS`). */
  rejectionReason: 'urn:social-prescribing:rejection-reason',
  /** The library's closure outcomes (`CLOSURE_OUTCOMES`). */
  closureOutcome: 'urn:social-prescribing:closure-outcome',
} as const;

/**
 * The SNOMED CT (UK edition) concepts the export uses.
 *
 * @example
 * ```ts
 * import { SNOMED } from 'social-prescribing';
 * SNOMED.referralToSocialPrescribingService.code; // '871731000000106'
 * ```
 */
export const SNOMED: Readonly<Record<'referralToSocialPrescribingService' | 'socialPrescribingDeclined', SnomedConcept>> = {
  referralToSocialPrescribingService: { code: '871731000000106', display: 'Referral to social prescribing service' },
  socialPrescribingDeclined: { code: '871711000000103', display: 'Social prescribing declined' },
};
/**
 * A SNOMED CT concept: its id and its preferred term.
 *
 * @example
 * ```ts
 * import type { SnomedConcept } from 'social-prescribing';
 * const c: SnomedConcept = { code: '871711000000103', display: 'Social prescribing declined' };
 * ```
 */
export interface SnomedConcept {
  /** The concept id. */
  readonly code: string;
  /** The preferred term. */
  readonly display: string;
}

/**
 * The canonical URLs of the profiles and extensions the export follows.
 * The resources are shaped after them but do not claim conformance in
 * `meta.profile` (see the guide "Outcomes and FHIR" for which rules are met).
 *
 * @example
 * ```ts
 * import { FHIR_PROFILES } from 'social-prescribing';
 * FHIR_PROFILES.sdohTaskForReferralManagement.endsWith('SDOHCC-TaskForReferralManagement'); // true
 * ```
 */
export const FHIR_PROFILES = {
  /** SDOHCC Task For Referral Management. */
  sdohTaskForReferralManagement: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement',
  /** SDOHCC ServiceRequest. */
  sdohServiceRequest: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest',
  /** SDOHCC HealthcareService capacity status extension. */
  sdohCapacityStatusExtension: 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ExtensionHealthcareServiceCapacityStatus',
  /** UK Core ServiceRequest. */
  ukCoreServiceRequest: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest',
  /** UK Core extension: the source of a service request. */
  ukCoreSourceOfServiceRequest: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest',
} as const;

/**
 * The SDOH categories (HL7 Gravity SDOH Clinical Care, value set
 * SDOHCC-ValueSetSDOHCategory) a need domain maps to. Domains with no
 * counterpart (arts, nature, carers' support, ...) map to none; every need
 * is also sent in `ServiceRequest.reasonCode` in the library's own
 * vocabulary.
 *
 * @example
 * ```ts
 * import { SDOH_CATEGORIES_OF_NEED } from 'social-prescribing';
 * SDOH_CATEGORIES_OF_NEED.loneliness_and_isolation; // ['social-connection']
 * ```
 */
export const SDOH_CATEGORIES_OF_NEED: Readonly<Partial<Record<NeedDomain, readonly string[]>>> = {
  loneliness_and_isolation: ['social-connection'],
  money_and_debt: ['financial-insecurity'],
  housing: ['housing-instability'],
  employment_and_skills: ['employment-status'],
  learning: ['educational-attainment'],
  digital_inclusion: ['digital-access', 'digital-literacy'],
};

/**
 * The SDOH capacity status codes (HL7 Gravity SDOH Clinical Care, value set
 * SDOHCC-ValueSetCapacityStatus) with their displays.
 *
 * @example
 * ```ts
 * import { FHIR_CAPACITY_STATUSES } from 'social-prescribing';
 * FHIR_CAPACITY_STATUSES.waitlist; // 'No Capacity - Has Waitlist'
 * ```
 */
export const FHIR_CAPACITY_STATUSES = {
  /** The service can take a new person. */
  capacity: 'Has Capacity',
  /** It cannot. */
  'no-capacity': 'No Capacity',
  /** It cannot now, but has a waiting list. */
  waitlist: 'No Capacity - Has Waitlist',
  /** The provider must assess before it can say. */
  'additional-assessment-required': 'Additional Assessment Required',
} as const;
/**
 * One of the keys of {@link FHIR_CAPACITY_STATUSES}.
 *
 * @example
 * ```ts
 * import type { FhirCapacityStatus } from 'social-prescribing';
 * const s: FhirCapacityStatus = 'no-capacity';
 * ```
 */
export type FhirCapacityStatus = keyof typeof FHIR_CAPACITY_STATUSES;

/**
 * A FHIR Coding.
 *
 * @example
 * ```ts
 * import type { FhirCoding } from 'social-prescribing';
 * const c: FhirCoding = { system: 'http://snomed.info/sct', code: '871731000000106' };
 * ```
 */
export interface FhirCoding {
  /** The code system. */
  readonly system?: string;
  /** The code. */
  readonly code?: string;
  /** Its display text. */
  readonly display?: string;
}
/**
 * A FHIR CodeableConcept.
 *
 * @example
 * ```ts
 * import type { FhirCodeableConcept } from 'social-prescribing';
 * const c: FhirCodeableConcept = { text: 'at capacity' };
 * ```
 */
export interface FhirCodeableConcept {
  /** Codings. */
  readonly coding?: readonly FhirCoding[];
  /** Plain text. */
  readonly text?: string;
}
/**
 * A FHIR Identifier.
 *
 * @example
 * ```ts
 * import type { FhirIdentifier } from 'social-prescribing';
 * const i: FhirIdentifier = { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'C87001' };
 * ```
 */
export interface FhirIdentifier {
  /** The namespace. */
  readonly system?: string;
  /** The value. */
  readonly value?: string;
}
/**
 * A FHIR Reference: literal (`reference`) or logical (`identifier`).
 *
 * @example
 * ```ts
 * import type { FhirReference } from 'social-prescribing';
 * const r: FhirReference = { reference: 'ServiceRequest/sr-1' };
 * ```
 */
export interface FhirReference {
  /** A literal reference, `Type/id`. */
  readonly reference?: string;
  /** The type of the target. */
  readonly type?: string;
  /** A logical reference. */
  readonly identifier?: FhirIdentifier;
  /** Text for the target. */
  readonly display?: string;
}
/**
 * A FHIR Extension with a CodeableConcept, string or nested extensions.
 *
 * @example
 * ```ts
 * import type { FhirExtension } from 'social-prescribing';
 * const e: FhirExtension = { url: 'capacityStatus', valueCodeableConcept: { text: 'Has Capacity' } };
 * ```
 */
export interface FhirExtension {
  /** What the extension is. */
  readonly url: string;
  /** Its value, when coded. */
  readonly valueCodeableConcept?: FhirCodeableConcept;
  /** Its value, when text. */
  readonly valueString?: string;
  /** Nested extensions. */
  readonly extension?: readonly FhirExtension[];
}

/**
 * The FHIR R4 Patient the export writes: pseudonymous identifiers only
 * (and the NHS number, when the caller passes a valid one).
 *
 * @example
 * ```ts
 * import type { FhirPatient } from 'social-prescribing';
 * const p: FhirPatient = { resourceType: 'Patient', id: 'pt-1', identifier: [{ system: 'urn:social-prescribing:person-ref', value: 'p-001' }] };
 * ```
 */
export interface FhirPatient {
  /** Always `Patient`. */
  readonly resourceType: 'Patient';
  /** The resource id. */
  readonly id: string;
  /** The person's pseudonymous reference and, when given, NHS number. */
  readonly identifier: readonly FhirIdentifier[];
}

/**
 * The FHIR R4 ServiceRequest the export writes: the referral to the social
 * prescribing service (see `toFhirReferral`).
 *
 * @example
 * ```ts
 * import type { FhirServiceRequest } from 'social-prescribing';
 * const codeOf = (s: FhirServiceRequest): string | undefined => s.code.coding?.[0]?.code;
 * ```
 */
export interface FhirServiceRequest {
  /** Always `ServiceRequest`. */
  readonly resourceType: 'ServiceRequest';
  /** The resource id. */
  readonly id: string;
  /** UK Core source of the service request (the referral setting, as text). */
  readonly extension: readonly FhirExtension[];
  /** The referral's id, in the library's identifier system. */
  readonly identifier: readonly FhirIdentifier[];
  /** `active`, `on-hold`, `completed` or `revoked`. */
  readonly status: 'active' | 'on-hold' | 'completed' | 'revoked';
  /** Always `order`. */
  readonly intent: 'order';
  /** SDOH categories of the needs (none when no need maps). */
  readonly category?: readonly FhirCodeableConcept[];
  /** SNOMED CT 871731000000106 "Referral to social prescribing service". */
  readonly code: FhirCodeableConcept;
  /** The person (the bundle's Patient). */
  readonly subject: FhirReference;
  /** When the referral was made. */
  readonly authoredOn: string;
  /** The referrer. */
  readonly requester: FhirReference;
  /** The needs, in the library's need-domain vocabulary. */
  readonly reasonCode?: readonly FhirCodeableConcept[];
}

/**
 * The FHIR R4 Task the export writes, shaped after the SDOH Clinical Care
 * "Task for referral management" profile (see `toFhirReferral`), and the
 * Task `fromFhirTask` reads.
 *
 * @example
 * ```ts
 * import type { FhirTask } from 'social-prescribing';
 * const statusOf = (t: FhirTask): string => t.status;
 * ```
 */
export interface FhirTask {
  /** Always `Task`. */
  readonly resourceType: 'Task';
  /** The resource id. */
  readonly id: string;
  /** The referral's id, in the library's identifier system. */
  readonly identifier: readonly FhirIdentifier[];
  /** The Task status (`FHIR_TASK_STATUS_OF` the referral's status). */
  readonly status: string;
  /** Why the Task is in its status (rejected, cancelled, on hold, failed), with text. */
  readonly statusReason?: FhirCodeableConcept;
  /** The referral's own status, which the Task status alone cannot tell apart. */
  readonly businessStatus?: FhirCodeableConcept;
  /** Always `order`. */
  readonly intent: 'order';
  /** Always the task code `fulfill`. */
  readonly code: FhirCodeableConcept;
  /** The ServiceRequest to fulfil. */
  readonly focus: FhirReference;
  /** The person. */
  readonly for: FhirReference;
  /** When the referral was made. */
  readonly authoredOn: string;
  /** When the Task last changed. */
  readonly lastModified: string;
  /** The referrer. */
  readonly requester: FhirReference;
  /** The link worker who holds the referral, when assigned. */
  readonly owner?: FhirReference;
}

/**
 * A FHIR R4 Bundle of type `collection` holding the Patient, ServiceRequest
 * and Task of one referral.
 *
 * @example
 * ```ts
 * import type { FhirReferralBundle } from 'social-prescribing';
 * const count = (b: FhirReferralBundle): number => b.entry.length; // 3
 * ```
 */
export interface FhirReferralBundle {
  /** Always `Bundle`. */
  readonly resourceType: 'Bundle';
  /** The bundle id. */
  readonly id: string;
  /** Always `collection`. */
  readonly type: 'collection';
  /** When the bundle was assembled (the referral's last update). */
  readonly timestamp: string;
  /** Patient, ServiceRequest and Task, in that order. */
  readonly entry: readonly [FhirBundleEntry<FhirPatient>, FhirBundleEntry<FhirServiceRequest>, FhirBundleEntry<FhirTask>];
}

/**
 * One entry of a {@link FhirReferralBundle}.
 *
 * @example
 * ```ts
 * import type { FhirBundleEntry, FhirTask } from 'social-prescribing';
 * const taskOf = (e: FhirBundleEntry<FhirTask>): FhirTask => e.resource;
 * ```
 */
export interface FhirBundleEntry<R> {
  /** `baseUrl/Type/id`, only when a `baseUrl` was given. */
  readonly fullUrl?: string;
  /** The resource. */
  readonly resource: R;
}

/** @internal Plain-words labels of the referral settings, for the UK Core source of referral text. */
export const settingText = (s: ReferralSetting): string => s.replace(/_/g, ' ');
