import type { Citation } from '../shared/vocabulary';
import {
  ACTIVITY_TYPES,
  COMMISSIONING_MODELS,
  COVERAGE_SCALES,
  FUNDING_SOURCES,
  REFERRAL_SOURCES,
  TARGETING_METHODS,
} from '../shared/vocabulary';
import { CONTACT_INTENSITIES, EVALUATION_KINDS, LINKERS, NEEDS_BREADTHS } from './schema';

/**
 * Describes one fact of the scheme profile: where it is, what values it
 * takes, whether those values are ordered from least to most favourable (as
 * the rubric reads them), what it means, and where in the paper it comes
 * from. The catalogue is what the CSV template, the documentation and the
 * interactive form are built from; a test keeps it equal to the schema.
 *
 * @example
 * ```ts
 * import { SCHEME_FACTS } from 'social-prescribing';
 *
 * const plan = SCHEME_FACTS.find((f) => f.key === 'linking.personalisedPlan');
 * plan?.type; // 'boolean'
 * ```
 */
export interface FactDescriptor {
  /** The dotted path of the fact in the profile, e.g. `funding.committedYears`. */
  readonly key: string;
  /** The same path as segments. */
  readonly path: readonly string[];
  /** `boolean`: true / false / unknown. `enum`: one of `values` or unknown. `quantity`: a number at least 0 or unknown. */
  readonly type: 'boolean' | 'enum' | 'quantity';
  /** For `enum` facts, the allowed values. */
  readonly values?: readonly string[];
  /** Whether `values` run from least to most favourable (so a higher index never lowers the tier). */
  readonly ordered?: boolean;
  /** For `enum` facts, each value in words, for forms and explanations (`values` are codes). */
  readonly valueLabels?: Readonly<Record<string, string>>;
  /** A short label for forms and tables. */
  readonly label: string;
  /** What the fact means and how to code it. */
  readonly help: string;
  /** Where the fact comes from in the paper. */
  readonly citation: Citation;
  /** The section of the paper's tables it belongs to, used to group facts in forms. */
  readonly group: FactGroup;
}

/**
 * The groups facts are shown in, following the paper's tables.
 *
 * @example
 * ```ts
 * import { FACT_GROUPS } from 'social-prescribing';
 * FACT_GROUPS[0].id; // 'table1'
 * ```
 */
export const FACT_GROUPS: readonly FactGroupDescriptor[] = [
  { id: 'table1', title: 'How the scheme is set up (Table 1)' },
  { id: 'kimberlee', title: 'How people are linked to support (Kimberlee continuum)' },
  { id: 'plus', title: "The 'plus' features and their funding (Dayson 2017; Table 2)" },
  { id: 'table3', title: 'Asset-based working (Table 3, Morgan 2014)' },
  { id: 'table4', title: 'Collaborative innovation (Table 4)' },
];

/**
 * One of {@link FACT_GROUPS}.
 *
 * @example
 * ```ts
 * import type { FactGroupDescriptor } from 'social-prescribing';
 * const g: FactGroupDescriptor = { id: 'plus', title: "The 'plus' features" };
 * ```
 */
export interface FactGroupDescriptor {
  /** The group's id. */
  readonly id: FactGroup;
  /** The group's heading. */
  readonly title: string;
}
/**
 * The id of one of {@link FACT_GROUPS}.
 *
 * @example
 * ```ts
 * import type { FactGroup } from 'social-prescribing';
 * const g: FactGroup = 'plus';
 * ```
 */
export type FactGroup = 'table1' | 'kimberlee' | 'plus' | 'table3' | 'table4';

const T1 = (row: number, section: string): Citation => ({ source: 'Dayson 2017', table: 1, row, section });
const FEATURES: Citation = { source: 'Dayson 2017', section: "What is social prescribing? (the four 'plus' features)" };
const KIMBERLEE: Citation = { source: 'Kimberlee 2015', section: 'cited in Dayson 2017, What is social prescribing?' };

function bool(key: string, label: string, help: string, citation: Citation, group: FactGroup): FactDescriptor {
  return { key, path: key.split('.'), type: 'boolean', label, help, citation, group };
}
function choice<const V extends string>(
  key: string,
  values: readonly V[],
  valueLabels: Readonly<Record<V, string>>,
  ordered: boolean,
  label: string,
  help: string,
  citation: Citation,
  group: FactGroup,
): FactDescriptor {
  return { key, path: key.split('.'), type: 'enum', values, ordered, valueLabels, label, help, citation, group };
}
function quantity(key: string, label: string, help: string, citation: Citation, group: FactGroup): FactDescriptor {
  return { key, path: key.split('.'), type: 'quantity', label, help, citation, group };
}

