import * as z from 'zod';
import { enumFactSchema, FactSchema, IdSchema, QuantityFactSchema, UNKNOWN } from '../shared/schemas';
import { COMMISSIONING_MODELS, COVERAGE_SCALES, REFERRAL_SETTINGS } from '../shared/vocabulary';

/**
 * Who links the person to support, in Kimberlee's (2015) continuum, from the
 * least to the most intensive.
 *
 * @example
 * ```ts
 * import { LINKERS } from 'social-prescribing';
 * LINKERS.at(-1); // 'dedicated_link_worker'
 * ```
 */
export const LINKERS = [
  'existing_staff_signpost',
  'practitioner_refers_to_programme',
  'practitioner_identifies_needs',
  'dedicated_link_worker',
] as const;

/**
 * How broad the needs a scheme addresses are, in Kimberlee's continuum.
 *
 * @example
 * ```ts
 * import { NEEDS_BREADTHS } from 'social-prescribing';
 * NEEDS_BREADTHS[1]; // 'one_defined_need'
 * ```
 */
export const NEEDS_BREADTHS = ['whatever_is_raised', 'one_defined_need', 'several_areas', 'all_social_emotional_practical'] as const;

/**
 * How intensive and long contact with a person is, in Kimberlee's continuum.
 *
 * @example
 * ```ts
 * import { CONTACT_INTENSITIES } from 'social-prescribing';
 * CONTACT_INTENSITIES.at(-1); // 'open_ended'
 * ```
 */
export const CONTACT_INTENSITIES = ['one_off', 'fixed_time_frame', 'short_time_limited', 'open_ended'] as const;

/**
 * How a scheme is evaluated (Dayson 2017, Table 3 row 5), weakest first.
 *
 * @example
 * ```ts
 * import { EVALUATION_KINDS } from 'social-prescribing';
 * EVALUATION_KINDS; // ['none', 'local', 'embedded_longitudinal']
 * ```
 */
export const EVALUATION_KINDS = ['none', 'local', 'embedded_longitudinal'] as const;

/**
 * The version of the scheme profile format this release reads.
 *
 * @example
 * ```ts
 * import { SCHEME_PROFILE_VERSION } from 'social-prescribing';
 * SCHEME_PROFILE_VERSION; // 1
 * ```
 */
export const SCHEME_PROFILE_VERSION = 1 as const;

/**
 * One referral pathway into the scheme, as far as the classifier needs it.
 * The `label` is free text for the coder and is never repeated in errors or
 * explanations.
 *
 * @example
 * ```ts
 * import { SchemePathwaySchema } from 'social-prescribing';
 * SchemePathwaySchema.parse({ id: 'ltc', setting: 'gp_practice', clearlyDelineated: true });
 * ```
 */
export const SchemePathwaySchema = z.strictObject({
  /** The pathway's identifier within the scheme. */
  id: IdSchema,
  /** A description for the coder. Never repeated in errors or explanations. */
  label: z.string().max(500).optional(),
  /** The setting the pathway takes referrals from. */
  setting: enumFactSchema(REFERRAL_SETTINGS),
  /** The pathway is clearly delineated: defined eligibility and a defined referral process. */
  clearlyDelineated: FactSchema,
});
/**
 * One referral pathway into a scheme.
 *
 * @example
 * ```ts
 * import type { SchemePathway } from 'social-prescribing';
 * const p: SchemePathway = { id: 'mh', setting: 'statutory_mental_health', clearlyDelineated: 'unknown' };
 * ```
 */
export interface SchemePathway extends z.infer<typeof SchemePathwaySchema> {}

/** The profile's sections without `evidence` (the evidence keys are read off it). */
function hasRepeatedId(pathways: readonly { readonly id: string }[]): boolean {
  for (let i = 1; i < pathways.length; i++) for (let j = 0; j < i; j++) if (pathways[i]!.id === pathways[j]!.id) return true;
  return false;
}

/** Issue 16: a pathway listed twice was counted twice and could raise the highest possible tier. */
function refuseDuplicateIds(pathways: readonly { readonly id: string }[], ctx: z.core.$RefinementCtx<readonly { readonly id: string }[]>): void {
  // A short list (the usual one) is compared pair by pair, with nothing allocated.
  if (pathways.length <= 8 && !hasRepeatedId(pathways)) return;
  const first = new Map<string, number>();
  pathways.forEach((p, i) => {
    const earlier = first.get(p.id);
    if (earlier === undefined) first.set(p.id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `repeats the id of pathways[${earlier}]`, params: { issueCode: 'duplicate_id' } });
  });
}

