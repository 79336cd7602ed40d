// TEMPORARY: the menu model (issue 4) has not landed yet. These are the minimal
// shapes the commissioning module needs; replaced by imports from
// '../menu/schema' once issue-4 is merged.
import { z } from 'zod';
import { IdSchema, NeedDomainSchema } from '../shared/schemas';

/** @internal */
export const PROVIDER_KINDS = [
  'registered_charity',
  'community_interest_company',
  'community_group',
  'user_led_group',
  'statutory_body',
  'private',
] as const;
/** @internal */
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** @internal */
export const TURNOVER_BANDS = ['under_10k', '10k_to_100k', '100k_to_1m', '1m_to_10m', 'over_10m'] as const;
/** @internal */
export type TurnoverBand = (typeof TURNOVER_BANDS)[number];

/** @internal */
export const ProviderSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(300),
  kind: z.enum(PROVIDER_KINDS),
  turnoverBand: z.enum(TURNOVER_BANDS),
  area: IdSchema,
});
/** @internal */
export interface Provider extends z.infer<typeof ProviderSchema> {}

/** @internal */
export const ActivitySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(300),
  providerId: IdSchema,
  needDomains: z.array(NeedDomainSchema).min(1),
  capacity: z.strictObject({ placesPerWeek: z.number().int().min(0) }),
});
/** @internal */
export interface Activity extends z.infer<typeof ActivitySchema> {}

/** @internal The id of the provider that runs an activity. */
export const activityProviderId = (activity: Activity): string => activity.providerId;
