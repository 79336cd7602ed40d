import { deepFreeze } from '../../shared/deepFreeze';
import type { Citation } from '../../shared/vocabulary';
import type { Condition, Rubric } from '../rubricSchema';

const PAPER = 'Dayson 2017';
const FEATURE_LIST = "What is social prescribing? (list of 'plus' features)";
const FUNDING_COMMITMENT = "What is social prescribing? (commitment to fund referral processes and activities)";
const PRINCIPLES = 'closing list of principles';
const KIMBERLEE: Citation = { source: 'Kimberlee 2015', section: 'light-to-holistic continuum, as cited in Dayson 2017' };

const is = (fact: string): Condition => ({ fact, is: true });

/**
 * Version 1 of the rubric that classifies a scheme as light, holistic or
 * 'plus', read from Dayson (2017). It is data, deeply frozen, and published:
 * its behaviour never changes; a different reading will be `RUBRIC_V2`.
 *
 * How it decides:
 * - **Kimberlee level**: each of four dimensions (who links the person,
 *   breadth of needs, contact, personalised plan) caps the level the scheme
 *   can reach; the level is the lowest cap. A scheme is **holistic** when the
 *   level is holistic, otherwise **light**.
 * - **'plus'**: a holistic scheme that funds both the referral process and
 *   the activities (the two necessary conditions) and shows at least
 *   `plusFeatureThreshold` of the four features.
 *
 * Parameters (override with `classifyScheme`'s options):
 * - `plusFeatureThreshold` = 2: the paper asks for "a number in combination",
 *   not all four; "a number" is read as at least two.
 * - `minFundingYears` = 3: "a long time period (three years or more)".
 * - `minDelineatedPathways` = 2: "multiple clearly delineated referral pathways".
 * - `minHealthSettings` = 2: "from a variety of health settings"; Rotherham
 *   (Table 2 row 2) has two, primary care and statutory mental health.
 *
 * @example
 * ```ts
 * import { RUBRIC_V1 } from 'social-prescribing';
 *
 * RUBRIC_V1.id; // 'dayson-2017'
 * RUBRIC_V1.plusFeatures.map((f) => f.id);
 * // ['plus_coverage', 'plus_pathways', 'plus_menu', 'plus_investment']
 * ```
 */
