import * as z from 'zod';
import { ActivitySchema, AreasServedSchema, CapacitySchema, ProviderSchema } from '../menu/index';
import { AreaCodeSchema } from '../shared/areas';
import { IdSchema, IsoDateSchema, NeedDomainSchema } from '../shared/schemas';
import { PenceSchema } from '../shared/money';
import { IsoDateTimeSchema } from '../shared/time';
import { PROVIDER_TYPES, TURNOVER_BANDS, type ProviderType, type TurnoverBand } from '../shared/vocabulary';


/**
 * A whole-number percentage, 0 to 100.
 *
 * @example
 * ```ts
 * import { PercentSchema } from 'social-prescribing';
 * PercentSchema.safeParse(50).success; // true
 * PercentSchema.safeParse(12.5).success; // false
 * ```
 */
export const PercentSchema = z.number().int().min(0).max(100);

/**
 * The service areas a contract that funds grants can cover. Rotherham's lead
 * body held two contracts, one for long-term conditions and one for mental
 * health (Dayson 2017, Table 2 row 4).
 *
 * @example
 * ```ts
 * import { SERVICE_AREAS } from 'social-prescribing';
 * SERVICE_AREAS.includes('mental_health'); // true
 * ```
 */
export const SERVICE_AREAS = [
  'long_term_conditions',
  'mental_health',
  'older_people',
  'children_and_young_people',
  'carers',
  'general_wellbeing',
  'other',
] as const;
/**
 * One of {@link SERVICE_AREAS}.
 *
 * @example
 * ```ts
 * import type { ServiceArea } from 'social-prescribing';
 * const a: ServiceArea = 'long_term_conditions';
 * ```
 */
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/**
 * The states of a grant round, in the order a round normally passes through them.
 *
 * @example
 * ```ts
 * import { ROUND_STATES } from 'social-prescribing';
 * ROUND_STATES[0]; // 'draft'
 * ROUND_STATES.at(-1); // 'reported'
 * ```
 */
export const ROUND_STATES = ['draft', 'open', 'closed', 'assessing', 'moderating', 'decided', 'awarded', 'reported'] as const;
/**
 * One of {@link ROUND_STATES}.
 *
 * @example
 * ```ts
 * import type { RoundState } from 'social-prescribing';
 * const s: RoundState = 'assessing';
 * ```
 */
export type RoundState = (typeof ROUND_STATES)[number];

/**
 * The events that move a round between states (see `ROUND_TRANSITIONS`).
 *
 * @example
 * ```ts
 * import { ROUND_EVENTS } from 'social-prescribing';
 * ROUND_EVENTS.includes('start_moderation'); // true
 * ```
 */
export const ROUND_EVENTS = [
  'open',
  'close',
  'start_assessment',
  'start_moderation',
  'return_to_assessment',
  'decide',
  'award',
  'report',
] as const;
/**
 * One of {@link ROUND_EVENTS}.
 *
 * @example
 * ```ts
 * import type { RoundEvent } from 'social-prescribing';
 * const e: RoundEvent = 'decide';
 * ```
 */
export type RoundEvent = (typeof ROUND_EVENTS)[number];

const roundStateSchema = z.enum(ROUND_STATES) as z.ZodType<RoundState>;
const roundEventSchema = z.enum(ROUND_EVENTS) as z.ZodType<RoundEvent>;
const serviceAreaSchema = z.enum(SERVICE_AREAS) as z.ZodType<ServiceArea>;
const providerTypeSchema = z.enum(PROVIDER_TYPES) as z.ZodType<ProviderType>;
const turnoverBandSchema = z.enum(TURNOVER_BANDS) as z.ZodType<TurnoverBand>;

/**
 * One dated, attributed change of a round's state. `at` is when it happened,
 * an ISO date-time with offset (`transitionRound` writes it in UTC).
 *
 * @example
 * ```ts
 * import { RoundHistoryEntrySchema } from 'social-prescribing';
 * RoundHistoryEntrySchema.parse({ event: 'open', from: 'draft', to: 'open', at: '2025-04-01T09:00:00.000Z', by: 'officer-1' });
 * ```
 */
