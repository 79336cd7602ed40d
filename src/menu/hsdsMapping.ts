// Internal constants and helpers shared by the HSDS 3 importer and exporter.
import { NEED_DOMAIN_LABELS, NEED_DOMAINS, PROVIDER_TYPES, type NeedDomain, type ProviderType } from '../shared/vocabulary';
import type { CostUnit, Register } from './schema';

/** The `taxonomy` names of the terms this library writes into HSDS attributes. */
export const TAXONOMY = {
  needDomain: 'social-prescribing:need-domain',
  tag: 'social-prescribing:tag',
  activityType: 'social-prescribing:activity-type',
  fact: 'social-prescribing:fact',
} as const;

/** The codes of `social-prescribing:fact` terms (each attribute carries its value in `value`). */
export const FACT = {
  localId: 'local_id',
  placesPerWeek: 'places_per_week',
  availability: 'availability',
  unfunded: 'unfunded',
  areasAnywhere: 'areas_anywhere',
  area: 'area',
  eligibilityRule: 'eligibility_rule',
  providerType: 'provider_type',
  turnoverBand: 'turnover_band',
  fundingMechanism: 'funding_mechanism',
  fromScheme: 'from_scheme',
  competitive: 'competitive',
  fundingReference: 'funding_reference',
} as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A deterministic UUID (version 8, RFC 9562 "custom") derived from a name,
 * with a 128-bit non-cryptographic hash (cyrb128). Used for the ids HSDS
 * requires on nested objects and for local ids that are not UUIDs.
 */
export function hashUuid(name: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < name.length; i++) {
    const k = name.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The org-id.guide identifier scheme of each register. */
export const REGISTER_SCHEMES: Readonly<Record<Register, string>> = {
  charity_commission: 'GB-CHC',
  oscr: 'GB-SC',
  ccni: 'GB-NIC',
  companies_house: 'GB-COH',
};
export const REGISTER_TYPES: Readonly<Record<Register, string>> = {
  charity_commission: 'Charity number',
  oscr: 'Scottish charity number',
  ccni: 'Northern Ireland charity number',
  companies_house: 'Company number',
};

export const PROVIDER_TYPE_LABELS: Readonly<Record<ProviderType, string>> = {
  registered_charity: 'Registered charity',
  community_interest_company: 'Community interest company',
  community_group: 'Community group',
  user_led_group: 'User-led group',
  statutory_body: 'Statutory body',
  private: 'Private company',
};

/** Reads an HSDS `legal_status` (free text) as a provider type, where it is unambiguous. */
export function typeFromLegalStatus(text: string): ProviderType | undefined {
  const t = text.trim().toLowerCase();
  for (const k of PROVIDER_TYPES) if (t === PROVIDER_TYPE_LABELS[k].toLowerCase() || t === k) return k;
  if (/\b(cio|charitable incorporated organi[sz]ation|registered charity|charity)\b/.test(t)) return 'registered_charity';
  if (/\b(cic|community interest company)\b/.test(t)) return 'community_interest_company';
  if (/\b(user[- ]led|peer[- ]led)\b/.test(t)) return 'user_led_group';
  if (/\b(unincorporated association|community group|voluntary group)\b/.test(t)) return 'community_group';
  if (/\b(local authority|council|nhs|statutory|public body)\b/.test(t)) return 'statutory_body';
  if (/\b(sole trader|private|plc)\b/.test(t)) return 'private';
  return undefined;
}

export const COST_UNIT_LABELS: Readonly<Record<CostUnit, string>> = {
  session: 'per session',
  week: 'per week',
  month: 'per month',
  course: 'per course',
  one_off: 'one-off',
};

const COST_UNIT_ENTRIES = Object.entries(COST_UNIT_LABELS) as [CostUnit, string][];

/** Reads an HSDS `amount_description` as a cost unit; `exact` when it is this library's own label. */
export function unitFromText(text: string): { unit: CostUnit; exact: boolean } | undefined {
  const t = text.trim().toLowerCase();
  for (const [unit, label] of COST_UNIT_ENTRIES) if (t === label) return { unit, exact: true };
  if (/\bsession\b/.test(t)) return { unit: 'session', exact: false };
  if (/\b(week|weekly)\b/.test(t)) return { unit: 'week', exact: false };
  if (/\b(month|monthly)\b/.test(t)) return { unit: 'month', exact: false };
  if (/\bcourse\b/.test(t)) return { unit: 'course', exact: false };
  if (/\b(one[- ]off|single payment)\b/.test(t)) return { unit: 'one_off', exact: false };
  return undefined;
}

export const needDomainLabel = (d: NeedDomain): string =>
  (NEED_DOMAIN_LABELS as Record<string, string | undefined>)[d] ?? d;

const KEYWORDS: Readonly<Record<(typeof NEED_DOMAINS)[number], readonly string[]>> = {
  loneliness_and_isolation: ['loneliness', 'lonely', 'isolation', 'isolated', 'befriending', 'befriend', 'social contact', 'social groups?'],
  physical_activity: ['exercise', 'physical activity', 'sports?', 'fitness', 'walking', 'walks?', 'swimming', 'dance', 'dancing', 'yoga', 'tai chi'],
  mental_wellbeing: ['mental health', 'wellbeing', 'well-being', 'counselling', 'anxiety', 'depression', 'mindfulness', 'emotional support'],
  money_and_debt: ['debt', 'money', 'benefits?', 'financial', 'finance', 'welfare rights'],
  housing: ['housing', 'homeless', 'homelessness', 'tenancy', 'accommodation'],
  employment_and_skills: ['employment', 'jobs?', 'careers?', 'employability', 'work skills'],
  carers_support: ['carers?', 'caring'],
  arts_and_creativity: ['arts?', 'music', 'crafts?', 'creative', 'creativity', 'choir', 'singing', 'drama', 'theatre', 'painting'],
  nature_and_green_space: ['gardening', 'gardens?', 'nature', 'green space', 'outdoors?', 'allotments?', 'conservation'],
  learning: ['learning', 'education', 'courses?', 'classes', 'literacy', 'numeracy', 'esol'],
  practical_support_at_home: ['home help', 'practical support', 'shopping', 'handyperson', 'home support', 'cleaning'],
  long_term_condition_self_management: ['long[- ]term conditions?', 'diabetes', 'copd', 'self[- ]management', 'chronic pain', 'cardiac rehab(?:ilitation)?'],
  healthy_eating: ['food', 'healthy eating', 'nutrition', 'cooking', 'diet'],
  digital_inclusion: ['digital', 'computers?', 'internet', 'online skills', 'it skills'],
  advice_and_advocacy: ['advice', 'advocacy', 'information and advice'],
};

const KEYWORD_PATTERNS: readonly (readonly [NeedDomain, RegExp])[] = NEED_DOMAINS.map(
  (d) => [d, new RegExp(`\\b(?:${KEYWORDS[d].join('|')})\\b`, 'i')] as const,
);

/** The need domains whose keywords appear in a taxonomy term's name or code. */
export function inferNeedDomains(text: string): NeedDomain[] {
  return KEYWORD_PATTERNS.filter(([, re]) => re.test(text)).map(([d]) => d);
}

/** The ONS GSS code at the end of a statistics.data.gov.uk URI, or a bare GSS code. */
export const GSS_CODE = /^[EKNSW]\d{8}$/;
export const GSS_URI_PREFIX = 'http://statistics.data.gov.uk/id/statistical-geography/';
export function gssFromUri(uri: string): string | undefined {
  const m = /statistical-geography\/([EKNSW]\d{8})\/?$/.exec(uri);
  return m?.[1];
}
