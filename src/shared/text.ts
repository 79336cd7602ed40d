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
