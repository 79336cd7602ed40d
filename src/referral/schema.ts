import * as z from 'zod';
import { IsoDateTimeSchema } from '../shared/time';
import { IdSchema, NeedDomainSchema } from '../shared/schemas';
import { REFERRAL_SETTINGS, type ReferralSetting } from '../shared/vocabulary';
import { isValidNhsNumber } from './isValidNhsNumber';
import { MeasuredOutcomeSchema, MeasuredScoreSchema, WellbeingScoreSchema } from '../outcomes/index';

/**
 * The statuses a referral passes through, from receipt to an end.
 * Terminal statuses are listed in {@link TERMINAL_REFERRAL_STATUSES}.
 *
 * @example
 * ```ts
 * import { REFERRAL_STATUSES } from 'social-prescribing';
 * REFERRAL_STATUSES[0]; // 'received'
 * ```
 */
export const REFERRAL_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'contacted',
  'unable_to_contact',
  'assessed',
  'plan_agreed',
  'referred_out',
  'attending',
  'reviewed',
  'on_hold',
  'declined',
  'withdrawn',
  'closed',
] as const;
/**
 * One of {@link REFERRAL_STATUSES}.
 *
 * @example
 * ```ts
 * import type { ReferralStatus } from 'social-prescribing';
 * const s: ReferralStatus = 'plan_agreed';
 * ```
 */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * The statuses a referral cannot leave.
 *
 * @example
 * ```ts
 * import { TERMINAL_REFERRAL_STATUSES } from 'social-prescribing';
 * TERMINAL_REFERRAL_STATUSES.includes('closed'); // true
 * ```
 */
export const TERMINAL_REFERRAL_STATUSES = ['rejected', 'unable_to_contact', 'declined', 'withdrawn', 'closed'] as const satisfies readonly ReferralStatus[];

/**
 * The events that move a referral through its lifecycle. `received` creates
 * a referral; the rest are allowed only where {@link REFERRAL_TRANSITIONS}
 * says so.
 *
 * @example
 * ```ts
 * import { REFERRAL_EVENT_TYPES } from 'social-prescribing';
 * REFERRAL_EVENT_TYPES.includes('did_not_attend'); // true
 * ```
 */
export const REFERRAL_EVENT_TYPES = [
  'received',
  'accepted',
  'rejected',
  'contact_attempted',
  'contacted',
  'unable_to_contact',
  'assessed',
  'plan_agreed',
  'referred_out',
  'attended',
  'did_not_attend',
  'reviewed',
  'put_on_hold',
  'resumed',
  'declined',
  'withdrawn',
  'closed',
  'reassigned',
] as const;
/**
 * One of {@link REFERRAL_EVENT_TYPES}.
 *
 * @example
 * ```ts
 * import type { ReferralEventType } from 'social-prescribing';
 * const e: ReferralEventType = 'contact_attempted';
 * ```
 */
export type ReferralEventType = (typeof REFERRAL_EVENT_TYPES)[number];

/**
 * The roles of the people (or systems) that record events.
 *
 * @example
 * ```ts
 * import { REFERRAL_ROLES } from 'social-prescribing';
 * REFERRAL_ROLES.includes('link_worker'); // true
 * ```
 */
export const REFERRAL_ROLES = ['referrer', 'link_worker', 'service_coordinator', 'activity_provider', 'person', 'system', 'other'] as const;
/**
 * One of {@link REFERRAL_ROLES}.
 *
 * @example
 * ```ts
 * import type { ReferralRole } from 'social-prescribing';
 * const r: ReferralRole = 'service_coordinator';
 * ```
 */
export type ReferralRole = (typeof REFERRAL_ROLES)[number];

/**
 * Why a service rejects a referral.
 *
 * @example
 * ```ts
 * import { REJECTION_REASONS } from 'social-prescribing';
 * REJECTION_REASONS.slice(0, 2); // ['ineligible', 'at_capacity']
 * ```
 */
export const REJECTION_REASONS = ['ineligible', 'at_capacity', 'duplicate', 'insufficient_information', 'out_of_area', 'other'] as const;
/**
 * One of {@link REJECTION_REASONS}.
 *
 * @example
 * ```ts
 * import type { RejectionReason } from 'social-prescribing';
 * const r: RejectionReason = 'at_capacity';
 * ```
 */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * The outcome a referral is closed with.
 *
 * @example
 * ```ts
 * import { CLOSURE_OUTCOMES } from 'social-prescribing';
 * CLOSURE_OUTCOMES[0]; // 'goals_met'
 * ```
 */
