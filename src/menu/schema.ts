import * as z from 'zod';
import { EligibilityRuleSchema } from '../pathway/index';
import { AreaCodeSchema } from '../shared/areas';
import { IdSchema, IsoDateSchema, NeedDomainSchema } from '../shared/schemas';
import {
  ACTIVITY_TYPES,
  PROVIDER_TYPES,
  TURNOVER_BANDS,
  type ActivityType,
  type ProviderType,
  type TurnoverBand,
} from '../shared/vocabulary';

/**
 * The statuses an activity can have. The same four values as the HSDS
 * `service.status` field (HSDS spells the second `temporarily closed`).
 *
 * @example
 * ```ts
 * import { ACTIVITY_STATUSES } from 'social-prescribing';
 * ACTIVITY_STATUSES; // ['active', 'temporarily_closed', 'inactive', 'defunct']
 * ```
 */
export const ACTIVITY_STATUSES = ['active', 'temporarily_closed', 'inactive', 'defunct'] as const;
/**
 * One of {@link ACTIVITY_STATUSES}.
 *
 * @example
 * ```ts
 * import type { ActivityStatus } from 'social-prescribing';
 * const s: ActivityStatus = 'temporarily_closed';
 * ```
 */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * Whether an activity can take new people now: `open` (places free),
 * `waitlist` (people join a waiting list) or `full` (not taking anyone).
 *
 * @example
 * ```ts
 * import { AVAILABILITIES } from 'social-prescribing';
 * AVAILABILITIES[0]; // 'open'
 * ```
 */
export const AVAILABILITIES = ['open', 'waitlist', 'full'] as const;
/**
 * One of {@link AVAILABILITIES}.
 *
 * @example
 * ```ts
 * import type { Availability } from 'social-prescribing';
 * const a: Availability = 'waitlist';
 * ```
 */
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * How money reaches an activity: a `grant` (e.g. a micro-commissioned small
 * grant), a `contract`, the provider's own `core_budget` (e.g. a statutory
 * service), or `fees_and_donations` from participants and the public.
 *
 * @example
 * ```ts
 * import { FUNDING_MECHANISMS } from 'social-prescribing';
 * FUNDING_MECHANISMS.includes('grant'); // true
 * ```
 */
export const FUNDING_MECHANISMS = ['grant', 'contract', 'core_budget', 'fees_and_donations'] as const;
/**
 * One of {@link FUNDING_MECHANISMS}.
 *
 * @example
 * ```ts
 * import type { FundingMechanism } from 'social-prescribing';
 * const m: FundingMechanism = 'contract';
 * ```
 */
export type FundingMechanism = (typeof FUNDING_MECHANISMS)[number];

/**
 * The UK registers a provider can be on. Each maps to an org-id.guide
 * identifier scheme in HSDS exports: `charity_commission` GB-CHC (England and
 * Wales), `oscr` GB-SC (Scotland), `ccni` GB-NIC (Northern Ireland),
 * `companies_house` GB-COH.
 *
 * @example
 * ```ts
 * import { REGISTERS } from 'social-prescribing';
 * REGISTERS[0]; // 'charity_commission'
 * ```
 */
export const REGISTERS = ['charity_commission', 'oscr', 'ccni', 'companies_house'] as const;
/**
 * One of {@link REGISTERS}.
 *
 * @example
 * ```ts
 * import type { Register } from 'social-prescribing';
 * const r: Register = 'companies_house';
 * ```
 */
export type Register = (typeof REGISTERS)[number];

/**
 * Days of the week, as iCalendar (RFC 5545) and HSDS `byday` spell them.
 *
 * @example
 * ```ts
 * import { WEEKDAYS } from 'social-prescribing';
 * WEEKDAYS[0]; // 'MO'
 * ```
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/**
 * One of {@link WEEKDAYS}.
 *
 * @example
 * ```ts
 * import type { Weekday } from 'social-prescribing';
 * const d: Weekday = 'WE';
 * ```
 */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * What a price is charged per.
 *
 * @example
 * ```ts
 * import { COST_UNITS } from 'social-prescribing';
 * COST_UNITS.includes('session'); // true
 * ```
 */