export const RUBRIC_V1: Rubric = deepFreeze({
  id: 'dayson-2017',
  version: '1.0.0',
  title: "Social prescribing 'plus' (Dayson 2017), rubric version 1",
  description:
    "Classifies a local social prescribing scheme as light, holistic or 'plus' from the features in Dayson (2017), with Kimberlee's (2015) continuum, Morgan's (2014) asset-based criteria (Table 3), the stages of collaborative innovation (Table 4) and the five principles of asset-based collaborative innovation.",
  parameters: {
    plusFeatureThreshold: {
      default: 2,
      min: 1,
      max: 4,
      integer: true,
      description:
        "How many of the four 'plus' features a scheme must show. The paper: a 'plus' scheme \"would not be expected to exhibit all of these characteristics, it should exhibit a number in combination\"; read as at least two.",
      citation: { source: PAPER, section: FEATURE_LIST },
    },
    minFundingYears: {
      default: 3,
      min: 0,
      max: 100,
      integer: false,
      description: 'The funding commitment, in years, that counts as long-term: "a long time period (three years or more)".',
      citation: { source: PAPER, table: 3, row: 5, section: FEATURE_LIST },
    },
    minDelineatedPathways: {
      default: 2,
      min: 0,
      max: 1000,
      integer: true,
      description: 'How many clearly delineated referral pathways count as "multiple".',
      citation: { source: PAPER, table: 2, row: 2, section: FEATURE_LIST },
    },
    minHealthSettings: {
      default: 2,
      min: 0,
      max: 8,
      integer: true,
      description:
        'How many distinct health settings those pathways must come from to count as "a variety"; Rotherham has two (primary care and statutory mental health).',
      citation: { source: PAPER, table: 2, row: 2, section: FEATURE_LIST },
    },
  },
  levelDimensions: [
    {
      id: 'level_who_links',
      title: 'A dedicated link worker links the person',
      description: 'Who links the person to support: existing staff signposting (signposting), a practitioner referring to one programme (light), a practitioner identifying needs (medium), or a dedicated link worker (holistic).',
      citation: KIMBERLEE,
      fact: 'linking.whoLinks',
      ceilings: [
        { value: 'existing_staff_signpost', level: 'signposting' },
        { value: 'practitioner_refers_to_programme', level: 'light' },
        { value: 'practitioner_identifies_needs', level: 'medium' },
        { value: 'dedicated_link_worker', level: 'holistic' },
      ],
    },
    {
      id: 'level_needs_breadth',
      title: 'All social, emotional and practical needs are addressed',
      description: 'How broad the needs addressed are: whatever is raised (signposting), one defined need (light), several areas (medium), all social, emotional and practical needs (holistic).',
      citation: KIMBERLEE,
      fact: 'linking.needsBreadth',
      ceilings: [
        { value: 'whatever_is_raised', level: 'signposting' },
        { value: 'one_defined_need', level: 'light' },
        { value: 'several_areas', level: 'medium' },
        { value: 'all_social_emotional_practical', level: 'holistic' },
      ],
    },
    {
      id: 'level_contact',
      title: 'Contact is open-ended',
      description: 'How long contact lasts: one-off (signposting), a fixed time frame (light), short and time-limited (medium), open-ended with no cap on contacts (holistic).',
      citation: KIMBERLEE,
      fact: 'linking.contact',
      ceilings: [
        { value: 'one_off', level: 'signposting' },
        { value: 'fixed_time_frame', level: 'light' },
        { value: 'short_time_limited', level: 'medium' },
        { value: 'open_ended', level: 'holistic' },
      ],
    },
    {
      id: 'level_personalised_plan',
      title: 'A personal plan is co-produced',
      description: 'A holistic scheme co-produces a personal plan from a "what matters" conversation; without one a scheme reaches at most medium.',
      citation: KIMBERLEE,
      fact: 'linking.personalisedPlan',
      ceilings: [
        { value: false, level: 'medium' },
        { value: true, level: 'holistic' },
      ],
    },
  ],
  necessaryConditions: [
    {
      id: 'funds_referral_process',
      title: 'The referral process is funded',
      description: "A 'plus' scheme includes \"a commitment to resourcing financially ... the referral processes through which service users are identified and directed to support\".",
      citation: { source: PAPER, table: 4, row: 2, section: FUNDING_COMMITMENT },
      condition: is('funding.referralProcessFunded'),
    },
    {
      id: 'funds_activities',
      title: 'The activities people are referred to are funded',
      description: "A 'plus' scheme also commits to resourcing financially \"the services and activities to which they are referred\".",
      citation: { source: PAPER, table: 4, row: 2, section: FUNDING_COMMITMENT },
      condition: is('funding.activitiesFunded'),
    },
  ],
  plusFeatures: [
    {
      id: 'plus_coverage',
      title: 'Broad geographic coverage',
      description: 'The service covers a large area contiguous with a local authority or CCG boundary (today an ICB place).',
      citation: { source: PAPER, table: 2, row: 1, section: FEATURE_LIST },
      condition: { fact: 'coverage.scale', in: ['local_authority_or_ccg'] },
    },
    {
      id: 'plus_pathways',
      title: 'Multiple clearly delineated referral pathways from a variety of health settings',
      description: 'At least `minDelineatedPathways` clearly delineated pathways, from at least `minHealthSettings` distinct health settings (GP practices, statutory mental health, secondary care, ...).',
      citation: { source: PAPER, table: 2, row: 2, section: FEATURE_LIST },
      condition: {
        pathways: { minDelineated: { param: 'minDelineatedPathways' }, minHealthSettings: { param: 'minHealthSettings' } },
      },
    },
    {
      id: 'plus_menu',
      title: 'A funded menu of SP-specific services',
      description:
        'People choose from a menu of services developed for the scheme, which are funded to meet demand. The paper adds that "where appropriate" users are supported to set up their own groups; being conditional, that support is not required here (it counts towards principle 2).',
      citation: { source: PAPER, table: 2, row: 3, section: FEATURE_LIST },
      condition: {
        all: [is('activities.types.new_sp_specific'), is('funding.activitiesFunded')],
      },
    },
    {
      id: 'plus_investment',
      title: 'Significant long-term strategic investment across service areas, after a successful pilot',
      description: 'Commissioners treat social prescribing as strategic commissioning with the voluntary sector, fund it across more than one service area, for at least `minFundingYears` years, following a successful pilot.',
      citation: { source: PAPER, table: 2, row: 4, section: FEATURE_LIST },
      condition: {
        all: [
          { fact: 'funding.committedYears', atLeast: { param: 'minFundingYears' } },
          is('funding.followedSuccessfulPilot'),
          is('funding.multipleServiceAreas'),
          is('funding.partOfCommissioningStrategy'),
        ],
      },
    },
  ],
  assetBasedCriteria: [
    {
      id: 'morgan_wellbeing',
      title: 'Policymakers prioritise positive well-being',
      description: "Social prescribing: improving well-being is at the core of the model. 'Plus': the commitment is part of a commissioning strategy for mainstream service budgets.",
      citation: { source: PAPER, table: 3, row: 1 },
      socialPrescribing: is('assetBased.wellbeingAtCore'),
      plus: {
        all: [
          is('assetBased.wellbeingAtCore'),
          is('funding.partOfCommissioningStrategy'),
          is('funding.sources.mainstream_health_social_care'),
        ],
      },
    },
    {
      id: 'morgan_coproduction',
      title: 'Individuals and communities are involved in the health development process',
      description: "Social prescribing: user-centred referrals-out, based on the person's interests (a personalised plan). 'Plus': co-production, with users and providers involved in designing and reviewing the service.",
      citation: { source: PAPER, table: 3, row: 2 },
      socialPrescribing: is('linking.personalisedPlan'),
      plus: { all: [is('linking.personalisedPlan'), is('assetBased.coProduction')] },
    },
    {
      id: 'morgan_community',
      title: 'People are connected with community and broader society',
      description: "Social prescribing: referrals-out to community activities. 'Plus': commissioners map needs against provision and resource the gaps found.",
      citation: { source: PAPER, table: 3, row: 3 },
      socialPrescribing: {
        any: [
          is('activities.types.new_sp_specific'),
          is('activities.types.commissioned_vcs'),
          is('activities.types.non_statutory_vcs'),
        ],
      },
      plus: {
        all: [
          {
            any: [
              is('activities.types.new_sp_specific'),
              is('activities.types.commissioned_vcs'),
              is('activities.types.non_statutory_vcs'),
            ],
          },
          is('assetBased.needsMappedAgainstProvision'),
          is('assetBased.gapsResourced'),
        ],
      },
    },
    {
      id: 'morgan_integration',
      title: 'Stakeholders work in a multi-professional, multidisciplinary way',
      description: "Social prescribing: some embedding in case management or multi-disciplinary teams. 'Plus': advisers work formally with statutory health, social care and mental health professionals to identify people, plan support and review progress.",
      citation: { source: PAPER, table: 3, row: 4 },
      socialPrescribing: is('assetBased.caseManagementOrMdt'),
      plus: { all: [is('assetBased.caseManagementOrMdt'), is('assetBased.jointWorkingWithStatutoryProfessionals')] },
    },
    {
      id: 'morgan_investment',
      title: 'Investment from a variety of sources, with effective evaluation',
      description: "Social prescribing: funded from at least one source, often time-limited. 'Plus': long-term investment (at least `minFundingYears` years) within wider commissioning strategies, including mainstream budgets, evaluated at least locally. (The paper says \"most\" 'plus' schemes also have an embedded longitudinal evaluation, so that is not required.)",
      citation: { source: PAPER, table: 3, row: 5 },
      socialPrescribing: {
        any: [
          is('funding.sources.mainstream_health_social_care'),
          is('funding.sources.other_non_recurrent_public'),
          is('funding.sources.independent_charitable'),
          is('funding.sources.social_investment'),
        ],
      },
      plus: {
        all: [
          { fact: 'funding.committedYears', atLeast: { param: 'minFundingYears' } },
          is('funding.partOfCommissioningStrategy'),
          is('funding.sources.mainstream_health_social_care'),
          { fact: 'assetBased.evaluation', in: ['local', 'embedded_longitudinal'] },
        ],
      },
    },
  ],
  innovationStages: [
    {
      id: 'stage_understanding_problems',
      title: 'Understanding problems and challenges',
      description: 'Commissioners and the voluntary and community sector understood the problem together.',
      citation: { source: PAPER, table: 4, row: 1 },
      condition: is('innovation.problemsUnderstoodTogether'),
    },
    {
      id: 'stage_developing_testing',
      title: 'Developing and testing new ideas',
      description: 'The model was developed with stakeholders and tested, e.g. in a funded pilot.',
      citation: { source: PAPER, table: 4, row: 2 },
      condition: is('innovation.ideasDevelopedAndTestedTogether'),
    },
    {
      id: 'stage_implementing',
      title: 'Implementing solutions',
      description: "Delivery followed 'test and learn', adapting to feedback and evaluation.",
      citation: { source: PAPER, table: 4, row: 3 },
      condition: is('innovation.testAndLearnImplementation'),
    },
    {
      id: 'stage_diffusing',
      title: 'Diffusing successful approaches',
      description: 'The approach was mainstreamed and spread to other service areas or places.',
      citation: { source: PAPER, table: 4, row: 4 },
      condition: is('innovation.diffused'),
    },
  ],
  principles: [
    {
      id: 'principle_users_at_centre',
      title: 'Service users at the centre of design and delivery',
      description: 'People get tailored support (a personal plan) and shape the service (co-production).',
      citation: { source: PAPER, section: `${PRINCIPLES}, principle 1` },
      condition: { all: [is('linking.personalisedPlan'), is('assetBased.coProduction')] },
    },
    {
      id: 'principle_vcs_assets',
      title: 'Harnessing and investing in voluntary and community assets',
      description: 'Activities are funded, providers get capacity-building support, and new user-led groups are supported.',
      citation: { source: PAPER, section: `${PRINCIPLES}, principle 2` },
      condition: {
        all: [is('funding.activitiesFunded'), is('activities.capacityBuildingSupport'), is('activities.userLedGroupSupport')],
      },
    },
    {
      id: 'principle_professionals',
      title: 'Taking on board the needs and views of professionals',
      description: 'Referral processes are embedded in existing systems of working, such as case management and defined service pathways.',
      citation: { source: PAPER, section: `${PRINCIPLES}, principle 3` },
      condition: {
        all: [is('assetBased.caseManagementOrMdt'), { pathways: { minDelineated: 1, minHealthSettings: 1 } }],
      },
    },
    {
      id: 'principle_collaboration',
      title: 'Multi-stakeholder and inter-disciplinary collaboration throughout',
      description: 'Stakeholders understood the problem and developed the model together, and users and providers keep shaping it.',
      citation: { source: PAPER, section: `${PRINCIPLES}, principle 4` },
      condition: {
        all: [
          is('innovation.problemsUnderstoodTogether'),
          is('innovation.ideasDevelopedAndTestedTogether'),
          is('assetBased.coProduction'),
        ],
      },
    },
    {
      id: 'principle_adaptive_implementation',
      title: 'Delivery as a process of adaptive implementation',
      description: "The service is developed on a 'test and learn' basis.",
      citation: { source: PAPER, section: `${PRINCIPLES}, principle 5` },
      condition: is('innovation.testAndLearnImplementation'),
    },
  ],
});
