import { SCHEME_FACTS } from './facts';
import { SCHEME_PROFILE_VERSION, type SchemeProfile } from './schema';

/**
 * Makes a profile in which every fact is `'unknown'`: the starting point for
 * coding a scheme from documents, or for building a profile from operational
 * data with `applySchemeFacts`.
 *
 * @example
 * ```ts
 * import { classifyScheme, createUnknownProfile } from 'social-prescribing';
 *
 * const blank = createUnknownProfile({ id: 'new-scheme', name: 'New scheme' });
 * const c = classifyScheme(blank)._unsafeUnwrap();
 * c.tier; // 'light'
 * c.highestPossibleTier; // 'plus'
 * ```
 */
export function createUnknownProfile(scheme: { readonly id: string; readonly name: string }): SchemeProfile {
  const profile: Record<string, unknown> = {
    profileVersion: SCHEME_PROFILE_VERSION,
    id: scheme.id,
    name: scheme.name,
    pathways: 'unknown',
  };
  for (const fact of SCHEME_FACTS) {
    let node = profile;
    for (const segment of fact.path.slice(0, -1)) {
      node = (node[segment] ??= {}) as Record<string, unknown>;
    }
    node[fact.path.at(-1) as string] = 'unknown';
  }
  return profile as SchemeProfile;
}
