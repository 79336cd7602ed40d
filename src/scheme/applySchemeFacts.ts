import { err, ok, type Result } from 'neverthrow';
import { createValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { SchemeProfileError } from './errors';
import { SchemeProfileSchema, type SchemeProfile } from './schema';

/**
 * Makes every property of an object type optional, recursively (arrays are kept whole).
 *
 * @example
 * ```ts
 * import type { DeepPartial } from 'social-prescribing';
 * const p: DeepPartial<{ a: { b: number; c: string } }> = { a: { b: 1 } };
 * ```
 */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * Part of a scheme profile's facts, in exactly the profile's paths: what a
 * module that derives facts from data (referrals, a menu, grant rounds)
 * returns for `applySchemeFacts` to merge into a profile.
 *
 * @example
 * ```ts
 * import type { SchemeFacts } from 'social-prescribing';
 *
 * const fromMenu: SchemeFacts = { activities: { menuSize: 24, userLedGroupSupport: true } };
 * ```
 */
export type SchemeFacts = DeepPartial<Omit<SchemeProfile, 'profileVersion' | 'id' | 'name' | 'notes'>>;

/**
 * A fact on which a profile and derived facts disagree (both known, different).
 *
 * @example
 * ```ts
 * import type { FactConflict } from 'social-prescribing';
 * const c: FactConflict = { path: ['coverage', 'scale'], code: 'fact_conflict' };
 * ```
 */
export interface FactConflict {
  /** The fact's path in the profile. */
  readonly path: readonly string[];
  /** Always `fact_conflict`. */
  readonly code: 'fact_conflict';
}

/**
 * The result of {@link applySchemeFacts}.
 *
 * @example
 * ```ts
 * import type { AppliedSchemeFacts } from 'social-prescribing';
 * const none: AppliedSchemeFacts['conflicts'] = [];
 * ```
 */
export interface AppliedSchemeFacts {
  /** The profile with every unknown fact that the derived facts know filled in. */
  readonly profile: SchemeProfile;
  /** Facts both sides know but disagree on; the profile's value is kept. */
  readonly conflicts: readonly FactConflict[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function merge(target: unknown, facts: unknown, path: string[], conflicts: FactConflict[]): unknown {
  if (isPlainObject(target) && isPlainObject(facts)) {
    const out: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(facts)) {
      if (value === undefined) continue;
      out[key] = key in target ? merge(target[key], value, [...path, key], conflicts) : value;
    }
    return out;
  }
  if (target === 'unknown' || target === undefined) return facts;
  if (facts === 'unknown') return target;
  if (JSON.stringify(target) !== JSON.stringify(facts)) conflicts.push({ path, code: 'fact_conflict' });
  return target;
}

/**
 * Fills a profile's unknown facts from facts derived from data (e.g. a menu
 * or a referral log), without ever overwriting what the profile already
 * knows: where both know a fact and disagree, the profile's value is kept and
 * the disagreement is reported. Any number of fact sets can be applied in
 * turn. The merged profile is validated; nothing throws.
 *
 * @example
 * ```ts
 * import { applySchemeFacts, createUnknownProfile } from 'social-prescribing';
 *
 * const blank = createUnknownProfile({ id: 's', name: 'Scheme' });
 * const merged = applySchemeFacts(blank, { coverage: { scale: 'local_authority_or_ccg' } });
 * merged.map((m) => m.profile.coverage.scale); // ok('local_authority_or_ccg')
 * ```
 */
export function applySchemeFacts(
  profile: SchemeProfile,
  ...factSets: readonly SchemeFacts[]
): Result<AppliedSchemeFacts, SchemeProfileError> {
  const conflicts: FactConflict[] = [];
  let merged: unknown = profile;
  for (const facts of factSets) merged = merge(merged, facts, [], conflicts);
  const parsed = SchemeProfileSchema.safeParse(merged);
  if (!parsed.success) {
    return err(createValidationError('invalid_scheme_profile', 'scheme profile', issuesFromZod(parsed.error, merged)));
  }
  return ok({ profile: parsed.data as SchemeProfile, conflicts });
}
