import { totalOr } from '../shared/total';
import { sha256 } from '@noble/hashes/sha2';
import type { Rubric } from '../scoring/index';
import { canonicalJson } from '../shared/canonicalJson';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';


/**
 * The hash that identifies a set of classification rules: `sha256:` and the
 * hex SHA-256 of the canonical JSON (keys sorted, no spaces) of
 * `{ "parameters": ..., "rubric": ... }`. Two runs with the same hash used
 * the same rubric, to the letter, and the same parameter values. Pure
 * JavaScript (the audited `@noble/hashes`), so it runs in a browser too.
 *
 * Total: when the rubric or parameters cannot be read or serialised (a throwing getter, a BigInt), it returns the empty string, which no rules hash equals; it never throws.
 *
 * @param rubric - the whole rubric (any JSON data).
 * @param parameters - every parameter's value, defaults included.
 *
 * @example
 * ```ts
 * import { hashClassificationRules, RUBRIC_V1 } from 'social-prescribing';
 *
 * const a = hashClassificationRules(RUBRIC_V1, { plusFeatureThreshold: 2, minFundingYears: 3, minDelineatedPathways: 2, minHealthSettings: 2 });
 * const b = hashClassificationRules(RUBRIC_V1, { minHealthSettings: 2, minDelineatedPathways: 2, minFundingYears: 3, plusFeatureThreshold: 2 });
 * a === b; // true: key order does not matter
 * ```
 */
export function hashClassificationRules(rubric: Rubric, parameters: Readonly<Record<string, number>>): string {
  return totalOr(
    () => hashClassificationRulesUnchecked(rubric, parameters),
    () => '',
  );
}

function hashClassificationRulesUnchecked(rubric: Rubric, parameters: Readonly<Record<string, number>>): string {
  const text = canonicalJson({ rubric, parameters });
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
