import { prefixIssues } from '../shared/prefixIssues';
import { isPlainObject } from '../shared/text';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationError, type ValidationIssue } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { createFactConflict, type FactConflict, type SchemeProfileError } from './errors';

export type { FactConflict } from './errors';
import { parseSchemeProfile } from './parseSchemeProfile';
import { SchemeProfileSchema, type SchemeProfile } from './schema';
import { safeParse } from '../shared/safeParse';

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

/**
 * The error {@link applySchemeFacts} returns when a set of facts does not fit
 * the profile's shape; issue paths start with the set's index.
 *
 * @example
 * ```ts
 * import type { SchemeFactsError } from 'social-prescribing';
 * const code: SchemeFactsError['code'] = 'invalid_scheme_facts';
 * ```
 */
export type SchemeFactsError = ValidationError<'invalid_scheme_facts'>;

/** Every object of the schema made optional, recursively: the shape of {@link SchemeFacts}. */
function deepPartial(schema: z.core.$ZodType): z.core.$ZodType {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.core.$ZodType> } } })._zod.def;
  if (def.type !== 'object' || def.shape === undefined) return schema;
  return z.strictObject(Object.fromEntries(Object.entries(def.shape).map(([k, v]) => [k, z.optional(deepPartial(v))])));
}
const SchemeFactsSchema = deepPartial(SchemeProfileSchema.omit({ profileVersion: true, id: true, name: true, notes: true }));

const isObject = isPlainObject;

/** Merges validated facts into a validated profile (both plain, acyclic JSON data). */
function merge(target: unknown, facts: unknown, path: string[], conflicts: FactConflict[]): unknown {
  if (isObject(target) && isObject(facts)) {
    const out: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(facts)) {
      if (value === undefined) continue;
      out[key] = Object.hasOwn(target, key) ? merge(target[key], value, [...path, key], conflicts) : value;
    }
    return out;
  }
  if (target === 'unknown' || target === undefined) return facts;
  if (facts === 'unknown') return target;
  // Leaves are primitives; only the pathways list is structured (and small).
  const same = typeof target === 'object' ? JSON.stringify(target) === JSON.stringify(facts) : target === facts;
  if (!same) conflicts.push(createFactConflict(path));
  return target;
}

/**
 * Fills a profile's unknown facts from facts derived from data (e.g. a menu
 * or a referral log), without ever overwriting what the profile already
 * knows: where both know a fact and disagree, the profile's value is kept and
 * the disagreement is reported (a {@link FactConflict}, with `kind` and
 * `code` like an error, naming the path and never a value). Any number of
 * fact sets can be applied in turn. The profile (anything `parseSchemeProfile`
 * takes) and every fact set ({@link SchemeFacts}) are validated first; nothing
 * throws.
 *
 * @example
 * ```ts
 * import { applySchemeFacts, createUnknownProfile } from 'social-prescribing';
 *
 * const blank = createUnknownProfile({ id: 's', name: 'Scheme' })._unsafeUnwrap();
 * const merged = applySchemeFacts(blank, { coverage: { scale: 'local_authority_or_ccg' } });
 * merged.map((m) => m.profile.coverage.scale); // ok('local_authority_or_ccg')
 * ```
 */
export function applySchemeFacts(
  profile: unknown,
  ...factSets: readonly unknown[]
): Result<AppliedSchemeFacts, SchemeProfileError | SchemeFactsError> {
  const base = parseSchemeProfile(profile);
  if (base.isErr()) return err(base.error);
  const issues: ValidationIssue[] = [];
  const sets: unknown[] = [];
  factSets.forEach((facts, i) => {
    const parsed = safeParse(SchemeFactsSchema, facts);
    if (parsed.success) sets.push(parsed.data);
    else issues.push(...prefixIssues(issuesFromZod(parsed.error, facts), [i]));
  });
  if (issues.length > 0) return err(createValidationError('invalid_scheme_facts', 'scheme facts', issues));
  const conflicts: FactConflict[] = [];
  let merged: unknown = base.value;
  for (const facts of sets) merged = merge(merged, facts, [], conflicts);
  const parsed = safeParse(SchemeProfileSchema, merged);
  if (!parsed.success) {
    return err(createValidationError('invalid_scheme_profile', 'scheme profile', issuesFromZod(parsed.error, merged)));
  }
  return ok({ profile: parsed.data as SchemeProfile, conflicts });
}