export const RoundHistoryEntrySchema = z.strictObject({
  /** The event that caused the change. */
  event: roundEventSchema,
  /** The state before. */
  from: roundStateSchema,
  /** The state after. */
  to: roundStateSchema,
  /** When the change happened: an ISO date-time with offset. */
  at: IsoDateTimeSchema,
  /** The id of the person or body who made the change. */
  by: IdSchema,
  /** A note for the record. Never repeated in errors or explanations. */
  note: z.string().max(2000).optional(),
});
/**
 * One dated, attributed change of a round's state.
 *
 * @example
 * ```ts
 * import type { RoundHistoryEntry } from 'social-prescribing';
 * const e: RoundHistoryEntry = { event: 'close', from: 'open', to: 'closed', at: '2025-05-01T00:00:00.000Z', by: 'officer-1' };
 * ```
 */
export interface RoundHistoryEntry extends z.infer<typeof RoundHistoryEntrySchema> {}

/**
 * One published scoring criterion and its weight.
 *
 * @example
 * ```ts
 * import { CriterionSchema } from 'social-prescribing';
 * CriterionSchema.parse({ id: 'need', title: 'Meets an identified need', weight: 40 });
 * ```
 */
export const CriterionSchema = z.strictObject({
  /** The criterion's id; score sheets name criteria by it. */
  id: IdSchema,
  /** The published title (public text written by the commissioner). */
  title: z.string().min(1).max(300),
  /** The weight: a whole number from 1 to 1,000. An assessor's weighted total is the sum of weight x score. */
  weight: z.number().int().min(1).max(1000),
});
/**
 * One published scoring criterion.
 *
 * @example
 * ```ts
 * import type { Criterion } from 'social-prescribing';
 * const c: Criterion = { id: 'value', title: 'Value for money', weight: 20 };
 * ```
 */
export interface Criterion extends z.infer<typeof CriterionSchema> {}

/**
 * One member of the assessment panel.
 *
 * @example
 * ```ts
 * import { PanelMemberSchema } from 'social-prescribing';
 * PanelMemberSchema.parse({ id: 'a1', weight: 1 });
 * ```
 */
export const PanelMemberSchema = z.strictObject({
  /** The assessor's id; score sheets and conflict declarations name assessors by it. */
  id: IdSchema,
  /** The assessor's name, for the round's own records. Never repeated in errors or explanations. */
  name: z.string().max(300).optional(),
  /** The assessor's weight in the bid's mean score, a whole number from 1 to 100 (default 1: a plain mean). */
  weight: z.number().int().min(1).max(100).default(1),
});
/**
 * One member of the assessment panel.
 *
 * @example
 * ```ts
 * import type { PanelMember } from 'social-prescribing';
 * const m: PanelMember = { id: 'lived-experience-rep', weight: 1 };
 * ```
 */
export interface PanelMember extends z.infer<typeof PanelMemberSchema> {}

/**
 * A declared conflict of interest: the assessor never scores any bid from the provider.
 *
 * @example
 * ```ts
 * import { ConflictOfInterestSchema } from 'social-prescribing';
 * ConflictOfInterestSchema.parse({ assessorId: 'a2', providerId: 'p7', declaredOn: '2025-05-02' });
 * ```
 */
export const ConflictOfInterestSchema = z.strictObject({
  /** The assessor who declared the conflict. */
  assessorId: IdSchema,
  /** The provider (bidder) the conflict is with. */
  providerId: IdSchema,
  /** When it was declared. */
  declaredOn: IsoDateSchema,
  /** The nature of the conflict, for the register. Never repeated in errors or explanations. */
  note: z.string().max(2000).optional(),
});
/**
 * A declared conflict of interest.
 *
 * @example
 * ```ts
 * import type { ConflictOfInterest } from 'social-prescribing';
 * const c: ConflictOfInterest = { assessorId: 'a2', providerId: 'p7', declaredOn: '2025-05-02' };
 * ```
 */
export interface ConflictOfInterest extends z.infer<typeof ConflictOfInterestSchema> {}

/**
 * A ring-fence: at least `minimumPercent` of the budget is reserved for bids
 * serving `needDomain`. Money outside the ring-fence can never use the
 * reserve; reserve that bids serving the domain do not use stays unspent.
 *
 * @example
 * ```ts
 * import { RingFenceSchema } from 'social-prescribing';
 * RingFenceSchema.parse({ id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 50 });
 * ```
 */
