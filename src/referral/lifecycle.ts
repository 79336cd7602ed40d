import { indexTransitions } from '../shared/transitionTable';
import { deepFreeze } from '../shared/deepFreeze';
import { TERMINAL_REFERRAL_STATUSES, type ReferralEventType, type ReferralStatus } from './schema';

/**
 * The conditions some transitions check besides the status:
 * `enough_contact_attempts`: at least the pathway's number of unsuccessful
 * contact attempts were recorded before closing as unable to contact;
 * `activity_referred`: the person was referred out to the activity they
 * attended or missed.
 *
 * @example
 * ```ts
 * import { TRANSITION_GUARDS } from 'social-prescribing';
 * TRANSITION_GUARDS; // ['enough_contact_attempts', 'activity_referred']
 * ```
 */
export const TRANSITION_GUARDS = ['enough_contact_attempts', 'activity_referred'] as const;
/**
 * One of {@link TRANSITION_GUARDS}.
 *
 * @example
 * ```ts
 * import type { TransitionGuard } from 'social-prescribing';
 * const g: TransitionGuard = 'activity_referred';
 * ```
 */
export type TransitionGuard = (typeof TRANSITION_GUARDS)[number];

/**
 * The number of unsuccessful contact attempts after which a referral may be
 * closed as unable to contact, when the pathway does not say.
 *
 * @example
 * ```ts
 * import { DEFAULT_CONTACT_ATTEMPTS } from 'social-prescribing';
 * DEFAULT_CONTACT_ATTEMPTS; // 3
 * ```
 */
export const DEFAULT_CONTACT_ATTEMPTS = 3;

/**
 * One row of the lifecycle's transition table: in status `from`, event
 * `event` moves the referral to `to` (`'previous'`: back to the status it was
 * put on hold from), provided the `guard`, if any, holds.
 *
 * @example
 * ```ts
 * import type { ReferralTransition } from 'social-prescribing';
 * const t: ReferralTransition = { from: 'accepted', event: 'contacted', to: 'contacted' };
 * ```
 */
export interface ReferralTransition {
  /** The status the referral is in. */
  readonly from: ReferralStatus;
  /** The event (never `received`, which creates a referral). */
  readonly event: Exclude<ReferralEventType, 'received'>;
  /** The status it moves to, or `'previous'` for the status it was put on hold from. */
  readonly to: ReferralStatus | 'previous';
  /** A condition that must also hold. */
  readonly guard?: TransitionGuard;
}

type Row = ReferralTransition;
const ACTIVE = ['accepted', 'contacted', 'assessed', 'plan_agreed', 'referred_out', 'attending', 'reviewed'] as const satisfies readonly ReferralStatus[];
const each = (froms: readonly ReferralStatus[], event: Row['event'], to: Row['to'] | 'same', guard?: TransitionGuard): Row[] =>
  froms.map((from) => ({ from, event, to: to === 'same' ? from : to, ...(guard === undefined ? {} : { guard }) }));

/**
 * The referral lifecycle as data: every allowed (status, event) pair and
 * where it leads. A (status, event) pair not in the table is an illegal
 * event. `received` creates a referral in status `received`; `rejected`,
 * `unable_to_contact`, `declined`, `withdrawn` and `closed` are terminal.
 * The guide "Referral pathways and the referral lifecycle" draws it.
 *
 * @example
 * ```ts
 * import { REFERRAL_TRANSITIONS } from 'social-prescribing';
 *
 * const fromAccepted = REFERRAL_TRANSITIONS.filter((t) => t.from === 'accepted').map((t) => t.event);
 * fromAccepted.includes('contact_attempted'); // true
 * ```
 */