export const COST_UNITS = ['session', 'week', 'month', 'course', 'one_off'] as const;
/**
 * One of {@link COST_UNITS}.
 *
 * @example
 * ```ts
 * import type { CostUnit } from 'social-prescribing';
 * const u: CostUnit = 'course';
 * ```
 */
export type CostUnit = (typeof COST_UNITS)[number];

/**
 * A tag describing what an activity involves (`gardening`, `choir`,
 * `walking`), matched against a person's interests. Lower-case letters,
 * digits, `_` and `-`, at most 60 characters. Need-domain codes are valid
 * tags, so an interest can also name a domain.
 *
 * @example
 * ```ts
 * import { TagSchema } from 'social-prescribing';
 * TagSchema.safeParse('walking-football').success; // true
 * TagSchema.safeParse('Walking Football').success; // false
 * ```
 */
export const TagSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, { error: 'expected a tag (lower-case letters, digits, _ and -, at most 60 characters)' });

/**
 * A provider's entry on a UK register.
 *
 * @example
 * ```ts
 * import { RegistrationSchema } from 'social-prescribing';
 * RegistrationSchema.parse({ register: 'charity_commission', identifier: '1071234' });
 * ```
 */
export const RegistrationSchema = z.strictObject({
  /** The register. */
  register: z.enum(REGISTERS) as z.ZodType<Register>,
  /** The number on that register (charity number, company number), letters, digits and `-`. */
  identifier: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, { error: 'expected a registration number (letters, digits and -)' }),
});
/**
 * A provider's entry on a UK register.
 *
 * @example
 * ```ts
 * import type { Registration } from 'social-prescribing';
 * const r: Registration = { register: 'companies_house', identifier: '01234567' };
 * ```
 */
export interface Registration extends z.infer<typeof RegistrationSchema> {}

/**
 * The list of areas something serves, or `'anywhere'` for an activity or
 * provider not tied to an area (online, by telephone, national).
 *
 * @example
 * ```ts
 * import { AreasServedSchema } from 'social-prescribing';
 * AreasServedSchema.parse(['E08000018']);
 * AreasServedSchema.parse('anywhere');
 * ```
 */
export const AreasServedSchema = z.union([z.array(AreaCodeSchema).min(1).max(1000), z.literal('anywhere')], {
  error: 'expected a non-empty list of area codes, or "anywhere"',
});

/**
 * An organisation that runs activities on the menu.
 *
 * Optional fields that are absent are *not recorded* (unknown), never
 * "none": a provider with no `registrations` may still be registered.
 *
 * @example
 * ```ts
 * import { ProviderSchema } from 'social-prescribing';
 *
 * ProviderSchema.parse({
 *   id: 'age-uk-rotherham',
 *   name: 'Age UK Rotherham',
 *   type: 'registered_charity',
 *   registrations: [{ register: 'charity_commission', identifier: '1071234' }],
 *   turnoverBand: 'medium',
 *   areas: ['E08000018'],
 * });
 * ```
 */
export const ProviderSchema = z.strictObject({
  /** The provider's identifier, unique in the menu (an HSDS organization id when imported). */
  id: IdSchema,
  /** The provider's public name. */
  name: z.string().min(1).max(300),
  /** A public description of the organisation. */
  description: z.string().min(1).max(5000).optional(),
  /** What type of organisation it is. Absent: not recorded. */
  type: (z.enum(PROVIDER_TYPES) as z.ZodType<ProviderType>).optional(),
  /** Its entries on UK registers; `[]` records that it has none. Absent: not recorded. */
  registrations: z.array(RegistrationSchema).max(10).optional(),
  /** Its annual turnover band. Absent: not recorded. */
  turnoverBand: (z.enum(TURNOVER_BANDS) as z.ZodType<TurnoverBand>).optional(),
  /** The areas it serves. Absent: not recorded. */
  areas: AreasServedSchema.optional(),
});
/**
 * An organisation that runs activities on the menu (see {@link ProviderSchema}).
 *
 * @example
 * ```ts
 * import type { Provider } from 'social-prescribing';
 * const p: Provider = { id: 'walk-group', name: 'Rother Valley Walkers', type: 'user_led_group' };
 * ```
 */
