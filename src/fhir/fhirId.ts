import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * @internal A FHIR resource id (`[A-Za-z0-9.-]{1,64}`) for one of the
 * library's ids: a prefix and the first 32 hex digits of its SHA-256, so
 * any id (and any personRef) maps to a valid, stable and opaque FHIR id.
 */
export function fhirId(prefix: string, id: string): string {
  return `${prefix}-${bytesToHex(sha256(utf8ToBytes(id))).slice(0, 32)}`;
}