export const RingFenceSchema = z.strictObject({
  /** The ring-fence's id. */
  id: IdSchema,
  /** The need domain a bid must serve to draw on the reserve. */
  needDomain: NeedDomainSchema,
  /** The share of the budget reserved, a whole percentage from 1 to 100 (rounded up to the penny). */
  minimumPercent: z.number().int().min(1).max(100),
});
/**
 * A ring-fence (see {@link RingFenceSchema}).
 *
 * @example
 * ```ts
 * import type { RingFence } from 'social-prescribing';
 * const r: RingFence = { id: 'mh', needDomain: 'mental_wellbeing', minimumPercent: 50 };
 * ```
 */
export interface RingFence extends z.infer<typeof RingFenceSchema> {}

/**
 * How `decideAwards` with `method: 'equal_shares'` completes the Method of
 * Equal Shares when the rule alone leaves money unspent:
 *
 * - `add1_then_greedy` (the default): Add1 as on equalshares.net (raise every
 *   voter's share one step at a time from the share rounded down to a whole
 *   step, stopping when the outcome is exhaustive or the next step would
 *   overspend), then fund greedily, by support, the bids that still fit.
 * - `add1`: Pabulib's `equalshares/add1`, as its checker computes it: raise the
 *   share one step at a time until the next step would overspend (no
 *   exhaustiveness stop) and fund nothing more. `parsePabulib` sets it for a
 *   file whose `rule` is `equalshares/add1`.
 * - `none`: the rule alone, every voter holding budget / voters (Pabulib's
 *   `equalshares`).
 *
 * @example
 * ```ts
 * import { EQUAL_SHARES_COMPLETIONS } from 'social-prescribing';
 * EQUAL_SHARES_COMPLETIONS; // ['add1_then_greedy', 'add1', 'none']
 * ```
 */
export const EQUAL_SHARES_COMPLETIONS = ['add1_then_greedy', 'add1', 'none'] as const;
/**
 * One of {@link EQUAL_SHARES_COMPLETIONS}.
 *
 * @example
 * ```ts
 * import type { EqualSharesCompletion } from 'social-prescribing';
 * const c: EqualSharesCompletion = 'add1';
 * ```
 */
export type EqualSharesCompletion = (typeof EQUAL_SHARES_COMPLETIONS)[number];

/**
 * A grant round: the budget, the window, the priorities, who may bid, the
 * grant limits, ring-fences and caps, the published criteria, the panel and
 * its conflict register, and the round's dated, attributed history.
 * `parseGrantRound` also checks what a schema cannot (ids unique, references
 * resolve, ring-fences fit the budget, the history follows `ROUND_TRANSITIONS`).
 *
 * @example
 * ```ts
 * import { GrantRoundSchema } from 'social-prescribing';
 * GrantRoundSchema.safeParse({ id: 'r1' }).success; // false: most fields are missing
 * ```
 */