export interface Provider extends z.infer<typeof ProviderSchema> {}

const unique = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * One weekly session: the day, and the times it opens and closes (24-hour
 * `HH:MM`, local time). `everyWeeks` is 2 for a fortnightly session.
 *
 * @example
 * ```ts
 * import { SessionSchema } from 'social-prescribing';
 * SessionSchema.parse({ day: 'TU', opensAt: '10:00', closesAt: '12:00' });
 * ```
 */
export const SessionSchema = z
  .strictObject({
    /** The day of the week. */
    day: z.enum(WEEKDAYS) as z.ZodType<Weekday>,
    /** When it starts, `HH:MM`. */
    opensAt: z.string().regex(TIME, { error: 'expected a time HH:MM' }),
    /** When it ends, `HH:MM`, after `opensAt`. */
    closesAt: z.string().regex(TIME, { error: 'expected a time HH:MM' }),
    /** Runs every this many weeks (default every week). */
    everyWeeks: z.int().min(2).max(52).optional(),
  })
  .refine((s) => s.closesAt > s.opensAt, { error: 'closesAt must be after opensAt', path: ['closesAt'] });
/**
 * One weekly session (see {@link SessionSchema}).
 *
 * @example
 * ```ts
 * import type { Session } from 'social-prescribing';
 * const s: Session = { day: 'FR', opensAt: '13:30', closesAt: '15:00', everyWeeks: 2 };
 * ```
 */
export interface Session extends z.infer<typeof SessionSchema> {}

/**
 * When an activity runs: its regular weekly sessions and, for anything
 * irregular ("term time only"), a description.
 *
 * @example
 * ```ts
 * import { ScheduleSchema } from 'social-prescribing';
 * ScheduleSchema.parse({ sessions: [{ day: 'MO', opensAt: '09:30', closesAt: '11:30' }] });
 * ```
 */
export const ScheduleSchema = z.strictObject({
  /** The regular weekly sessions. */
  sessions: z.array(SessionSchema).max(50),
  /** Anything the sessions cannot say (e.g. "term time only"). */
  description: z.string().min(1).max(2000).optional(),
});
/**
 * When an activity runs (see {@link ScheduleSchema}).
 *
 * @example
 * ```ts
 * import type { Schedule } from 'social-prescribing';
 * const s: Schedule = { sessions: [], description: 'By appointment' };
 * ```
 */
export interface Schedule extends z.infer<typeof ScheduleSchema> {}

/**
 * What an activity costs the person taking part; `amountPence: 0` is free.
 *
 * @example
 * ```ts
 * import { CostSchema } from 'social-prescribing';
 * CostSchema.parse({ amountPence: 300, unit: 'session' });
 * ```
 */
export const CostSchema = z.strictObject({
  /** The price in integer pence; 0 for free. */
  amountPence: z.int().min(0).max(100_000_000),
  /** What the price is charged per. Absent: not recorded. */
  unit: (z.enum(COST_UNITS) as z.ZodType<CostUnit>).optional(),
  /** Conditions and concessions, e.g. "free for carers". */
  description: z.string().min(1).max(2000).optional(),
});
/**
 * What an activity costs the person (see {@link CostSchema}).
 *
 * @example
 * ```ts
 * import type { Cost } from 'social-prescribing';
 * const free: Cost = { amountPence: 0 };
 * ```
 */
