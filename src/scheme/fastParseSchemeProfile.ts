import { compileReader } from '../shared/compileReader';
import { SchemeProfileSchema, type SchemeProfile } from './schema';

let read: ((value: unknown) => SchemeProfile | undefined) | undefined;

/**
 * @internal Proves `input` a valid {@link SchemeProfile} without zod's parse
 * and returns the value `SchemeProfileSchema.safeParse(input).data` would be
 * (a copy, keys in the schema's order); or `undefined` when it cannot prove
 * it (an invalid profile, one that is not plain data, or one whose reading
 * throws): the caller then asks zod, which decides and reports every issue.
 * Never throws. The reader is compiled from the schema on first use.
 */
export function fastParseSchemeProfile(input: unknown): SchemeProfile | undefined {
  read ??= compileReader(SchemeProfileSchema);
  return read(input);
}

let check: ((value: unknown) => SchemeProfile | undefined) | undefined;

/**
 * @internal {@link fastParseSchemeProfile} of a profile the caller has just
 * built as plain data, its keys in the schema's order (the order zod's copy
 * has; not checked here): the profile itself when it is proven valid, not a
 * copy, so it equals what zod would return; `undefined` otherwise.
 */
export function proveBuiltSchemeProfile(built: unknown): SchemeProfile | undefined {
  check ??= compileReader(SchemeProfileSchema, false);
  return check(built);
}
