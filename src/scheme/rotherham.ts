import { deepFreeze } from '../shared/deepFreeze';
import type { SchemeProfile } from './schema';

/**
 * The paper's worked example, the Rotherham Social Prescribing Service, as a
 * scheme profile, coded from Dayson (2017) Tables 2 and 4. It classifies as
 * 'plus' with every feature met. Deeply frozen.
 *
 * Facts and where they come from: whole LA/CCG area, every GP practice refers
 * (Table 2 row 1); two pathways, long-term conditions via Integrated Case
 * Management in primary care and mental-health clusters 4, 7 and 11 via
 * statutory mental health case workers (row 2); a menu of 20-30 services
 * funded as small grants, with support for user-led activities (row 3); two
 * CCG contracts held by Voluntary Action Rotherham, micro-commissioning and
 * capacity-building support (row 4); a two-year pilot from non-recurrent
 * funds, then mainstream funding from 2014/15, renewed in 2015 for three
 * years (Table 4 rows 2 and 4).
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 * classifyScheme(ROTHERHAM)._unsafeUnwrap().tier; // 'plus'
 * ```
 */
export const ROTHERHAM: SchemeProfile = deepFreeze({
  profileVersion: 1,
  id: 'rotherham',
  name: 'Rotherham Social Prescribing Service',
  notes:
    'Coded from Dayson (2017), Tables 2 and 4. Pilot 2012/13-2013/14 (about 28 practices, 808 referrals in year one against a target of 625, 5 advisers); mainstream funding from 2014/15, renewed in 2015 for three years. Menu size coded as 25 (the paper gives 20-30). The Kimberlee facts (dedicated advisers, all needs, open-ended contact, personal plan) are read from the tailored individual packages of support (Table 2 row 3) and the paper\'s statement that commissioned schemes are now mostly holistic; the paper does not state them one by one.',
  funding: {
    sources: {
      mainstream_health_social_care: true,
      other_non_recurrent_public: true,
      independent_charitable: false,
      social_investment: false,
    },
    referralProcessFunded: true,
    activitiesFunded: true,
    committedYears: 3,
    followedSuccessfulPilot: true,
    multipleServiceAreas: true,
    partOfCommissioningStrategy: true,
  },
  commissioning: { model: 'lead_provider', advisers: { paid: true, volunteer: 'unknown' } },
  targeting: { risk_stratification: true, needs_assessment: 'unknown', clinical_discretion: true },
  coverage: { scale: 'local_authority_or_ccg' },
  referralSources: {
    gp_practice: true,
    mental_health_services: true,
    pharmacy: 'unknown',
    secondary_care: 'unknown',
    community: 'unknown',
    self_referral: 'unknown',
  },
  pathways: [
    {
      id: 'long-term-conditions',
      label: 'Long-term conditions, eligible for Integrated Case Management, referred by GP after case management meetings',
      setting: 'gp_practice',
      clearlyDelineated: true,
    },
    {
      id: 'mental-health',
      label: 'Mental health clusters 4, 7 and 11, referred after discussion with the mental health case worker',
      setting: 'statutory_mental_health',
      clearlyDelineated: true,
    },
  ],
  activities: {
    types: { new_sp_specific: true, commissioned_vcs: true, non_statutory_vcs: true, statutory: true },
    menuSize: 25,
    userLedGroupSupport: true,
    microCommissioned: true,
    capacityBuildingSupport: true,
  },
  linking: {
    whoLinks: 'dedicated_link_worker',
    needsBreadth: 'all_social_emotional_practical',
    contact: 'open_ended',
    personalisedPlan: true,
  },
  assetBased: {
    wellbeingAtCore: true,
    coProduction: true,
    needsMappedAgainstProvision: true,
    gapsResourced: true,
    caseManagementOrMdt: true,
    jointWorkingWithStatutoryProfessionals: true,
    evaluation: 'embedded_longitudinal',
  },
  innovation: {
    problemsUnderstoodTogether: true,
    ideasDevelopedAndTestedTogether: true,
    testAndLearnImplementation: true,
    diffused: true,
  },
});
