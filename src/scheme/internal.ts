/**
 * What other modules of the library use from the scheme module and the
 * library does not publish. Only `src/` imports this file.
 *
 * @internal
 * @packageDocumentation
 */
export { fastParseSchemeProfile, proveBuiltSchemeProfile } from './fastParseSchemeProfile';