const FUNDING_LABELS: Record<(typeof FUNDING_SOURCES)[number], string> = {
  mainstream_health_social_care: 'Mainstream health and social care budgets (e.g. Better Care Fund)',
  other_non_recurrent_public: 'Other non-recurrent public funds (e.g. Transformation Challenge Award)',
  independent_charitable: 'Independent and charitable funds',
  social_investment: 'Social investment (incl. social impact bonds)',
};
const TARGETING_LABELS: Record<(typeof TARGETING_METHODS)[number], string> = {
  risk_stratification: 'Risk stratification',
  needs_assessment: 'Needs assessment',
  clinical_discretion: 'Clinical discretion',
};
const SOURCE_LABELS: Record<(typeof REFERRAL_SOURCES)[number], string> = {
  gp_practice: 'Primary care: GP practices',
  mental_health_services: 'Primary care: mental health services',
  pharmacy: 'Primary care: pharmacy',
  secondary_care: 'Secondary care',
  community: 'Community referral',
  self_referral: 'Self-referral',
};
const ACTIVITY_LABELS: Record<(typeof ACTIVITY_TYPES)[number], string> = {
  new_sp_specific: 'Menu of new social-prescribing-specific services',
  commissioned_vcs: 'Commissioned voluntary/community services',
  non_statutory_vcs: 'Non-statutory voluntary/community services',
  statutory: 'Statutory services',
};

/**
 * The catalogue of every fact in the scheme profile (except the free-text
 * `id`, `name`, `notes` and the `pathways` list, which is structured). Built
 * from the same constants as {@link SchemeProfileSchema}.
 *
 * @example
 * ```ts
 * import { SCHEME_FACTS } from 'social-prescribing';
 *
 * for (const fact of SCHEME_FACTS.filter((f) => f.group === 'plus')) {
 *   console.log(fact.key, fact.label);
 * }
 * ```
 */
