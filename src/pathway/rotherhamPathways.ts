import { deepFreeze } from '../shared/deepFreeze';
import type { Pathway } from './schema';

/**
 * The two referral pathways of the Rotherham Social Prescribing Service, the
 * paper's worked example (Dayson 2017, Table 2 row 2), as data. Their ids
 * match the pathways of `ROTHERHAM`, the scheme profile. Deeply frozen.
 *
 * 1. `long-term-conditions`: patients with long-term conditions who are
 *    eligible for Integrated Case Management, referred by their GP after
 *    case-management meetings. The pilot's risk tool picked the 5% of
 *    long-term-condition patients at highest risk of unplanned admission, so
 *    eligibility for case management is either recorded directly or read
 *    from a risk-stratification percentile of at least 95.
 * 2. `mental-health`: patients in mental-health clusters 4, 7 and 11,
 *    referred after discussion with their mental-health case worker.
 *
 * The paper gives no service levels, so they are `"unknown"`.
 *
 * @example
 * ```ts
 * import { evaluateEligibility, ROTHERHAM_PATHWAYS } from 'social-prescribing';
 *
 * const [ltc, mh] = ROTHERHAM_PATHWAYS;
 * evaluateEligibility(mh!, { mentalHealthCluster: 11 }, { asOf: '2014-01-01' })._unsafeUnwrap().outcome; // 'eligible'
 * evaluateEligibility(ltc!, { hasLongTermCondition: true, riskPercentile: 97 }, { asOf: '2014-01-01' })._unsafeUnwrap().outcome; // 'eligible'
 * ```
 */
export const ROTHERHAM_PATHWAYS: readonly Pathway[] = deepFreeze([
  {
    id: 'long-term-conditions',
    name: 'Long-term conditions (Integrated Case Management)',
    description:
      'Patients with long-term health conditions who are eligible for Integrated Case Management, referred by their GP following discussions in case management meetings.',
    referralSettings: ['gp_practice'],
    referralProcess: {
      type: 'after_case_management_meeting',
      description: "Referred by the patient's GP following discussion in the practice's case management meeting.",
    },
    eligibility: {
      label: 'Long-term condition and eligible for Integrated Case Management',
      all: [
        { test: 'long_term_condition', label: 'Has a long-term condition' },
        {
          label: 'Eligible for Integrated Case Management',
          any: [
            { test: 'integrated_case_management', label: 'Recorded as eligible for Integrated Case Management' },
            { test: 'risk_percentile', atLeast: 95, label: 'In the top 5% risk of unplanned hospital admission' },
          ],
        },
      ],
    },
    serviceLevel: { daysToFirstContact: 'unknown', contactAttempts: 'unknown' },
    citation: { source: 'Dayson 2017', table: 2, row: 2, section: 'Table 2: Rotherham, 2. Pathways' },
  },
  {
    id: 'mental-health',
    name: 'Mental health (clusters 4, 7 and 11)',
    description: "Patients in mental health 'clusters' 4, 7 and 11, referred following discussion with their mental health case worker.",
    referralSettings: ['statutory_mental_health'],
    referralProcess: {
      type: 'after_case_worker_discussion',
      description: 'Referred following discussion with their mental health case worker.',
    },
    eligibility: { test: 'mental_health_cluster', in: [4, 7, 11], label: 'In mental health cluster 4, 7 or 11' },
    serviceLevel: { daysToFirstContact: 'unknown', contactAttempts: 'unknown' },
    citation: { source: 'Dayson 2017', table: 2, row: 2, section: 'Table 2: Rotherham, 2. Pathways' },
  },
] satisfies Pathway[]);