export interface Cost extends z.infer<typeof CostSchema> {}

/**
 * How many people an activity can take and whether it is taking them now.
 *
 * @example
 * ```ts
 * import { CapacitySchema } from 'social-prescribing';
 * CapacitySchema.parse({ placesPerWeek: 12, availability: 'open' });
 * ```
 */
export const CapacitySchema = z.strictObject({
  /** How many people can take part each week. Absent: not recorded. */
  placesPerWeek: z.int().min(0).max(1_000_000).optional(),
  /** Whether it is taking new people now. Absent: not recorded. */
  availability: (z.enum(AVAILABILITIES) as z.ZodType<Availability>).optional(),
});
/**
 * How many people an activity can take (see {@link CapacitySchema}).
 *
 * @example
 * ```ts
 * import type { Capacity } from 'social-prescribing';
 * const c: Capacity = { placesPerWeek: 8, availability: 'waitlist' };
 * ```
 */
export interface Capacity extends z.infer<typeof CapacitySchema> {}

/**
 * One source of an activity's funding: a grant, a contract, core budget, or
 * fees and donations. `fromScheme` says the money comes from the social
 * prescribing scheme's own budget (as Rotherham's small grants come from its
 * contract); `reference` names the grant or contract (e.g. a grant award id).
 *
 * @example
 * ```ts
 * import { FundingArrangementSchema } from 'social-prescribing';
 * FundingArrangementSchema.parse({ mechanism: 'grant', fromScheme: true, competitive: true, reference: 'round-2024-07' });
 * ```
 */
export const FundingArrangementSchema = z.strictObject({
  /** How the money is given. */
  mechanism: z.enum(FUNDING_MECHANISMS) as z.ZodType<FundingMechanism>,
  /** Paid from the social prescribing scheme's own budget (e.g. a micro-commissioned grant). */
  fromScheme: z.boolean(),
  /** Awarded competitively (bids scored against published criteria). Absent: not recorded. */
  competitive: z.boolean().optional(),
  /** The grant or contract this funding comes from, e.g. an award id. */
  reference: IdSchema.optional(),
  /** The funder's name, e.g. "Rotherham CCG". */
  funder: z.string().min(1).max(300).optional(),
});
/**
 * One source of an activity's funding (see {@link FundingArrangementSchema}).
 *
 * @example
 * ```ts
 * import type { FundingArrangement } from 'social-prescribing';
 * const f: FundingArrangement = { mechanism: 'contract', fromScheme: false, funder: 'Rotherham MBC' };
 * ```
 */
export interface FundingArrangement extends z.infer<typeof FundingArrangementSchema> {}

/**
 * One activity or service on the menu: what link workers refer people out to.
 *
 * Optional fields that are absent are *not recorded* (unknown). In
 * particular `funding: []` records an unfunded activity, while no `funding`
 * field means nobody has recorded how it is funded; `areas: 'anywhere'`
 * records an activity not tied to an area, while no `areas` field means the
 * area is not recorded.
 *
 * @example
 * ```ts
 * import { ActivitySchema } from 'social-prescribing';
 *
 * ActivitySchema.parse({
 *   id: 'chair-yoga',
 *   name: 'Chair yoga',
 *   providerId: 'age-uk-rotherham',
 *   needDomains: ['physical_activity', 'loneliness_and_isolation'],
 *   activityType: 'new_sp_specific',
 *   funding: [{ mechanism: 'grant', fromScheme: true, competitive: true }],
 *   capacity: { placesPerWeek: 12, availability: 'open' },
 *   areas: ['E08000018'],
 *   status: 'active',
 *   lastCheckedOn: '2025-01-15',
 * });
 * ```
 */
