import type { Result } from 'neverthrow';
import type { BidError } from './errors';
import type { Bid } from './schema';
import { validateBid } from './validate';

/**
 * Validates any value as a {@link Bid} and applies defaults; checks too that
 * the activity is run by the applicant and that only a user-led group is
 * marked as a new group.
 *
 * @example
 * ```ts
 * import { parseBid } from 'social-prescribing';
 * parseBid({ id: 'b1' }).isErr(); // true
 * ```
 */
export function parseBid(input: unknown): Result<Bid, BidError> {
  return validateBid(input);
}