const ProfileWithoutEvidenceSchema = z.strictObject({
  /** The version of the profile format; always `1` for this release. */
  profileVersion: z.literal(SCHEME_PROFILE_VERSION),
  /** The scheme's identifier; shown in results and explanations. */
  id: IdSchema,
  /** The scheme's public name; shown in explanations. */
  name: z.string().min(1).max(300),
  /** Free-text notes for the coder (sources, caveats). Never repeated in errors or explanations. */
  notes: z.string().max(20_000).optional(),
  /** Funding and resources (Table 1 row 1) and the funding facts behind 'plus'. */
  funding: z.strictObject({
    /** Where the money comes from (Table 1 row 1). */
    sources: z.strictObject({
      /** Mainstream health and social care budgets, e.g. the Better Care Fund. */
      mainstream_health_social_care: FactSchema,
      /** Other non-recurrent public funds, e.g. the Transformation Challenge Award. */
      other_non_recurrent_public: FactSchema,
      /** Independent and charitable funds. */
      independent_charitable: FactSchema,
      /** Social investment, including social impact bonds. */
      social_investment: FactSchema,
    }),
    /** The referral process (link workers) is funded: a necessary condition of 'plus'. */
    referralProcessFunded: FactSchema,
    /** The activities people are referred to are funded to meet demand: a necessary condition of 'plus'. */
    activitiesFunded: FactSchema,
    /** Years of funding currently committed. */
    committedYears: QuantityFactSchema,
    /** The long-term funding followed a pilot judged successful. */
    followedSuccessfulPilot: FactSchema,
    /** Funded across more than one service area (e.g. long-term conditions and mental health). */
    multipleServiceAreas: FactSchema,
    /** Commissioners treat social prescribing as part of their strategy for mainstream budgets. */
    partOfCommissioningStrategy: FactSchema,
  }),
  /** Commissioning and delivery model (Table 1 row 2). */
  commissioning: z.strictObject({
    /** Lead provider, consortium, or other. */
    model: enumFactSchema(COMMISSIONING_MODELS),
    /** Who handles the referral process. */
    advisers: z.strictObject({
      /** Paid advisers / link workers. */
      paid: FactSchema,
      /** Volunteers. */
      volunteer: FactSchema,
    }),
  }),
  /** How service users are targeted and identified (Table 1 row 3). */
  targeting: z.strictObject({
    /** A risk-stratification tool identifies people. */
    risk_stratification: FactSchema,
    /** A needs assessment identifies people. */
    needs_assessment: FactSchema,
    /** Clinicians use their discretion. */
    clinical_discretion: FactSchema,
  }),
  /** Geographic coverage (Table 1 row 4; 'plus' feature 1). */
  coverage: z.strictObject({
    /** The scale of the area covered. */
    scale: enumFactSchema(COVERAGE_SCALES),
  }),
  /** Where referrals come from (Table 1 row 5). */
  referralSources: z.strictObject({
    /** Primary care: GP practices. */
    gp_practice: FactSchema,
    /** Primary care: mental health services. */
    mental_health_services: FactSchema,
    /** Primary care: pharmacy. */
    pharmacy: FactSchema,
    /** Secondary care. */
    secondary_care: FactSchema,
    /** Community referral. */
    community: FactSchema,
    /** Self-referral. */
    self_referral: FactSchema,
  }),
  /** The referral pathways into the scheme ('plus' feature 2), or `"unknown"`. */
  /** Each pathway's `id` is unique: a duplicate is refused (`duplicate_id` at its `id`), never counted twice. */
  pathways: z.union([z.array(SchemePathwaySchema).max(1000).superRefine(refuseDuplicateIds), z.literal(UNKNOWN)], {
    error: 'expected a list of pathways, or "unknown"',
  }),
  /** Prescribed activities (Table 1 row 6) and the menu facts behind 'plus' feature 3. */
  activities: z.strictObject({
    /** The kinds of activity people are referred out to. */
    types: z.strictObject({
      /** A menu of new services developed for social prescribing. */
      new_sp_specific: FactSchema,
      /** Commissioned voluntary/community services. */
      commissioned_vcs: FactSchema,
      /** Non-statutory voluntary/community services. */
      non_statutory_vcs: FactSchema,
      /** Statutory services. */
      statutory: FactSchema,
    }),
    /** How many services are on the menu (descriptive). */
    menuSize: QuantityFactSchema,
    /** Service users are supported to set up their own self-sustaining groups. */
    userLedGroupSupport: FactSchema,
    /** Activities are funded by small grants awarded competitively ("micro-commissioning"). */
    microCommissioned: FactSchema,
    /** Providers get capacity-building support. */
    capacityBuildingSupport: FactSchema,
  }),
  /** How people are linked to support: Kimberlee's continuum. */
  linking: z.strictObject({
    /** Who links the person. */
    whoLinks: enumFactSchema(LINKERS),
    /** How broad the needs addressed are. */
    needsBreadth: enumFactSchema(NEEDS_BREADTHS),
    /** How long and intensive contact is. */
    contact: enumFactSchema(CONTACT_INTENSITIES),
    /** A personal plan is co-produced from a "what matters" conversation. */
    personalisedPlan: FactSchema,
  }),
  /** Morgan's asset-based criteria (Table 3). */
  assetBased: z.strictObject({
    /** Improving well-being is at the core of the model (row 1). */
    wellbeingAtCore: FactSchema,
    /** Users and providers are involved in designing and reviewing the service (row 2). */
    coProduction: FactSchema,
    /** Commissioners have mapped needs against provision (row 3). */
    needsMappedAgainstProvision: FactSchema,
    /** Gaps in provision are resourced (row 3). */
    gapsResourced: FactSchema,
    /** The scheme is embedded in case management or multi-disciplinary teams (row 4). */
    caseManagementOrMdt: FactSchema,
    /** Advisers work formally with statutory professionals to identify, plan and review (row 4). */
    jointWorkingWithStatutoryProfessionals: FactSchema,
    /** How the scheme is evaluated (row 5). */
    evaluation: enumFactSchema(EVALUATION_KINDS),
  }),
  /** The stages of collaborative innovation (Table 4). */
  innovation: z.strictObject({
    /** Stage 1: problems understood together (row 1). */
    problemsUnderstoodTogether: FactSchema,
    /** Stage 2: ideas developed and tested with stakeholders (row 2). */
    ideasDevelopedAndTestedTogether: FactSchema,
    /** Stage 3: implemented on a test-and-learn basis (row 3). */
    testAndLearnImplementation: FactSchema,
    /** Stage 4: the approach was diffused (row 4). */
    diffused: FactSchema,
  }),
});

