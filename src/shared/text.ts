import type { Tier } from './vocabulary';

/**
 * How each tier is written in text: `'plus'` keeps the quotation marks the
 * paper gives it.
 *
 * @example
 * ```ts
 * import { TIER_LABELS } from 'social-prescribing';
 * TIER_LABELS.plus; // "'plus'"
 * ```
 */
export const TIER_LABELS: Readonly<Record<Tier, string>> = { light: 'light', holistic: 'holistic', plus: "'plus'" };

/** @internal Escapes text for a Markdown line or table cell (newlines become spaces). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** @internal Whether a value is a plain (non-array) object. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A scheme's tier as text that never shows an undetermined result as a
 * verdict: the tier word when the known facts settle it (`'plus'`), and the
 * range otherwise (`Not determined: light to 'plus'`). Total: anything that is
 * not a pair of tiers gives `Not determined`.
 *
 * @example
 * ```ts
 * import { classifyScheme, createUnknownProfile, formatTierRange, ROTHERHAM } from 'social-prescribing';
 *
 * formatTierRange(classifyScheme(ROTHERHAM)._unsafeUnwrap()); // "'plus'"
 * const blank = createUnknownProfile({ id: 'x', name: 'X' })._unsafeUnwrap();
 * formatTierRange(classifyScheme(blank)._unsafeUnwrap()); // "Not determined: light to 'plus'"
 * ```
 */
export function formatTierRange(range: { readonly tier: Tier; readonly highestPossibleTier: Tier }): string {
  let low: string | undefined;
  let high: string | undefined;
  try {
    low = tierLabel(range?.tier);
    high = tierLabel(range?.highestPossibleTier);
  } catch {
    // A getter that throws: nothing can be read.
  }
  if (low === undefined || high === undefined) return 'Not determined';
  return low === high ? low : `Not determined: ${low} to ${high}`;
}

function tierLabel(tier: unknown): string | undefined {
  return typeof tier === 'string' && Object.hasOwn(TIER_LABELS, tier) ? TIER_LABELS[tier as Tier] : undefined;
}