export const GrantRoundSchema = z.strictObject({
  /** The round's id. */
  id: IdSchema,
  /** The round's public name. */
  name: z.string().min(1).max(300),
  /** The contract whose grant provision the round draws on. */
  contract: z.strictObject({
    /** The contract's id. */
    id: IdSchema,
    /** The service area the contract covers. */
    serviceArea: serviceAreaSchema,
  }),
  /** The total that may be awarded, in pence. */
  budget: PenceSchema,
  /** The application window: bids submitted from `opens` to `closes` inclusive are in time. */
  window: z.strictObject({
    /** The first day bids are accepted. */
    opens: IsoDateSchema,
    /** The last day bids are accepted. */
    closes: IsoDateSchema,
  }),
  /** The round's priorities, typically gaps found by mapping needs against the menu. */
  priorities: z.strictObject({
    /** Need domains the round wants to fund. */
    needDomains: z.array(NeedDomainSchema).max(100),
    /** Areas the round wants to fund (area codes as used by the menu). */
    areas: z.array(AreaCodeSchema).max(1000),
  }),
  /** Who may bid, and what a bid must show. */
  eligibility: z.strictObject({
    /** The kinds of provider that may bid. */
    providerTypes: z.array(providerTypeSchema).min(1),
    /** The highest annual turnover band allowed (inclusive); omit for no cap. */
    maxTurnoverBand: turnoverBandSchema.optional(),
    /** Area codes a bid must serve at least one of (a bid serving `'anywhere'` serves them all); empty means anywhere. */
    areas: z.array(AreaCodeSchema).max(1000),
    /** Whether user-led groups (including groups applying for the first time) may bid. */
    userLedGroupsAllowed: z.boolean(),
    /** Whether a bid must serve at least one of the round's priority need domains. */
    mustServePriority: z.boolean().default(false),
  }),
  /** The smallest and largest grant a bid may request, in pence. */
  grant: z.strictObject({
    /** The smallest grant. */
    minimum: PenceSchema,
    /** The largest grant. */
    maximum: PenceSchema,
  }),
  /** Match funding: whether bids must bring money of their own, and how much. */
  matchFunding: z.strictObject({
    /** Whether match funding is required. */
    required: z.boolean(),
    /** When required, the match funding a bid must show, as a percentage of the amount requested. */
    minimumPercent: PercentSchema.default(0),
  }),
  /** Shares of the budget reserved for bids serving a need domain; at most 100% in total. */
  ringFences: z.array(RingFenceSchema).max(8).default([]),
  /** Limits on what one provider can receive in the round; omit for none. */
  perProviderCap: z
    .strictObject({
      /** The most grants one provider can receive. */
      maxGrants: z.number().int().min(1).max(1000).optional(),
      /** The most money one provider can receive, in pence. */
      maxAmount: PenceSchema.optional(),
    })
    .optional(),
  /** Whether a bid that does not fit may be offered a reduced grant; omit for never. */
  partialFunding: z
    .strictObject({
      /** The smallest reduced grant, as a percentage of the amount requested. */
      minimumPercent: z.number().int().min(1).max(99),
      /** Reduced grants are rounded down to a multiple of this many pence (default 1; 100 gives whole pounds). */
      roundDownTo: z.number().int().min(1).max(10_000_000).default(1),
    })
    .optional(),
  /** How bids are scored. */
  scoring: z.strictObject({
    /** The published scale every criterion is scored on (whole numbers). */
    scale: z.strictObject({
      /** The lowest score. */
      min: z.number().int().min(0).max(100),
      /** The highest score. */
      max: z.number().int().min(1).max(100),
    }),
    /** The published criteria and their weights. */
    criteria: z.array(CriterionSchema).min(1).max(50),
    /** The lowest score, as a percentage of the highest possible, a bid needs to be funded; omit for none. */
    qualityThresholdPercent: PercentSchema.optional(),
    /** Bids whose assessors' weighted totals differ by more than this many percentage points of the highest possible total are flagged for moderation; omit for never. */
    moderationSpreadPercent: PercentSchema.optional(),
  }),
  /** Participatory budgeting only (`method: 'equal_shares'`): how the Method of Equal Shares is completed; omit for `add1_then_greedy`. */
  equalShares: z
    .strictObject({
      /** One of `EQUAL_SHARES_COMPLETIONS`. */
      completion: z.enum(EQUAL_SHARES_COMPLETIONS) as z.ZodType<EqualSharesCompletion>,
    })
    .optional(),
  /** The assessment panel. */
  panel: z.array(PanelMemberSchema).min(1).max(100),
  /** The register of declared conflicts of interest. */
  conflicts: z.array(ConflictOfInterestSchema).max(10_000).default([]),
  /** Whether grant holders get capacity-building support (e.g. from the umbrella body). */
  capacityBuildingSupport: z.boolean(),
  /** The round's current state. */
  state: roundStateSchema,
  /** Every change of state, oldest first. */
  history: z.array(RoundHistoryEntrySchema).max(1000).default([]),
});
/**
 * A validated grant round (see {@link GrantRoundSchema}).
 *
 * @example
 * ```ts
 * import type { GrantRound } from 'social-prescribing';
 * const state: GrantRound['state'] = 'open';
 * ```
 */
export interface GrantRound extends z.infer<typeof GrantRoundSchema> {}
/**
 * A grant round as written by hand or loaded from JSON, before defaults are
 * applied (the input of `parseGrantRound`).
 *
 * @example
 * ```ts
 * import type { GrantRoundInput } from 'social-prescribing';
 * const ringFences: GrantRoundInput['ringFences'] = undefined; // defaults to []
 * ```
 */