/** The dotted paths of every fact of a profile (and `pathways`), read off the schema itself. */
function factKeys(shape: Readonly<Record<string, z.core.$ZodType>>, prefix: string): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    if (prefix === '' && ['profileVersion', 'id', 'name', 'notes'].includes(key)) return [];
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
    return def.type === 'object' && def.shape !== undefined ? factKeys(def.shape, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

/**
 * The fact paths evidence may be recorded for: every fact of the profile, and
 * `pathways`.
 *
 * @example
 * ```ts
 * import { EVIDENCE_KEYS } from 'social-prescribing';
 * EVIDENCE_KEYS.includes('linking.contact'); // true
 * ```
 */
export const EVIDENCE_KEYS = factKeys(ProfileWithoutEvidenceSchema.shape, '') as [string, ...string[]];

/**
 * The evidence a coder relied on for one fact. It is the coder's own text:
 * it never changes a classification, is shown only where the coder asks for
 * it (explanations, the long CSV, the report) and never in error messages.
 *
 * @example
 * ```ts
 * import { EvidenceSchema } from 'social-prescribing';
 *
 * EvidenceSchema.parse({ source: 'Annual report 2016/17', locator: 'p. 12', coder: 'AB' });
 * ```
 */
export const EvidenceSchema = z.strictObject({
  /** The document relied on: a title or a URL. */
  source: z.string().min(1).max(2000),
  /** Where in it: a page, section or paragraph. */
  locator: z.string().max(300).optional(),
  /** A short note on how the fact was read. */
  note: z.string().max(2000).optional(),
  /** Who coded the fact (initials or a coder id). */
  coder: z.string().max(200).optional(),
});

/**
 * Evidence for one fact (see {@link EvidenceSchema}).
 *
 * @example
 * ```ts
 * import type { Evidence } from 'social-prescribing';
 * const e: Evidence = { source: 'https://example.org/annual-report.pdf', locator: 'p. 4' };
 * ```
 */
export interface Evidence extends z.infer<typeof EvidenceSchema> {}

/**
 * The scheme profile: every fact the classifier reads about one local social
 * prescribing scheme. Every fact is required and every fact may be
 * `'unknown'`; unknown is never read as false.
 *
 * Sections follow the paper: `funding`, `commissioning`, `targeting`,
 * `coverage`, `referralSources` and `activities.types` are Table 1's
 * dimensions; `linking` places the scheme on Kimberlee's continuum;
 * `pathways`, `activities` and the rest of `funding` hold the facts behind the
 * four 'plus' features; `assetBased` is Table 3 and `innovation` Table 4.
 * `evidence` optionally records, for any fact, the document a coder relied on.
 * The JSON Schema is in `docs/schema/scheme-profile.schema.json`.
 *
 * @example
 * ```ts
 * import { SchemeProfileSchema } from 'social-prescribing';
 *
 * const parsed = SchemeProfileSchema.safeParse({ id: 'x' });
 * parsed.success; // false: every other section is missing
 * ```
 */
export const SchemeProfileSchema = ProfileWithoutEvidenceSchema.extend({
  /**
   * The evidence for each fact, keyed by the fact's dotted path
   * (`linking.contact`, `pathways`). Optional; it never changes the
   * classification.
   */
  evidence: z.partialRecord(z.enum(EVIDENCE_KEYS), EvidenceSchema).optional(),
});

/**
 * A validated scheme profile (see {@link SchemeProfileSchema}).
 *
 * @example
 * ```ts
 * import { createUnknownProfile, type SchemeProfile } from 'social-prescribing';
 *
 * const p: SchemeProfile = createUnknownProfile({ id: 'my-scheme', name: 'My scheme' })._unsafeUnwrap();
 * ```
 */
export interface SchemeProfile extends z.infer<typeof SchemeProfileSchema> {}
