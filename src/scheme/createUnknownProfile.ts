import type { Result } from 'neverthrow';
import type { SchemeProfileError } from './errors';
import { SCHEME_FACTS } from './facts';
import { parseSchemeProfile } from './parseSchemeProfile';
import { safeParse } from '../shared/safeParse';
import { SCHEME_PROFILE_VERSION, SchemeProfileSchema, type SchemeProfile } from './schema';

const SchemeNameSchema = SchemeProfileSchema.pick({ id: true, name: true });

/**
 * Makes a profile in which every fact is `'unknown'`: the starting point for
 * coding a scheme from documents, or for building a profile from operational
 * data with `applySchemeFacts`. The id and name are validated as in any
 * profile; a bad one gives an `err`.
 *
 * @example
 * ```ts
 * import { classifyScheme, createUnknownProfile } from 'social-prescribing';
 *
 * const blank = createUnknownProfile({ id: 'new-scheme', name: 'New scheme' })._unsafeUnwrap();
 * const c = classifyScheme(blank)._unsafeUnwrap();
 * c.tier; // 'light'
 * c.highestPossibleTier; // 'plus'
 * ```
 */
export function createUnknownProfile(scheme: { readonly id: string; readonly name: string }): Result<SchemeProfile, SchemeProfileError> {
  // Read id and name once, through the validator, so input whose reading throws is an error.
  const parsed = safeParse(SchemeNameSchema, scheme);
  const profile: Record<string, unknown> = {
    profileVersion: SCHEME_PROFILE_VERSION,
    id: parsed.success ? parsed.data.id : undefined,
    name: parsed.success ? parsed.data.name : undefined,
    pathways: 'unknown',
  };
  for (const fact of SCHEME_FACTS) {
    let node = profile;
    for (const segment of fact.path.slice(0, -1)) {
      node = (node[segment] ??= {}) as Record<string, unknown>;
    }
    node[fact.path.at(-1) as string] = 'unknown';
  }
  return parseSchemeProfile(profile);
}