export interface GrantRoundInput extends z.input<typeof GrantRoundSchema> {}

/**
 * The applicant of a bid: a menu `Provider` whose type must be stated
 * (eligibility is decided by it). A user-led group applying for the first
 * time is a provider of type `user_led_group` with `newGroup: true` on the bid.
 *
 * @example
 * ```ts
 * import { BidProviderSchema } from 'social-prescribing';
 * BidProviderSchema.parse({ id: 'walkers', name: 'Rother Valley Walkers', type: 'user_led_group', turnoverBand: 'micro' });
 * ```
 */
export const BidProviderSchema = ProviderSchema.extend({
  /** What type of organisation it is (required in a bid). */
  type: providerTypeSchema,
});
/**
 * The applicant of a bid (see {@link BidProviderSchema}).
 *
 * @example
 * ```ts
 * import type { BidProvider } from 'social-prescribing';
 * const p: BidProvider = { id: 'arts-co', name: 'Arts Co', type: 'community_interest_company', turnoverBand: 'small' };
 * ```
 */
export interface BidProvider extends z.infer<typeof BidProviderSchema> {}

/**
 * The activity a bid would fund: a menu `Activity` that states the capacity
 * it offers (places per week), so a round can report the places it buys.
 *
 * @example
 * ```ts
 * import { BidActivitySchema } from 'social-prescribing';
 * BidActivitySchema.parse({
 *   id: 'chair-yoga', name: 'Chair yoga', providerId: 'age-uk', needDomains: ['physical_activity'],
 *   capacity: { placesPerWeek: 12 }, status: 'active',
 * });
 * ```
 */
export const BidActivitySchema = ActivitySchema.extend({
  /** The capacity the activity offers; `placesPerWeek` is required in a bid. */
  capacity: CapacitySchema.extend({
    /** How many people can take part each week. */
    placesPerWeek: z.int().min(0).max(1_000_000),
  }),
});
/**
 * The activity a bid would fund (see {@link BidActivitySchema}).
 *
 * @example
 * ```ts
 * import type { BidActivity } from 'social-prescribing';
 * const places = (a: BidActivity): number => a.capacity.placesPerWeek;
 * ```
 */
export interface BidActivity extends z.infer<typeof BidActivitySchema> {}

/**
 * A bid: who applies, how much they ask for, the activity it would fund (an
 * activity of the menu model, with the capacity it offers), the need domains
 * and areas it serves, and the match funding it brings.
 *
 * @example
 * ```ts
 * import { BidSchema } from 'social-prescribing';
 * BidSchema.safeParse({ id: 'b1' }).success; // false: most fields are missing
 * ```
 */
export const BidSchema = z.strictObject({
  /** The bid's id, unique within the round. */
  id: IdSchema,
  /** The round the bid is made to. */
  roundId: IdSchema,
  /** The organisation or group applying. */
  provider: BidProviderSchema,
  /** True when the applicant is a user-led group applying for the first time (its provider type must be `user_led_group`). */
  newGroup: z.boolean().default(false),
  /** The amount requested, in pence. */
  requested: PenceSchema,
  /** The activity the grant would fund; its provider must be the applicant. */
  activity: BidActivitySchema,
  /** The need domains the bid serves (ring-fences and priorities read these). */
  needDomains: z.array(NeedDomainSchema).min(1).max(50),
  /** The areas the bid serves (area codes as used by the menu), or `'anywhere'`. */
  areas: AreasServedSchema,
  /** Match funding the applicant has secured, in pence. */
  matchFundingPence: PenceSchema.default(0),
  /** The date the bid was submitted. */
  submittedOn: IsoDateSchema,
  /** The applicant's own summary. Never repeated in errors or explanations. */
  summary: z.string().max(20_000).optional(),
});
/**
 * A validated bid (see {@link BidSchema}).
 *
 * @example
 * ```ts
 * import type { Bid } from 'social-prescribing';
 * const requested: Bid['requested'] = 450_000; // £4,500.00
 * ```
 */
export interface Bid extends z.infer<typeof BidSchema> {}
/**
 * A bid before defaults are applied (the input of `parseBid`).
 *
 * @example
 * ```ts
 * import type { BidInput } from 'social-prescribing';
 * const matchFundingPence: BidInput['matchFundingPence'] = undefined; // defaults to 0
 * ```
 */
