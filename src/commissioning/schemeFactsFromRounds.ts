import { err, ok, type Result } from 'neverthrow';
import type { SchemeFacts } from '../scheme/index';
import type { SchemeFactsFromRoundsError } from './errors';
import { AWARDED_ROUND_STATES } from './roundTransitions';
import type { GrantRound, GrantRoundInput } from './schema';
import type { AwardDecision } from './types';
import { validateDecisions } from './decisionShape';
import { validateRounds } from './validate';

/**
 * The scheme-profile facts that grant rounds prove, in the profile's own
 * paths, for `applySchemeFacts` and the classifier. Only rounds whose state
 * is `awarded` or `reported` ({@link AWARDED_ROUND_STATES}), and whose decision is given, count; a fact is
 * set only when the rounds prove it true (rounds never prove a fact false:
 * the scheme may fund activities in other ways):
 *
 * - `activities.microCommissioned` and `funding.activitiesFunded`: a round
 *   awarded at least one grant competitively (two or more eligible, scored bids);
 * - `funding.activitiesFunded` alone: a round awarded at least one grant;
 * - `activities.capacityBuildingSupport`: a round that awarded grants offers
 *   grant holders capacity-building support;
 * - `activities.userLedGroupSupport`: a round funded a user-led group;
 * - `activities.types.commissioned_vcs`: a round funded a voluntary or
 *   community provider (charity, community interest company, community or
 *   user-led group);
 * - `funding.multipleServiceAreas`: grants were awarded from contracts in two
 *   or more service areas.
 *
 * The rounds are validated as `parseGrantRound` does (`invalid_grant_round`,
 * issue paths starting with the round's index) and the part of each decision
 * read is checked (`invalid_award_decision`); nothing throws.
 *
 * @example
 * ```ts
 * import { schemeFactsFromRounds, type AwardDecision, type GrantRound } from 'social-prescribing';
 *
 * declare const round: GrantRound; // state 'awarded'
 * declare const decision: AwardDecision; // decideAwards for that round
 * schemeFactsFromRounds([round], [decision]);
 * // ok({ activities: { microCommissioned: true, capacityBuildingSupport: true, ... }, funding: { activitiesFunded: true } })
 * ```
 */
export function schemeFactsFromRounds(
  rounds: readonly (GrantRoundInput | GrantRound)[],
  decisions: readonly AwardDecision[],
): Result<SchemeFacts, SchemeFactsFromRoundsError> {
  const r = validateRounds(rounds);
  if (r.isErr()) return err(r.error);
  const d = validateDecisions(decisions);
  if (d.isErr()) return err(d.error);
  const decisionOf = new Map(d.value.map((x) => [x.round.id, x]));
  let funded = false;
  let competitive = false;
  let capacity = false;
  let userLed = false;
  let vcs = false;
  const serviceAreas = new Set<string>();
  for (const round of r.value) {
    const decision = decisionOf.get(round.id);
    if (decision === undefined || !AWARDED_ROUND_STATES.includes(round.state)) continue;
    const grants = decision.decisions.filter((d) => d.outcome === 'funded');
    if (grants.length === 0) continue;
    funded = true;
    serviceAreas.add(round.contract.serviceArea);
    if (decision.decisions.filter((d) => d.rank !== null).length >= 2) competitive = true;
    if (round.capacityBuildingSupport) capacity = true;
    if (grants.some((g) => g.providerType === 'user_led_group')) userLed = true;
    if (grants.some((g) => VCS_KINDS.includes(g.providerType))) vcs = true;
  }
  const activities: Record<string, unknown> = {};
  const funding: Record<string, unknown> = {};
  if (funded) funding['activitiesFunded'] = true;
  if (serviceAreas.size >= 2) funding['multipleServiceAreas'] = true;
  if (competitive) activities['microCommissioned'] = true;
  if (capacity) activities['capacityBuildingSupport'] = true;
  if (userLed) activities['userLedGroupSupport'] = true;
  if (vcs) activities['types'] = { commissioned_vcs: true };
  const facts: Record<string, unknown> = {};
  if (Object.keys(activities).length > 0) facts['activities'] = activities;
  if (Object.keys(funding).length > 0) facts['funding'] = funding;
  return ok(facts as SchemeFacts);
}

const VCS_KINDS: readonly string[] = ['registered_charity', 'community_interest_company', 'community_group', 'user_led_group'];