export const CLOSURE_OUTCOMES = [
  'goals_met',
  'goals_partly_met',
  'signposted_only',
  'needs_changed',
  'disengaged',
  'moved_away',
  'died',
  'transferred',
  'other',
] as const;
/**
 * One of {@link CLOSURE_OUTCOMES}.
 *
 * @example
 * ```ts
 * import type { ClosureOutcome } from 'social-prescribing';
 * const o: ClosureOutcome = 'goals_partly_met';
 * ```
 */
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** A pseudonymous reference: letters, digits and `._:-`, no spaces, so it cannot hold a name. */
const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * A pseudonymous reference to a person: 1-128 letters, digits, `.`, `_`,
 * `:` or `-` (no spaces, so not a name), and never an NHS number. The core
 * referral record holds this and nothing else about who the person is.
 *
 * @example
 * ```ts
 * import { PersonRefSchema } from 'social-prescribing';
 * PersonRefSchema.safeParse('p-7f3a91').success; // true
 * PersonRefSchema.safeParse('943 476 5919').success; // false
 * PersonRefSchema.safeParse('9434765919').success; // false: an NHS number
 * ```
 */
export const PersonRefSchema = z
  .string()
  .regex(REF_PATTERN, { error: 'expected a pseudonymous reference (letters, digits, ".", "_", ":" or "-", at most 128)' })
  .refine((s) => !isValidNhsNumber(s), { error: 'must be a pseudonymous reference, not an NHS number' });

/**
 * A reference to a member of staff (a link worker) or an organisation (a GP
 * practice's ODS code): 1-128 letters, digits, `.`, `_`, `:` or `-`.
 *
 * @example
 * ```ts
 * import { RefSchema } from 'social-prescribing';
 * RefSchema.safeParse('lw-12').success; // true
 * ```
 */
export const RefSchema = z.string().regex(REF_PATTERN, { error: 'expected a reference (letters, digits, ".", "_", ":" or "-", at most 128)' });


const SettingSchema = z.enum(REFERRAL_SETTINGS) as z.ZodType<ReferralSetting>;

const base = {
  /** The event's identifier, unique across the log. */
  id: IdSchema,
  /** The referral the event belongs to. */
  referralId: IdSchema,
  /** When it happened. */
  at: IsoDateTimeSchema,
  /** The log's sequence number: orders events with the same `at`. Defaults to 0. */
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Who recorded it. */
  by: z.strictObject({
    /** Their role. */
    role: z.enum(REFERRAL_ROLES) as z.ZodType<ReferralRole>,
    /** A pseudonymous reference to them, when staff. */
    ref: RefSchema.optional(),
  }),
  /** A free-text note for the case record. It is never copied into the referral record, errors or metrics. */
  note: z.string().max(5000).optional(),
};
const reasonCode = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'expected a reason code (lower-case letters, digits and "_")' });

const ReceivedEventSchema = z.strictObject({
  ...base,
  /** The event type. */
  type: z.literal('received'),
  /** A pseudonymous reference to the person. */
  personRef: PersonRefSchema,
  /** The setting the referral comes from. */
  sourceSetting: SettingSchema,
  /** The pathway the referral is made on. */
  pathwayId: IdSchema,
  /** The referring organisation (e.g. the GP practice's ODS code), used to count referring practices. */
  referrerOrganisation: RefSchema.optional(),
  /** The person's needs, by domain, as the referrer sees them. */
  needs: z.array(NeedDomainSchema).max(200),
  /** The person consents to information being shared between the referrer, the service and providers. */
  consentToShare: z.boolean(),
});
const simple = <T extends ReferralEventType>(type: T) =>
  z.strictObject({
    ...base,
    /** The event type. */
    type: z.literal(type),
    /** Why, as a code of the service's own (e.g. `no_answer`). */
    reason: reasonCode.optional(),
  });

/**
 * One event of a referral's life, as recorded in an event log. Every event
 * records when (`at`, `seq`), by whom (`by.role`) and, where it matters, why
 * (`reason`). Discriminated on `type` (see {@link REFERRAL_EVENT_TYPES}).
 *
 * @example
 * ```ts
 * import { ReferralEventSchema } from 'social-prescribing';
 *
 * ReferralEventSchema.safeParse({
 *   id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *   personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: ['loneliness_and_isolation'], consentToShare: true,
 * }).success; // true
 * ```
 */