export interface BidInput extends z.input<typeof BidSchema> {}

/**
 * Whether a score sheet is an assessor's own assessment or the agreed result of moderation.
 *
 * @example
 * ```ts
 * import { SCORE_SHEET_CATEGORIES } from 'social-prescribing';
 * SCORE_SHEET_CATEGORIES; // ['assessment', 'moderated']
 * ```
 */
export const SCORE_SHEET_CATEGORIES = ['assessment', 'moderated'] as const;
/**
 * One of {@link SCORE_SHEET_CATEGORIES}.
 *
 * @example
 * ```ts
 * import type { ScoreSheetCategory } from 'social-prescribing';
 * const k: ScoreSheetCategory = 'moderated';
 * ```
 */
export type ScoreSheetCategory = (typeof SCORE_SHEET_CATEGORIES)[number];

/**
 * One assessor's scores for one bid, one whole number per published
 * criterion. A `moderated` sheet records the score agreed at moderation and,
 * when a bid has any, replaces the bid's assessment sheets.
 *
 * @example
 * ```ts
 * import { ScoreSheetSchema } from 'social-prescribing';
 * ScoreSheetSchema.parse({ bidId: 'b1', assessorId: 'a1', scores: { need: 4, value: 3 } });
 * ```
 */
export const ScoreSheetSchema = z.strictObject({
  /** The bid scored. */
  bidId: IdSchema,
  /** The assessor (a panel member) who scored it. */
  assessorId: IdSchema,
  /** One score per criterion id, on the round's scale. */
  scores: z.record(IdSchema, z.number().int()),
  /** `assessment` (default) or `moderated`. */
  category: (z.enum(SCORE_SHEET_CATEGORIES) as z.ZodType<ScoreSheetCategory>).default('assessment'),
  /** The assessor's comments. Never repeated in errors or explanations. */
  comments: z.string().max(20_000).optional(),
});
/**
 * One assessor's scores for one bid (see {@link ScoreSheetSchema}).
 *
 * @example
 * ```ts
 * import type { ScoreSheet } from 'social-prescribing';
 * const s: ScoreSheet = { bidId: 'b1', assessorId: 'a1', scores: { need: 4 }, category: 'assessment' };
 * ```
 */
export interface ScoreSheet extends z.infer<typeof ScoreSheetSchema> {}
/**
 * A score sheet before defaults are applied.
 *
 * @example
 * ```ts
 * import type { ScoreSheetInput } from 'social-prescribing';
 * const s: ScoreSheetInput = { bidId: 'b1', assessorId: 'a1', scores: { need: 4 } };
 * ```
 */
export interface ScoreSheetInput extends z.input<typeof ScoreSheetSchema> {}

/**
 * One resident's participatory-budgeting ballot, for `decideAwards` with
 * `method: 'equal_shares'`: either `approvals` (the bids she supports) or
 * `scores` (a whole-number score per bid she rates; her utility for a bid is
 * its score, 0 meaning no support). Voter ids are pseudonymous ids, never
 * repeated in messages.
 *
 * @example
 * ```ts
 * import { BallotSchema } from 'social-prescribing';
 * BallotSchema.parse({ voterId: 'v1', approvals: ['b1', 'b3'] });
 * BallotSchema.parse({ voterId: 'v2', scores: { b1: 3, b2: 1 } });
 * ```
 */
export const BallotSchema = z
  .strictObject({
    /** The voter's pseudonymous id, unique among the ballots. */
    voterId: IdSchema,
    /** The bids the voter approves (an approval ballot). */
    approvals: z.array(IdSchema).max(10_000).optional(),
    /** A whole-number score per bid (a score ballot); the voter's utility for the bid. */
    scores: z.record(IdSchema, z.number().int().min(0).max(1_000_000)).optional(),
  })
  .refine((b) => (b.approvals === undefined) !== (b.scores === undefined), {
    message: 'a ballot has either approvals or scores, not both and not neither',
    path: ['approvals'],
  });
/**
 * A validated ballot (see {@link BallotSchema}).
 *
 * @example
 * ```ts
 * import type { Ballot } from 'social-prescribing';
 * const b: Ballot = { voterId: 'v1', approvals: ['b1'] };
 * ```
 */
export interface Ballot extends z.infer<typeof BallotSchema> {}