export const ActivitySchema = z.strictObject({
  /** The activity's identifier, unique in the menu (an HSDS service id when imported). */
  id: IdSchema,
  /** The activity's public name. */
  name: z.string().min(1).max(300),
  /** A public description. */
  description: z.string().min(1).max(5000).optional(),
  /** The id of the provider that runs it; must be a provider in the same menu. */
  providerId: IdSchema,
  /** The need domains it serves (see `NEED_DOMAINS`; `x_...` codes extend them). */
  needDomains: z.array(NeedDomainSchema).max(30).refine(unique, { error: 'must not list a need domain twice' }),
  /** Tags describing what it involves, matched against interests (omit rather than give an empty list). */
  tags: z.array(TagSchema).min(1).max(50).refine(unique, { error: 'must not list a tag twice' }).optional(),
  /** Table 1's prescribed-activity type. Absent: not recorded. */
  activityType: (z.enum(ACTIVITY_TYPES) as z.ZodType<ActivityType>).optional(),
  /** How it is funded; `[]` is unfunded. Absent: not recorded. */
  funding: z.array(FundingArrangementSchema).max(20).optional(),
  /** How many it can take and whether it is taking people now. Absent: not recorded. */
  capacity: CapacitySchema.optional(),
  /** When it runs. Absent: not recorded. */
  schedule: ScheduleSchema.optional(),
  /** The areas it serves, or `'anywhere'`. Absent: not recorded. */
  areas: AreasServedSchema.optional(),
  /** Who may take part, as an eligibility rule tree (the pathway module's rules, e.g. `{ test: 'age', min: 65 }`). Absent: open to anyone. */
  eligibility: EligibilityRuleSchema.optional(),
  /** What it costs the person. Absent: not recorded. */
  cost: CostSchema.optional(),
  /** Whether it is running. */
  status: z.enum(ACTIVITY_STATUSES) as z.ZodType<ActivityStatus>,
  /** The date the entry was last checked with the provider (HSDS `assured_date`). Absent: never checked. */
  lastCheckedOn: IsoDateSchema.optional(),
});
/**
 * One activity on the menu (see {@link ActivitySchema}).
 *
 * @example
 * ```ts
 * import type { Activity } from 'social-prescribing';
 * const a: Activity = { id: 'choir', name: 'Community choir', providerId: 'arts-co', needDomains: ['arts_and_creativity'], status: 'active' };
 * ```
 */
export interface Activity extends z.infer<typeof ActivitySchema> {}

/**
 * The version of the menu format this release reads.
 *
 * @example
 * ```ts
 * import { MENU_VERSION } from 'social-prescribing';
 * MENU_VERSION; // 1
 * ```
 */
export const MENU_VERSION = 1 as const;

/** @internal The most providers a menu may hold. */
export const MAX_PROVIDERS = 100_000;
/** @internal The most activities a menu may hold. */
export const MAX_ACTIVITIES = 500_000;

/**
 * The shape of a menu: its providers and activities. References between them
 * (every activity's provider exists; ids are unique) are checked by
 * `parseMenu`, which reports every broken one at once; use `parseMenu`
 * rather than this schema alone.
 *
 * @example
 * ```ts
 * import { MenuSchema } from 'social-prescribing';
 * MenuSchema.safeParse({ menuVersion: 1, providers: [], activities: [] }).success; // true
 * ```
 */
export const MenuSchema = z.strictObject({
  /** The version of the menu format; always `1` for this release. */
  menuVersion: z.literal(MENU_VERSION),
  /** An identifier for the menu (e.g. the scheme's id). */
  id: IdSchema.optional(),
  /** The organisations that run the activities. */
  providers: z.array(ProviderSchema).max(MAX_PROVIDERS),
  /** The activities and services. */
  activities: z.array(ActivitySchema).max(MAX_ACTIVITIES),
});
/**
 * A menu of activities and the providers that run them (see {@link MenuSchema}).
 *
 * @example
 * ```ts
 * import type { Menu } from 'social-prescribing';
 * const empty: Menu = { menuVersion: 1, providers: [], activities: [] };
 * ```
 */
export interface Menu extends z.infer<typeof MenuSchema> {}