export const ReferralEventSchema = z.discriminatedUnion(
  'type',
  [
    ReceivedEventSchema,
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('accepted'),
      /** The link worker who takes the referral on. */
      linkWorkerRef: RefSchema.optional(),
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('rejected'),
      /** Why the service rejects the referral. */
      reason: z.enum(REJECTION_REASONS) as z.ZodType<RejectionReason>,
    }),
    simple('contact_attempted'),
    simple('contacted'),
    simple('unable_to_contact'),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('assessed'),
      /** The needs found, by domain. */
      needs: z.array(NeedDomainSchema).max(200),
      /** The baseline well-being score. */
      baseline: WellbeingScoreSchema.optional(),
      /** Baseline outcomes measured at the assessment: scores, or questionnaire answers the library scores. */
      outcomes: z.array(MeasuredOutcomeSchema).max(10).optional(),
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    simple('plan_agreed'),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('referred_out'),
      /** The activities the person is referred to (no repeats). */
      activityIds: z
        .array(IdSchema)
        .min(1)
        .max(100)
        .refine((ids) => new Set(ids).size === ids.length, { error: 'lists an activity more than once' }),
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('attended'),
      /** The activity attended. */
      activityId: IdSchema,
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('did_not_attend'),
      /** The activity not attended. */
      activityId: IdSchema,
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('reviewed'),
      /** The follow-up well-being score. */
      followUp: WellbeingScoreSchema.optional(),
      /** Follow-up outcomes measured at the review: scores, or questionnaire answers the library scores. */
      outcomes: z.array(MeasuredOutcomeSchema).max(10).optional(),
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    simple('put_on_hold'),
    simple('resumed'),
    simple('declined'),
    simple('withdrawn'),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('closed'),
      /** The outcome the referral is closed with. */
      outcome: z.enum(CLOSURE_OUTCOMES) as z.ZodType<ClosureOutcome>,
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
    z.strictObject({
      ...base,
      /** The event type. */
      type: z.literal('reassigned'),
      /** The link worker who takes the referral over. */
      linkWorkerRef: RefSchema,
      /** Why, as a code. */
      reason: reasonCode.optional(),
    }),
  ],
  { error: `expected an event whose "type" is one of ${REFERRAL_EVENT_TYPES.map((t) => `"${t}"`).join(', ')}` },
);
/**
 * One event of a referral's life (see {@link ReferralEventSchema}).
 *
 * @example
 * ```ts
 * import type { ReferralEvent } from 'social-prescribing';
 * const e: ReferralEvent = { id: 'e2', referralId: 'r1', type: 'accepted', at: '2024-04-02T10:00:00Z', by: { role: 'service_coordinator' } };
 * ```
 */
export type ReferralEvent = z.infer<typeof ReferralEventSchema>;
/**
 * The event that creates a referral.
 *
 * @example
 * ```ts
 * import type { ReceivedEvent } from 'social-prescribing';
 * const e: ReceivedEvent = {
 *   id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *   personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: [], consentToShare: true,
 * };
 * ```
 */
export interface ReceivedEvent extends z.infer<typeof ReceivedEventSchema> {}

const StatusSchema = z.enum(REFERRAL_STATUSES) as z.ZodType<ReferralStatus>;

/**
 * One transition in a referral's history: which event moved it from which
 * status to which, when, by whom and why.
 *
 * @example
 * ```ts
 * import { TransitionRecordSchema } from 'social-prescribing';
 * TransitionRecordSchema.parse({ eventId: 'e2', event: 'accepted', at: '2024-04-02T10:00:00Z', seq: 0, from: 'received', to: 'accepted', byRole: 'service_coordinator' });
 * ```
 */
export const TransitionRecordSchema = z.strictObject({
  /** The event's id. */
  eventId: IdSchema,
  /** The event's type. */
  event: z.enum(REFERRAL_EVENT_TYPES) as z.ZodType<ReferralEventType>,
  /** When. */
  at: IsoDateTimeSchema,
  /** The event's sequence number. */
  seq: z.number().int().min(0),
  /** The status before (`null` for `received`). */
  from: StatusSchema.nullable(),
  /** The status after. */
  to: StatusSchema,
  /** The role of who recorded it. */
  byRole: z.enum(REFERRAL_ROLES) as z.ZodType<ReferralRole>,
  /** Why: the event's reason or outcome code, if any. */
  reason: z.string().max(64).optional(),
  /** The link worker the event assigned, if it assigned one. */
  linkWorkerRef: RefSchema.optional(),
});
/**
 * One transition in a referral's history (see {@link TransitionRecordSchema}).
 *
 * @example
 * ```ts
 * import type { TransitionRecord } from 'social-prescribing';
 * const t: TransitionRecord = { eventId: 'e2', event: 'accepted', at: '2024-04-02T10:00:00Z', seq: 0, from: 'received', to: 'accepted', byRole: 'link_worker' };
 * ```
 */
