import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import {
  CLOSURE_OUTCOMES,
  FHIR_TASK_STATUS_OF,
  FHIR_TASK_STATUSES,
  IsoDateTimeSchema,
  REFERRAL_ROLES,
  REFERRAL_STATUSES,
  RefSchema,
  REJECTION_REASONS,
  type ClosureOutcome,
  type FhirTaskStatus,
  type ReferralEvent,
  type ReferralRole,
  type ReferralStatus,
  type RejectionReason,
} from '../referral/index';
import { createValidationError } from '../shared/errors';
import { safeParse } from '../shared/safeParse';
import { IdSchema } from '../shared/schemas';
import { issuesFromZod } from '../shared/zodIssues';
import { taskStatusError, type FromFhirTaskError } from './errors';
import { FHIR_SYSTEMS, SNOMED } from './schema';

/**
 * Options for `fromFhirTask`.
 *
 * @example
 * ```ts
 * import type { FromFhirTaskOptions } from 'social-prescribing';
 * const o: FromFhirTaskOptions = { by: 'activity_provider' };
 * ```
 */
export interface FromFhirTaskOptions {
  /** The role recorded as the event's author; default `service_coordinator` (the service that received the referral). */
  readonly by?: ReferralRole | undefined;
}

/**
 * What a Task update says: the referral it is about, the lifecycle status
 * it puts the referral in, and the lifecycle event that moves the referral
 * there (to apply with `transitionReferral`). `event` is `null` where the
 * Task cannot supply what the event needs: a `received` referral (the
 * referrer's own record), and an assessment, a referral out or attendance
 * (which carry needs and activities the Task does not hold).
 *
 * @example
 * ```ts
 * import type { FhirTaskImport } from 'social-prescribing';
 * const describe = (i: FhirTaskImport): string => `${i.referralId} is now ${i.status}`;
 * ```
 */
export interface FhirTaskImport {
  /** The referral's id (from the Task's identifier in the library's system). */
  readonly referralId: string;
  /** The lifecycle status the Task puts the referral in. */
  readonly status: ReferralStatus;
  /** The event that moves the referral into `status`, or `null`. */
  readonly event: ReferralEvent | null;
}

/** Every FHIR R4 Task status (FHIR_TASK_STATUSES leaves out two that no referral status maps to). */
const R4_TASK_STATUSES = new Set<string>([...FHIR_TASK_STATUSES, 'ready', 'received']);

const Coded = z.looseObject({
  coding: z.array(z.looseObject({ system: z.string().max(500).optional(), code: z.string().max(200).optional() })).max(50).optional(),
  text: z.string().max(5000).optional(),
});
const TaskSchema = z.looseObject({
  resourceType: z.literal('Task'),
  id: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, { error: 'expected a FHIR id (letters, digits, "." and "-", at most 64)' }).optional(),
  status: z.string().max(64),
  identifier: z.array(z.looseObject({ system: z.string().max(500).optional(), value: z.string().max(500).optional() })).max(100),
  statusReason: Coded.optional(),
  businessStatus: Coded.optional(),
  owner: z.looseObject({ identifier: z.looseObject({ system: z.string().max(500).optional(), value: z.string().max(500).optional() }).optional() }).optional(),
  lastModified: IsoDateTimeSchema.optional(),
  authoredOn: IsoDateTimeSchema.optional(),
});
const OptionsSchema = z.strictObject({ by: (z.enum(REFERRAL_ROLES) as z.ZodType<ReferralRole>).optional() });

const codeIn = (c: z.infer<typeof Coded> | undefined, system: string): string | undefined => c?.coding?.find((x) => x.system === system)?.code;

/** The referral status a Task status means when the Task does not say which (its businessStatus). */
const DEFAULT_STATUS: Readonly<Partial<Record<FhirTaskStatus, ReferralStatus>>> = {
  requested: 'received',
  accepted: 'accepted',
  rejected: 'rejected',
  'in-progress': 'contacted',
  'on-hold': 'on_hold',
  failed: 'unable_to_contact',
  completed: 'closed',
};

