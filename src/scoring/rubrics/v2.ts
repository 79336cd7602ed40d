import { deepFreeze } from '../../shared/deepFreeze';
import type { Citation } from '../../shared/vocabulary';
import type { Rubric } from '../rubricSchema';
import { RUBRIC_V1 } from './v1';

const MAINSTREAM =
  "What is social prescribing? (\"as social prescribing has become part of mainstream commissioned services most approaches could be described as 'holistic'\")";
/**
 * The v2 contact rule rests on Dayson's statement about mainstream schemes,
 * applied to Kimberlee's continuum as the paper cites it; the mainstream
 * model is NHS England's link-worker model for primary care networks.
 */
const DAYSON_ON_MAINSTREAM: Citation = {
  source: 'Dayson 2017',
  section: `${MAINSTREAM}, applied to Kimberlee's (2015) continuum as the paper cites it; the mainstream model: NHS England, social prescribing link workers, reference guide for primary care networks`,
};

const [whoLinks, needsBreadth, , personalisedPlan] = RUBRIC_V1.levelDimensions as unknown as readonly [
  Rubric['levelDimensions'][number],
  Rubric['levelDimensions'][number],
  Rubric['levelDimensions'][number],
  Rubric['levelDimensions'][number],
];

/**
 * Version 2 of the rubric (id `dayson-2017`, version `2.0.0`), the default of
 * `classifyScheme`, the command line, the report and the site. It differs
 * from {@link RUBRIC_V1} in one reading, argued from the paper:
 *
 * - **Contact** (`level_contact`): Dayson (2017) says that "as social
 *   prescribing has become part of mainstream commissioned services most
 *   approaches could be described as 'holistic'". The mainstream model in
 *   England (NHS England's link-worker model for primary care networks) is a
 *   dedicated link worker, all social, emotional and practical needs, a
 *   personalised care and support plan, and typically 6-12 contacts: contact
 *   that is time-limited. Version 1 capped a fixed time frame at Kimberlee's
 *   "light" and short, time-limited contact at "medium", and so proved such
 *   a scheme light, contradicting the paper. Version 2 reads the length of
 *   contact as intensity, not as what makes a scheme holistic: only one-off
 *   contact with no follow-up (signposting) caps the level. Who links the
 *   person, the breadth of needs and the personalised plan still do, so a
 *   12-week exercise-on-referral programme stays light (a practitioner refers
 *   to one programme for one defined need).
 * - The other three level dimensions were reviewed against the same
 *   statement and Kimberlee's continuum and are unchanged (a dedicated link
 *   worker, all needs and a co-produced plan are each part of what the
 *   mainstream model is). The necessary conditions, the four 'plus' features,
 *   Table 3, Table 4, the principles and the parameters are as in version 1.
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM, RUBRIC_V1, RUBRIC_V2 } from 'social-prescribing';
 *
 * RUBRIC_V2.version; // '2.0.0'
 * // Rotherham, had its advisers' contact been limited to a few sessions:
 * const timeLimited = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'short_time_limited' } };
 * classifyScheme(timeLimited)._unsafeUnwrap().tier; // "plus" (RUBRIC_V2 is the default)
 * classifyScheme(timeLimited, { rubric: RUBRIC_V1 })._unsafeUnwrap().tier; // 'light'
 * ```
 */
export const RUBRIC_V2: Rubric = deepFreeze({
  ...RUBRIC_V1,
  version: '2.0.0',
  title: "Social prescribing 'plus' (Dayson 2017), rubric version 2",
  description:
    "Classifies a local social prescribing scheme as light, holistic or 'plus' from the features in Dayson (2017), with Kimberlee's (2015) continuum read as Dayson reads it for mainstream commissioned schemes (time-limited contact does not cap the level; only one-off contact does), Morgan's (2014) asset-based criteria (Table 3), the stages of collaborative innovation (Table 4) and the five principles of asset-based collaborative innovation.",
  levelDimensions: [
    {
      ...whoLinks,
      description: `${whoLinks.description} Unchanged from version 1: a dedicated link worker is part of the mainstream (holistic) model.`,
    },
    {
      ...needsBreadth,
      description: `${needsBreadth.description} Unchanged from version 1: the mainstream model addresses all social, emotional and practical needs.`,
    },
    {
      id: 'level_contact',
      title: 'Contact follows the person up',
      description:
        'How long contact lasts. Only one-off contact with no follow-up caps the level (at signposting). A fixed time frame, short time-limited contact (e.g. the 6-12 contacts of the NHS England link-worker model) and open-ended contact all allow holistic: Dayson (2017) describes most mainstream commissioned schemes, whose contact is time-limited, as holistic. Version 1 capped a fixed time frame at light and short contact at medium.',
      citation: DAYSON_ON_MAINSTREAM,
      fact: 'linking.contact',
      ceilings: [
        { value: 'one_off', level: 'signposting' },
        { value: 'fixed_time_frame', level: 'holistic' },
        { value: 'short_time_limited', level: 'holistic' },
        { value: 'open_ended', level: 'holistic' },
      ],
    },
    {
      ...personalisedPlan,
      description: `${personalisedPlan.description} Unchanged from version 1: the mainstream model agrees a personalised care and support plan.`,
    },
  ],
});