export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = deepFreeze([
  ...each(['received'], 'accepted', 'accepted'),
  ...each(['received'], 'rejected', 'rejected'),
  ...each(['accepted'], 'contact_attempted', 'accepted'),
  ...each(['accepted'], 'contacted', 'contacted'),
  ...each(['accepted'], 'unable_to_contact', 'unable_to_contact', 'enough_contact_attempts'),
  ...each(['contacted'], 'assessed', 'assessed'),
  ...each(['assessed'], 'plan_agreed', 'plan_agreed'),
  ...each(['plan_agreed', 'referred_out', 'reviewed'], 'referred_out', 'referred_out'),
  ...each(['attending'], 'referred_out', 'attending'),
  ...each(['referred_out', 'attending', 'reviewed'], 'attended', 'attending', 'activity_referred'),
  ...each(['referred_out', 'attending', 'reviewed'], 'did_not_attend', 'same', 'activity_referred'),
  ...each(['referred_out', 'attending', 'reviewed'], 'reviewed', 'reviewed'),
  ...each(ACTIVE, 'put_on_hold', 'on_hold'),
  ...each(['on_hold'], 'resumed', 'previous'),
  ...each([...ACTIVE, 'on_hold'], 'declined', 'declined'),
  ...each(['received', ...ACTIVE, 'on_hold'], 'withdrawn', 'withdrawn'),
  ...each(['contacted', 'assessed', 'plan_agreed', 'referred_out', 'attending', 'reviewed', 'on_hold'], 'closed', 'closed'),
  ...each([...ACTIVE, 'on_hold'], 'reassigned', 'same'),
]);

/**
 * The HL7 FHIR R4 Task statuses (the subset the SDOH Clinical Care guide
 * uses for referral tasks).
 *
 * @example
 * ```ts
 * import { FHIR_TASK_STATUSES } from 'social-prescribing';
 * FHIR_TASK_STATUSES.includes('on-hold'); // true
 * ```
 */
export const FHIR_TASK_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'entered-in-error',
] as const;
/**
 * One of {@link FHIR_TASK_STATUSES}.
 *
 * @example
 * ```ts
 * import type { FhirTaskStatus } from 'social-prescribing';
 * const s: FhirTaskStatus = 'in-progress';
 * ```
 */
export type FhirTaskStatus = (typeof FHIR_TASK_STATUSES)[number];

/**
 * The FHIR Task status matching each referral status, for apps that
 * exchange referrals as FHIR ServiceRequest + Task (closed-loop referral).
 * `declined` and `withdrawn` are both `cancelled` (by the person and by the
 * referrer: say which in `Task.statusReason`); `unable_to_contact` is `failed`.
 *
 * @example
 * ```ts
 * import { FHIR_TASK_STATUS_OF } from 'social-prescribing';
 * FHIR_TASK_STATUS_OF.referred_out; // 'in-progress'
 * FHIR_TASK_STATUS_OF.closed; // 'completed'
 * ```
 */
export const FHIR_TASK_STATUS_OF: Readonly<Record<ReferralStatus, FhirTaskStatus>> = deepFreeze({
  received: 'requested',
  accepted: 'accepted',
  rejected: 'rejected',
  contacted: 'in-progress',
  unable_to_contact: 'failed',
  assessed: 'in-progress',
  plan_agreed: 'in-progress',
  referred_out: 'in-progress',
  attending: 'in-progress',
  reviewed: 'in-progress',
  on_hold: 'on-hold',
  declined: 'cancelled',
  withdrawn: 'cancelled',
  closed: 'completed',
});

/** @internal The table row for a status and event, if any (the library's one transition engine). */
export const findTransition: (from: ReferralStatus, event: ReferralEventType) => ReferralTransition | undefined = indexTransitions<ReferralStatus, ReferralEventType, ReferralTransition>(REFERRAL_TRANSITIONS);

// The one list of terminal statuses is the schema's.
const TERMINAL: ReadonlySet<ReferralStatus> = new Set<ReferralStatus>(TERMINAL_REFERRAL_STATUSES);
/** @internal */
export const isTerminal = (status: ReferralStatus): boolean => TERMINAL.has(status);