export const SCHEME_FACTS: readonly FactDescriptor[] = [
  ...FUNDING_SOURCES.map((s) =>
    bool(`funding.sources.${s}`, `Funded by: ${FUNDING_LABELS[s]}`, `Does any of the scheme's funding come from: ${FUNDING_LABELS[s]}?`, T1(1, 'Funding and resources'), 'table1'),
  ),
  choice('commissioning.model', COMMISSIONING_MODELS, {
    lead_provider: 'A lead provider or single point of contact',
    consortium_needs_led: 'A consortium whose members lead on types of need',
    consortium_area_specific: 'A consortium whose members lead on areas',
    other: 'Another arrangement (e.g. bottom-up, not commissioned)',
  }, false, 'Commissioning model', 'lead_provider: a lead provider or single point of contact (usually a local voluntary organisation) manages the advisers and referrals; consortium_needs_led / consortium_area_specific: a consortium whose members lead on types of need or on areas; other: anything else, e.g. a bottom-up scheme with no commissioning arrangement.', T1(2, 'Commissioning and delivery model'), 'table1'),
  bool('commissioning.advisers.paid', 'Advisers are paid staff', 'Is the referral process handled by paid advisers / link workers?', T1(2, 'Commissioning and delivery model'), 'table1'),
  bool('commissioning.advisers.volunteer', 'Advisers are volunteers', 'Is the referral process handled or supported by volunteers?', T1(2, 'Commissioning and delivery model'), 'table1'),
  ...TARGETING_METHODS.map((t) =>
    bool(`targeting.${t}`, `Targets users by: ${TARGETING_LABELS[t]}`, `Are service users identified by ${TARGETING_LABELS[t].toLowerCase()}?`, T1(3, 'Targeting and identifying service users'), 'table1'),
  ),
  choice('coverage.scale', COVERAGE_SCALES, {
    single_practice: 'A single GP practice',
    group_of_practices: 'A group of GP practices (today a PCN)',
    community_or_neighbourhood: 'A community or neighbourhood',
    local_authority_or_ccg: 'A whole local authority or CCG area (today an ICB place)',
  }, true, 'Geographic coverage', "The area the service covers. local_authority_or_ccg: the whole local authority or CCG area (today an ICB place); community_or_neighbourhood; group_of_practices (today a PCN); single_practice. 'Plus' feature 1 needs local_authority_or_ccg.", T1(4, 'Geographic coverage'), 'plus'),
  ...REFERRAL_SOURCES.map((s) =>
    bool(`referralSources.${s}`, `Referrals from: ${SOURCE_LABELS[s]}`, `Does the scheme take referrals from ${SOURCE_LABELS[s].toLowerCase()}?`, T1(5, 'Referral sources'), 'table1'),
  ),
  ...ACTIVITY_TYPES.map((a) =>
    bool(`activities.types.${a}`, `Refers out to: ${ACTIVITY_LABELS[a]}`, `Do people get referred out to: ${ACTIVITY_LABELS[a].toLowerCase()}? ('Plus' feature 3 needs a menu of new SP-specific services.)`, T1(6, 'Prescribed activities'), a === 'new_sp_specific' ? 'plus' : 'table1'),
  ),
  choice('linking.whoLinks', LINKERS, {
    existing_staff_signpost: 'Existing staff point people to community resources',
    practitioner_refers_to_programme: 'A practitioner refers to one specific programme',
    practitioner_identifies_needs: 'A practitioner (e.g. a health trainer) helps identify needs',
    dedicated_link_worker: 'A dedicated link worker',
  }, true, 'Who links the person', 'existing_staff_signpost: existing staff point people to community resources; practitioner_refers_to_programme: a practitioner refers to one specific programme (e.g. exercise or arts on referral); practitioner_identifies_needs: a practitioner such as a health trainer helps identify needs; dedicated_link_worker: a dedicated link worker holds a "what matters" conversation.', KIMBERLEE, 'kimberlee'),
  choice('linking.needsBreadth', NEEDS_BREADTHS, {
    whatever_is_raised: 'Whatever the person raises',
    one_defined_need: 'One defined need',
    several_areas: 'Several areas of need',
    all_social_emotional_practical: 'All social, emotional and practical needs',
  }, true, 'Breadth of needs addressed', 'whatever_is_raised (signposting); one_defined_need (light); several_areas (medium); all_social_emotional_practical (holistic).', KIMBERLEE, 'kimberlee'),
  choice('linking.contact', CONTACT_INTENSITIES, {
    one_off: 'One-off, no follow-up',
    fixed_time_frame: 'A fixed time frame (e.g. a 12-week programme)',
    short_time_limited: 'Short and time-limited (e.g. 6-12 contacts)',
    open_ended: 'Open-ended, no cap on contacts',
  }, true, 'Contact with the person', 'one_off (no follow-up); fixed_time_frame; short_time_limited; open_ended (no cap on contacts).', KIMBERLEE, 'kimberlee'),
  bool('linking.personalisedPlan', 'Personalised plan co-produced with the person', 'Does the person agree a personal plan, based on what matters to them, that connects them to a broad range of assets?', KIMBERLEE, 'kimberlee'),
  bool('funding.referralProcessFunded', 'The referral process (link workers) is funded', "Is there a financial commitment to the referral process through which people are identified and directed to support? A necessary condition of 'plus'.", { source: 'Dayson 2017', section: "What is social prescribing? ('plus' funding commitment); Table 4 row 2" }, 'plus'),
  bool('funding.activitiesFunded', 'The activities people are referred to are funded', "Is there a financial commitment to the services and activities people are referred to, so they can meet demand? A necessary condition of 'plus', and part of feature 3.", { source: 'Dayson 2017', section: "What is social prescribing? ('plus' funding commitment); Table 2 row 3" }, 'plus'),
  quantity('activities.menuSize', 'Number of services on the menu', 'How many services and activities people can be referred out to (Rotherham: 20-30). Descriptive: not read by rubric v1.', { source: 'Dayson 2017', table: 2, row: 3 }, 'plus'),
  bool('activities.userLedGroupSupport', 'Support for service users to set up their own groups', 'Are service users supported (and can they apply for funding) to develop their own self-sustaining groups or activities?', { source: 'Dayson 2017', table: 2, row: 3 }, 'plus'),
  bool('activities.microCommissioned', 'Activities funded by micro-commissioned small grants', 'Is funding for activities awarded as small grants, competitively, to voluntary and community providers ("micro-commissioning")? Descriptive in rubric v1.', { source: 'Dayson 2017', table: 2, row: 4 }, 'plus'),
  bool('activities.capacityBuildingSupport', 'Capacity-building support for providers', 'Do grant holders and voluntary providers get capacity-building support (e.g. from the umbrella body)?', { source: 'Dayson 2017', table: 2, row: 4 }, 'plus'),
  quantity('funding.committedYears', 'Years of funding committed', 'The length, in years, of the current funding commitment (Rotherham: renewed in 2015 for three years). Feature 4 needs at least 3 by default.', FEATURES, 'plus'),
  bool('funding.followedSuccessfulPilot', 'Mainstream funding followed a successful pilot', 'Was the current (long-term) funding provided after a pilot judged successful?', { source: 'Dayson 2017', table: 4, row: 4 }, 'plus'),
  bool('funding.multipleServiceAreas', 'Funded across multiple service areas', 'Is the scheme funded across more than one service area (e.g. long-term conditions and mental health)?', { source: 'Dayson 2017', table: 2, row: 4 }, 'plus'),
  bool('funding.partOfCommissioningStrategy', 'Part of a strategic commissioning approach', 'Do commissioners treat social prescribing as a strategic approach, part of the commissioning strategy for mainstream budgets?', { source: 'Dayson 2017', table: 3, row: 1 }, 'table3'),
  bool('assetBased.wellbeingAtCore', 'Improving well-being is at the core of the model', 'Is improving personal well-being and psychosocial resources a stated aim of the scheme?', { source: 'Dayson 2017', table: 3, row: 1 }, 'table3'),
  bool('assetBased.coProduction', 'Co-produced with users and providers', 'Are service users and the community providers who receive referrals involved in the design and review of the service at key stages?', { source: 'Dayson 2017', table: 3, row: 2 }, 'table3'),
  bool('assetBased.needsMappedAgainstProvision', "Users' needs mapped against provision", "Have commissioners mapped service users' needs against the services and activities available at community level?", { source: 'Dayson 2017', table: 3, row: 3 }, 'table3'),
  bool('assetBased.gapsResourced', 'Gaps in provision are resourced', 'Where gaps in provision are found, do commissioners provide resources to build the capacity to meet the needs?', { source: 'Dayson 2017', table: 3, row: 3 }, 'table3'),
  bool('assetBased.caseManagementOrMdt', 'Embedded in case management or multi-disciplinary teams', "Is the scheme's referral process embedded in case management or multi-disciplinary team working?", { source: 'Dayson 2017', table: 3, row: 4 }, 'table3'),
  bool('assetBased.jointWorkingWithStatutoryProfessionals', 'Advisers work formally with statutory professionals', 'Do advisers work closely and formally (not ad hoc) with health, social care and mental health professionals to identify people, develop support plans and review progress?', { source: 'Dayson 2017', table: 3, row: 4 }, 'table3'),
  choice('assetBased.evaluation', EVALUATION_KINDS, {
    none: 'None',
    local: 'A local evaluation',
    embedded_longitudinal: 'An embedded longitudinal evaluation',
  }, true, 'Evaluation', 'none; local (a local evaluation has been commissioned); embedded_longitudinal (an embedded longitudinal evaluation informs delivery and commissioning).', { source: 'Dayson 2017', table: 3, row: 5 }, 'table3'),
  bool('innovation.problemsUnderstoodTogether', 'Problems understood together', 'Did commissioners and the voluntary and community sector understand the problem and challenges together?', { source: 'Dayson 2017', table: 4, row: 1 }, 'table4'),
  bool('innovation.ideasDevelopedAndTestedTogether', 'Ideas developed and tested with stakeholders', 'Was the model developed with stakeholders (commissioners, GPs, VCS, service users) and tested, e.g. in a funded pilot?', { source: 'Dayson 2017', table: 4, row: 2 }, 'table4'),
  bool('innovation.testAndLearnImplementation', "Implemented on a 'test and learn' basis", 'Was delivery adapted regularly in response to feedback and formative evaluation, with evidence shared with commissioners?', { source: 'Dayson 2017', table: 4, row: 3 }, 'table4'),
  bool('innovation.diffused', 'Successful approach diffused', 'Was the approach mainstreamed and spread to other service areas or places?', { source: 'Dayson 2017', table: 4, row: 4 }, 'table4'),
];
