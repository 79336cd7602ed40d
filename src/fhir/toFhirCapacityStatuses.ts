import type { Result } from 'neverthrow';
import { parseMenu, type Menu, type MenuError } from '../menu/index';
import { FHIR_CAPACITY_STATUSES, FHIR_PROFILES, FHIR_SYSTEMS, type FhirCapacityStatus, type FhirExtension } from './schema';

/**
 * One activity's capacity, as the SDOH Clinical Care guide reports it.
 *
 * @example
 * ```ts
 * import type { ActivityCapacityStatus } from 'social-prescribing';
 * const describe = (a: ActivityCapacityStatus): string => `${a.activityId}: ${a.capacityStatus}`;
 * ```
 */
export interface ActivityCapacityStatus {
  /** The activity. */
  readonly activityId: string;
  /** Its capacity status code. */
  readonly capacityStatus: FhirCapacityStatus;
  /** The SDOHCC HealthcareService capacity status extension, ready to put on a FHIR HealthcareService. */
  readonly extension: FhirExtension;
}

/** @internal The capacity status of one activity of a validated menu. */
export function capacityStatusOf(a: Menu['activities'][number]): FhirCapacityStatus {
  if (a.status !== 'active') return 'no-capacity';
  const availability = a.capacity?.availability;
  switch (availability) {
    case 'open':
      return a.capacity?.placesPerWeek === 0 ? 'no-capacity' : 'capacity';
    case 'waitlist':
      return 'waitlist';
    case 'full':
      return 'no-capacity';
    case undefined:
      return 'additional-assessment-required';
    default:
      return availability satisfies never;
  }
}

/**
 * Reports each activity of a menu with the FHIR capacity status codes the
 * HL7 Gravity SDOH Clinical Care guide uses (value set
 * SDOHCC-ValueSetCapacityStatus): `capacity` for an active activity taking
 * people (`availability: 'open'`, places not recorded as 0); `waitlist` when
 * people join a waiting list; `no-capacity` when it is full, has no places,
 * or is not active (temporarily closed, inactive, defunct); and
 * `additional-assessment-required` when the menu does not record whether it
 * is taking people (the provider must be asked). Each comes with the
 * SDOHCC HealthcareService capacity status extension. Never throws.
 *
 * @example
 * ```ts
 * import { toFhirCapacityStatuses } from 'social-prescribing';
 *
 * const statuses = toFhirCapacityStatuses({
 *   menuVersion: 1,
 *   providers: [{ id: 'vcs', name: 'Walk Together', type: 'registered_charity' }],
 *   activities: [
 *     { id: 'walk', name: 'Walking group', providerId: 'vcs', needDomains: ['physical_activity'], status: 'active', capacity: { placesPerWeek: 12, availability: 'waitlist' }, funding: [] },
 *   ],
 * })._unsafeUnwrap();
 * statuses[0]?.capacityStatus; // 'waitlist'
 * ```
 */
export function toFhirCapacityStatuses(menu: unknown): Result<readonly ActivityCapacityStatus[], MenuError> {
  return parseMenu(menu).map((m) =>
    m.activities.map((a) => {
      const code = capacityStatusOf(a);
      return {
        activityId: a.id,
        capacityStatus: code,
        extension: {
          url: FHIR_PROFILES.sdohCapacityStatusExtension,
          extension: [{ url: 'capacityStatus', valueCodeableConcept: { coding: [{ system: FHIR_SYSTEMS.sdohTemporaryCodes, code, display: FHIR_CAPACITY_STATUSES[code] }] } }],
        },
      };
    }),
  );
}