export interface TransitionRecord extends z.infer<typeof TransitionRecordSchema> {}

/**
 * A referral: the core record a referral app keeps, folded from its events.
 * It holds a pseudonymous person reference and nothing else that identifies
 * the person: no name, no NHS number, no free text.
 *
 * @example
 * ```ts
 * import { createReferral, ReferralSchema } from 'social-prescribing';
 *
 * const r = createReferral(
 *   { id: 'e1', referralId: 'r1', type: 'received', at: '2024-04-01T09:00:00Z', by: { role: 'referrer' },
 *     personRef: 'p-001', sourceSetting: 'gp_practice', pathwayId: 'ltc', needs: [], consentToShare: true },
 *   { asOf: '2024-04-01T12:00:00Z' },
 * )._unsafeUnwrap();
 * ReferralSchema.safeParse(r).success; // true
 * ```
 */
export const ReferralSchema = z.strictObject({
  /** The referral's identifier. */
  id: IdSchema,
  /** A pseudonymous reference to the person (never a name or NHS number). */
  personRef: PersonRefSchema,
  /** The setting the referral came from. */
  sourceSetting: SettingSchema,
  /** The pathway the referral was made on. */
  pathwayId: IdSchema,
  /** The referring organisation, when recorded. */
  referrerOrganisation: RefSchema.optional(),
  /** When the referral was received. */
  receivedAt: IsoDateTimeSchema,
  /** The needs the referrer identified, by domain. */
  needs: z.array(NeedDomainSchema).max(200),
  /** Consent to share information. */
  consentToShare: z.boolean(),
  /** The current status. */
  status: StatusSchema,
  /** When on hold: the status to resume to. */
  heldFrom: StatusSchema.optional(),
  /** When the last event was applied. */
  updatedAt: IsoDateTimeSchema,
  /** The sequence number of the last event applied. */
  updatedSeq: z.number().int().min(0),
  /** The link worker currently responsible. */
  linkWorkerRef: RefSchema.optional(),
  /** Unsuccessful contact attempts so far. */
  contactAttempts: z.number().int().min(0),
  /** When first contact was made. */
  firstContactAt: IsoDateTimeSchema.optional(),
  /** The assessment, once made. */
  assessment: z
    .strictObject({
      /** When. */
      at: IsoDateTimeSchema,
      /** The needs found, by domain. */
      needs: z.array(NeedDomainSchema).max(200),
      /** The baseline well-being score. */
      baseline: WellbeingScoreSchema.optional(),
      /** The baseline outcomes measured, scored. */
      outcomes: z.array(MeasuredScoreSchema).max(40).optional(),
    })
    .optional(),
  /** When the plan was agreed. */
  planAgreedAt: IsoDateTimeSchema.optional(),
  /** The activities the person was referred out to, with attendance. */
  activities: z
    .array(
      z.strictObject({
        /** The activity. */
        activityId: IdSchema,
        /** When the person was referred to it. */
        referredAt: IsoDateTimeSchema,
        /** Sessions attended. */
        attended: z.number().int().min(0),
        /** Sessions not attended. */
        didNotAttend: z.number().int().min(0),
      }),
    )
    .max(1000),
  /** Reviews, in order, with their follow-up scores. */
  reviews: z
    .array(
      z.strictObject({
        /** When. */
        at: IsoDateTimeSchema,
        /** The follow-up well-being score. */
        followUp: WellbeingScoreSchema.optional(),
        /** The follow-up outcomes measured, scored. */
        outcomes: z.array(MeasuredScoreSchema).max(40).optional(),
      }),
    )
    .max(1000),
  /** Why the service rejected the referral, when it did. */
  rejectionReason: (z.enum(REJECTION_REASONS) as z.ZodType<RejectionReason>).optional(),
  /** The outcome the referral was closed with, when closed. */
  outcome: (z.enum(CLOSURE_OUTCOMES) as z.ZodType<ClosureOutcome>).optional(),
  /** When the referral reached a terminal status. */
  endedAt: IsoDateTimeSchema.optional(),
  /** Every transition, in order. */
  transitions: z.array(TransitionRecordSchema).min(1).max(100_000),
});
/**
 * A referral record (see {@link ReferralSchema}).
 *
 * @example
 * ```ts
 * import type { Referral } from 'social-prescribing';
 * const open = (r: Referral): boolean => !['rejected', 'closed'].includes(r.status);
 * ```
 */
export interface Referral extends z.infer<typeof ReferralSchema> {}
