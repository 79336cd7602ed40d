import type { Result } from 'neverthrow';
import type { SchemeFacts } from '../scheme/index';
import { ACTIVITY_TYPES } from '../shared/vocabulary';
import type { MenuError } from './errors';
import { parseMenu } from './parseMenu';
import { summarise } from './summariseMenu';

/**
 * The scheme-profile facts a menu proves, in the profile's own paths, for
 * `applySchemeFacts` to merge into a profile the classifier reads.
 *
 * Only what the menu proves is claimed; where it merely lacks evidence the
 * fact is left out (unknown), never set to `false`:
 * - `activities.menuSize`: the activities on the menu (active or temporarily
 *   closed; inactive and defunct entries are not).
 * - `activities.types.<type>`: `true` for each Table 1 type at least one
 *   activity on the menu has. A type the menu lacks is left unknown, not
 *   false: menus often omit statutory and mainstream services people are
 *   also referred to (Rotherham refers on to "'mainstream' voluntary and
 *   public sector services as appropriate").
 * - `activities.userLedGroupSupport`: `true` when an activity on the menu is
 *   run by a `user_led_group` and funded from the scheme's budget (service
 *   users got funding to start their own group, as in Rotherham). A user-led
 *   group on the menu without scheme funding does not prove the scheme
 *   supported it.
 * - `activities.microCommissioned`: `true` when an activity on the menu is
 *   funded by a competitive grant from the scheme's budget.
 *
 * `funding.activitiesFunded` ('funded to meet demand') is not claimed: a
 * menu shows that activities are funded, not that the funding meets demand;
 * `analyseGaps` measures that. The share of SP-specific services the scheme
 * funds, which has no place in the profile, is in `summariseMenu`.
 *
 * @example
 * ```ts
 * import { applySchemeFacts, createUnknownProfile, schemeFactsFromMenu } from 'social-prescribing';
 *
 * const menu = {
 *   menuVersion: 1,
 *   providers: [{ id: 'walkers', name: 'Walkers', type: 'user_led_group' }],
 *   activities: [
 *     { id: 'walk', name: 'Health walk', providerId: 'walkers', needDomains: ['physical_activity'], status: 'active',
 *       activityType: 'new_sp_specific', funding: [{ mechanism: 'grant', fromScheme: true, competitive: true }] },
 *   ],
 * };
 * const facts = schemeFactsFromMenu(menu)._unsafeUnwrap();
 * // { activities: { menuSize: 1, types: { new_sp_specific: true }, userLedGroupSupport: true, microCommissioned: true } }
 * const profile = applySchemeFacts(createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap(), facts)._unsafeUnwrap().profile;
 * profile.activities.types.statutory; // 'unknown'
 * ```
 */
export function schemeFactsFromMenu(menu: unknown): Result<SchemeFacts, MenuError> {
  return parseMenu(menu).map((m) => {
    const s = summarise(m);
    const types: Partial<Record<(typeof ACTIVITY_TYPES)[number], true>> = {};
    for (const t of ACTIVITY_TYPES) if (s.byType[t] > 0) types[t] = true;
    const activities: { -readonly [K in keyof NonNullable<SchemeFacts['activities']>]: NonNullable<SchemeFacts['activities']>[K] } = {
      menuSize: s.onMenu,
    };
    if (Object.keys(types).length > 0) activities.types = types;
    if (s.userLedGroupActivitiesFundedByScheme > 0) activities.userLedGroupSupport = true;
    if (s.microCommissioned > 0) activities.microCommissioned = true;
    return { activities };
  });
}
