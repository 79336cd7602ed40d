import type { Result } from 'neverthrow';
import type { BidError } from './errors';
import type { Bid } from './schema';
import { validateBids } from './validate';

/**
 * Validates a list of bids: every bid as {@link parseBid} does, and bid ids unique.
 *
 * @example
 * ```ts
 * import { parseBids } from 'social-prescribing';
 * parseBids([]).isOk(); // true
 * ```
 */
export function parseBids(input: unknown): Result<Bid[], BidError> {
  return validateBids(input);
}