/**
 * Reads a FHIR R4 Task coming back from the service or provider a referral
 * was sent to (accepted, rejected, in progress, on hold, failed, completed,
 * cancelled) and returns the referral it is about, the lifecycle status it
 * means and the lifecycle event that records it, closing the loop that
 * `toFhirReferral` opens. The referral is found by the Task's identifier in
 * the library's system (`FHIR_SYSTEMS.referralId`); the event's time is the
 * Task's `lastModified` (else `authoredOn`). Where one Task status stands for
 * several referral statuses (`in-progress`), the Task's `businessStatus`
 * (as `toFhirReferral` writes it) decides, else the first (`contacted`);
 * `cancelled` is `declined` when the status reason is SNOMED CT
 * 871711000000103, else `withdrawn`. A status that is not a FHIR Task status
 * is the error `unknown_task_status`; `draft`, `ready`, `received` and
 * `entered-in-error` are `unsupported_task_status`. Never throws; errors
 * never repeat a value from the Task.
 *
 * @example
 * ```ts
 * import { fromFhirTask } from 'social-prescribing';
 *
 * const update = fromFhirTask({
 *   resourceType: 'Task', id: 'task-1', status: 'accepted', intent: 'order',
 *   identifier: [{ system: 'urn:social-prescribing:referral-id', value: 'r1' }],
 *   lastModified: '2024-04-02T10:00:00Z',
 * })._unsafeUnwrap();
 * update.status; // 'accepted'
 * update.event?.type; // 'accepted'
 * ```
 */
export function fromFhirTask(task: unknown, options: unknown = {}): Result<FhirTaskImport, FromFhirTaskError> {
  const opts = safeParse(OptionsSchema, options);
  if (!opts.success) return err(createValidationError('invalid_fhir_options', 'options', issuesFromZod(opts.error, options)));
  const parsed = safeParse(TaskSchema, task);
  if (!parsed.success) return err(createValidationError('invalid_fhir_task', 'FHIR Task', issuesFromZod(parsed.error, task)));
  const t = parsed.data;
  const index = t.identifier.findIndex((i) => i.system === FHIR_SYSTEMS.referralId);
  const referralId = index < 0 ? undefined : t.identifier[index]!.value;
  const at = t.lastModified ?? t.authoredOn;
  if (referralId === undefined || !IdSchema.safeParse(referralId).success || at === undefined) {
    const issues = [];
    if (referralId === undefined || !IdSchema.safeParse(referralId).success) {
      issues.push({ path: index < 0 ? ['identifier'] : ['identifier', index, 'value'], code: 'missing_field' as const, message: `identifier: needs one identifier with system "${FHIR_SYSTEMS.referralId}" and the referral's id as its value` });
    }
    if (at === undefined) issues.push({ path: ['lastModified'], code: 'missing_field' as const, message: 'lastModified: required (or authoredOn) to date the event' });
    return err(createValidationError('invalid_fhir_task', 'FHIR Task', issues));
  }
  if (!R4_TASK_STATUSES.has(t.status)) return err(taskStatusError('unknown_task_status'));
  const taskStatus = t.status as FhirTaskStatus;
  const business = codeIn(t.businessStatus, FHIR_SYSTEMS.referralStatus);
  const declined = codeIn(t.statusReason, FHIR_SYSTEMS.snomed) === SNOMED.socialPrescribingDeclined.code;
  let status: ReferralStatus | undefined;
  if (business !== undefined && (REFERRAL_STATUSES as readonly string[]).includes(business) && FHIR_TASK_STATUS_OF[business as ReferralStatus] === taskStatus) status = business as ReferralStatus;
  else status = taskStatus === 'cancelled' ? (declined ? 'declined' : 'withdrawn') : DEFAULT_STATUS[taskStatus];
  if (status === undefined) return err(taskStatusError('unsupported_task_status'));

  const base = { id: `fhir-task:${t.id ?? 'task'}:${status}:${at}`, referralId, at, by: { role: opts.data.by ?? 'service_coordinator' } };
  const reasonCode = codeIn(t.statusReason, FHIR_SYSTEMS.rejectionReason);
  const outcomeCode = codeIn(t.statusReason, FHIR_SYSTEMS.closureOutcome);
  const owner = t.owner?.identifier?.system === FHIR_SYSTEMS.staffRef ? t.owner.identifier.value : undefined;
  let event: ReferralEvent | null;
  switch (status) {
    case 'accepted':
      event = { ...base, type: 'accepted', ...(owner !== undefined && RefSchema.safeParse(owner).success ? { linkWorkerRef: owner } : {}) };
      break;
    case 'rejected':
      event = { ...base, type: 'rejected', reason: (REJECTION_REASONS as readonly string[]).includes(reasonCode ?? '') ? (reasonCode as RejectionReason) : 'other' };
      break;
    case 'closed':
      event = { ...base, type: 'closed', outcome: (CLOSURE_OUTCOMES as readonly string[]).includes(outcomeCode ?? '') ? (outcomeCode as ClosureOutcome) : 'other' };
      break;
    case 'on_hold':
      event = { ...base, type: 'put_on_hold' };
      break;
    case 'contacted':
    case 'unable_to_contact':
    case 'plan_agreed':
    case 'reviewed':
    case 'declined':
    case 'withdrawn':
      event = { ...base, type: status };
      break;
    case 'received':
    case 'assessed':
    case 'referred_out':
    case 'attending':
      event = null;
      break;
    default:
      return status satisfies never;
  }
  return ok({ referralId, status, event });
}
