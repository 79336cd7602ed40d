import type { ErrorBase, ValidationError } from '../shared/errors';

/**
 * The error `toFhirReferral` returns: the referral is not a valid
 * `Referral` (`invalid_referral`), or an option is malformed
 * (`invalid_fhir_options`, which covers an NHS number that fails the
 * modulus 11 check; the issue names the field, never the number).
 *
 * @example
 * ```ts
 * import type { ToFhirReferralError } from 'social-prescribing';
 * const codes: ToFhirReferralError['code'][] = ['invalid_referral', 'invalid_fhir_options'];
 * ```
 */
export type ToFhirReferralError = ValidationError<'invalid_referral' | 'invalid_fhir_options'>;

/**
 * The codes of {@link FhirTaskStatusError}: `unknown_task_status`, the Task
 * status is not a FHIR R4 Task status; `unsupported_task_status`, it is one
 * (`draft`, `ready`, `received`, `entered-in-error`) that no referral status
 * maps to.
 *
 * @example
 * ```ts
 * import { FHIR_TASK_ERROR_CODES } from 'social-prescribing';
 * FHIR_TASK_ERROR_CODES[0]; // 'unknown_task_status'
 * ```
 */
export const FHIR_TASK_ERROR_CODES = ['unknown_task_status', 'unsupported_task_status'] as const;

/**
 * The error for a Task whose status cannot become a lifecycle status. It
 * never repeats the status found.
 *
 * @example
 * ```ts
 * import { fromFhirTask } from 'social-prescribing';
 * const r = fromFhirTask({ resourceType: 'Task', status: 'teleported', identifier: [{ system: 'urn:social-prescribing:referral-id', value: 'r1' }], lastModified: '2024-04-02T10:00:00Z' });
 * r.isErr() && r.error.code; // 'unknown_task_status'
 * ```
 */
export interface FhirTaskStatusError extends ErrorBase<'fhir', (typeof FHIR_TASK_ERROR_CODES)[number]> {}

/**
 * The error `fromFhirTask` returns: a Task it cannot read
 * (`invalid_fhir_task`: not a Task, no referral identifier in the library's
 * system, no `lastModified` or `authoredOn`), options it cannot use
 * (`invalid_fhir_options`), or a status it cannot map.
 *
 * @example
 * ```ts
 * import type { FromFhirTaskError } from 'social-prescribing';
 * const codes: FromFhirTaskError['code'][] = ['invalid_fhir_task', 'invalid_fhir_options', 'unknown_task_status', 'unsupported_task_status'];
 * ```
 */
export type FromFhirTaskError = ValidationError<'invalid_fhir_task' | 'invalid_fhir_options'> | FhirTaskStatusError;

/** @internal */
export function taskStatusError(code: (typeof FHIR_TASK_ERROR_CODES)[number]): FhirTaskStatusError {
  return code === 'unknown_task_status'
    ? { kind: 'fhir', code: 'unknown_task_status', message: 'status: not a FHIR R4 Task status (see FHIR_TASK_STATUSES)' }
    : { kind: 'fhir', code: 'unsupported_task_status', message: 'status: a FHIR Task status that no referral status maps to (draft, ready, received, entered-in-error)' };
}
