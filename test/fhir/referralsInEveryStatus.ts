// One referral in each lifecycle status, built by applying real events with
// transitionReferral (so each is a referral the library itself could hold).
import { createReferral, REFERRAL_STATUSES, transitionReferral, type Referral, type ReferralEvent, type ReferralStatus } from '../../src/index';

type Step = Record<string, unknown> & { type: string };
const asOf = { asOf: '2025-01-01T00:00:00Z' };

const RECEIVED = {
  type: 'received',
  by: { role: 'referrer' },
  personRef: 'p-7f3a91',
  sourceSetting: 'gp_practice',
  pathwayId: 'long-term-conditions',
  referrerOrganisation: 'C87001',
  needs: ['loneliness_and_isolation', 'money_and_debt', 'arts_and_creativity'],
  consentToShare: true,
};
const ACCEPTED = [RECEIVED, { type: 'accepted', linkWorkerRef: 'lw-12' }];
const CONTACTED = [...ACCEPTED, { type: 'contacted' }];
const ASSESSED = [...CONTACTED, { type: 'assessed', needs: ['loneliness_and_isolation'], outcomes: [{ measure: 'swemwbs', answers: [2, 3, 2, 3, 3, 2, 3] }] }];
const PLAN = [...ASSESSED, { type: 'plan_agreed' }];
const REFERRED = [...PLAN, { type: 'referred_out', activityIds: ['walking-group'] }];
const ATTENDING = [...REFERRED, { type: 'attended', activityId: 'walking-group' }];
const REVIEWED = [...ATTENDING, { type: 'reviewed', outcomes: [{ measure: 'swemwbs', answers: [3, 3, 3, 4, 3, 3, 4] }] }];

export const PATHS: Record<ReferralStatus, Step[]> = {
  received: [RECEIVED],
  accepted: ACCEPTED,
  rejected: [RECEIVED, { type: 'rejected', reason: 'at_capacity' }],
  contacted: CONTACTED,
  unable_to_contact: [...ACCEPTED, { type: 'contact_attempted' }, { type: 'contact_attempted' }, { type: 'contact_attempted' }, { type: 'unable_to_contact' }],
  assessed: ASSESSED,
  plan_agreed: PLAN,
  referred_out: REFERRED,
  attending: ATTENDING,
  reviewed: REVIEWED,
  on_hold: [...CONTACTED, { type: 'put_on_hold' }],
  declined: [...CONTACTED, { type: 'declined' }],
  withdrawn: [RECEIVED, { type: 'withdrawn' }],
  closed: [...REVIEWED, { type: 'closed', outcome: 'goals_met' }],
};

/** The referral `r1` after the steps, one day apart from 2024-04-01. */
export function referralAfter(steps: readonly Step[], referralId = 'r1'): Referral {
  const events = steps.map((s, i) => ({
    id: `${referralId}-e${i}`,
    referralId,
    at: new Date(Date.UTC(2024, 3, 1 + i, 9)).toISOString().replace('.000Z', 'Z'),
    by: { role: 'link_worker', ref: 'lw-12' },
    ...s,
  })) as unknown as ReferralEvent[];
  let r = createReferral(events[0]!, asOf)._unsafeUnwrap();
  for (const e of events.slice(1)) r = transitionReferral(r, e, asOf)._unsafeUnwrap();
  return r;
}

export const REFERRAL_IN: Record<ReferralStatus, Referral> = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, referralAfter(PATHS[s])])) as Record<ReferralStatus, Referral>;
