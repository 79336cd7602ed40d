import type { Result } from 'neverthrow';
import { ACTIVITY_TYPES, PROVIDER_TYPES, type ActivityType, type ProviderType } from '../shared/vocabulary';
import type { MenuError } from './errors';
import { parseMenu, providersById } from './parseMenu';
import { ACTIVITY_STATUSES, type Activity, type ActivityStatus, type Menu } from './schema';

/**
 * Counts describing a menu, from which `schemeFactsFromMenu` derives the
 * scheme-profile facts. "On the menu" means `active` or
 * `temporarily_closed`: inactive and defunct entries are kept for the record
 * but nobody can be referred to them.
 *
 * @example
 * ```ts
 * import type { MenuSummary } from 'social-prescribing';
 * const describe = (s: MenuSummary) => `${s.onMenu} activities from ${s.providers} providers`;
 * ```
 */
export interface MenuSummary {
  /** Every activity entry, whatever its status. */
  readonly entries: number;
  /** Activities on the menu (active or temporarily closed). */
  readonly onMenu: number;
  /** Entries by status. */
  readonly byStatus: Readonly<Record<ActivityStatus, number>>;
  /** Activities on the menu by Table 1 type. */
  readonly byType: Readonly<Record<ActivityType, number>>;
  /** Activities on the menu whose type is not recorded. */
  readonly typeNotRecorded: number;
  /** Providers in the menu. */
  readonly providers: number;
  /** Providers by type. */
  readonly providersByType: Readonly<Record<ProviderType, number>>;
  /** Providers whose type is not recorded. */
  readonly providerTypeNotRecorded: number;
  /** Activities on the menu funded (at least in part) from the scheme's own budget. */
  readonly fundedByScheme: number;
  /** Activities on the menu that are new SP-specific services funded from the scheme's budget. */
  readonly spSpecificFundedByScheme: number;
  /** `spSpecificFundedByScheme / onMenu`; `null` for an empty menu. */
  readonly spSpecificFundedShare: number | null;
  /** Activities on the menu funded by a competitive grant from the scheme's budget (micro-commissioning). */
  readonly microCommissioned: number;
  /** Activities on the menu run by user-led groups. */
  readonly userLedGroupActivities: number;
  /** Of those, how many are funded from the scheme's budget. */
  readonly userLedGroupActivitiesFundedByScheme: number;
  /** Activities on the menu whose funding is not recorded. */
  readonly fundingNotRecorded: number;
}

/** @internal Whether an activity is on the menu (people can be referred to it, now or after a pause). */
export const isOnMenu = (a: Activity): boolean => a.status === 'active' || a.status === 'temporarily_closed';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** @internal */
export function summarise(menu: Menu): MenuSummary {
  const providers = providersById(menu);
  const byStatus = zeros(ACTIVITY_STATUSES);
  const byType = zeros(ACTIVITY_TYPES);
  const providersByType = zeros(PROVIDER_TYPES);
  let onMenu = 0;
  let typeNotRecorded = 0;
  let fundedByScheme = 0;
  let spSpecific = 0;
  let micro = 0;
  let userLed = 0;
  let userLedFunded = 0;
  let fundingNotRecorded = 0;
  let providerTypeNotRecorded = 0;
  for (const p of menu.providers) {
    if (p.type === undefined) providerTypeNotRecorded++;
    else providersByType[p.type]++;
  }
  for (const a of menu.activities) {
    byStatus[a.status]++;
    if (!isOnMenu(a)) continue;
    onMenu++;
    if (a.activityType === undefined) typeNotRecorded++;
    else byType[a.activityType]++;
    if (a.funding === undefined) fundingNotRecorded++;
    const schemeFunded = (a.funding ?? []).some((f) => f.fromScheme);
    if (schemeFunded) fundedByScheme++;
    if (schemeFunded && a.activityType === 'new_sp_specific') spSpecific++;
    if ((a.funding ?? []).some((f) => f.fromScheme && f.mechanism === 'grant' && f.competitive === true)) micro++;
    if (providers.get(a.providerId)?.type === 'user_led_group') {
      userLed++;
      if (schemeFunded) userLedFunded++;
    }
  }
  return {
    entries: menu.activities.length,
    onMenu,
    byStatus,
    byType,
    typeNotRecorded,
    providers: menu.providers.length,
    providersByType,
    providerTypeNotRecorded,
    fundedByScheme,
    spSpecificFundedByScheme: spSpecific,
    spSpecificFundedShare: onMenu === 0 ? null : spSpecific / onMenu,
    microCommissioned: micro,
    userLedGroupActivities: userLed,
    userLedGroupActivitiesFundedByScheme: userLedFunded,
    fundingNotRecorded,
  };
}

/**
 * Counts what a menu holds: entries by status, activities by Table 1 type,
 * providers by type, how many are funded from the scheme's budget, the share
 * of new SP-specific services the scheme funds, micro-commissioned and
 * user-led activities. Validates the menu first; never throws.
 *
 * @example
 * ```ts
 * import { summariseMenu } from 'social-prescribing';
 *
 * const summary = summariseMenu({
 *   menuVersion: 1,
 *   providers: [{ id: 'p', name: 'Provider', type: 'registered_charity' }],
 *   activities: [
 *     { id: 'a', name: 'A', providerId: 'p', needDomains: ['learning'], status: 'active', activityType: 'new_sp_specific',
 *       funding: [{ mechanism: 'grant', fromScheme: true, competitive: true }] },
 *     { id: 'b', name: 'B', providerId: 'p', needDomains: ['learning'], status: 'defunct' },
 *   ],
 * })._unsafeUnwrap();
 * summary.onMenu; // 1
 * summary.spSpecificFundedShare; // 1
 * ```
 */
export function summariseMenu(menu: unknown): Result<MenuSummary, MenuError> {
  return parseMenu(menu).map(summarise);
}
