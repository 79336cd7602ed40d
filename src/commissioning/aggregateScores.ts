import { err, ok, type Result } from 'neverthrow';
import { eligibilityOf } from './checkBidEligibility';
import type { BidError, GrantRoundError, ScoreSheetError } from './errors';
import type { Bid, BidInput, GrantRound, GrantRoundInput, ScoreSheet, ScoreSheetInput, ScoreSheetCategory } from './schema';
import { validateBids, validateRound, validateSheets } from './validate';

/**
 * Why a score sheet did not count towards a bid's score.
 * `conflict_of_interest`: the assessor declared a conflict with the bidder.
 * `bid_ineligible`: the bid is ineligible, so no score for it counts.
 * `superseded_by_moderation`: the bid has a moderated score, which replaces the assessments.
 *
 * @example
 * ```ts
 * import { SCORE_EXCLUSION_REASONS } from 'social-prescribing';
 * SCORE_EXCLUSION_REASONS[0]; // 'conflict_of_interest'
 * ```
 */
export const SCORE_EXCLUSION_REASONS = ['conflict_of_interest', 'bid_ineligible', 'superseded_by_moderation'] as const;
/**
 * One of {@link SCORE_EXCLUSION_REASONS}.
 *
 * @example
 * ```ts
 * import type { ScoreExclusionReason } from 'social-prescribing';
 * const r: ScoreExclusionReason = 'conflict_of_interest';
 * ```
 */
export type ScoreExclusionReason = (typeof SCORE_EXCLUSION_REASONS)[number];

/**
 * Where a bid stands on moderation. `not_needed`: the assessors agree within
 * the round's spread (or the round sets none). `flagged`: they disagree by
 * more and no moderated score exists yet. `moderated`: a moderated score
 * replaced the assessments.
 *
 * @example
 * ```ts
 * import { MODERATION_STATUSES } from 'social-prescribing';
 * MODERATION_STATUSES; // ['not_needed', 'flagged', 'moderated']
 * ```
 */
export const MODERATION_STATUSES = ['not_needed', 'flagged', 'moderated'] as const;
/**
 * One of {@link MODERATION_STATUSES}.
 *
 * @example
 * ```ts
 * import type { ModerationStatus } from 'social-prescribing';
 * const m: ModerationStatus = 'flagged';
 * ```
 */
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/**
 * One assessor's weighted total for a bid: the sum over criteria of weight x score.
 *
 * @example
 * ```ts
 * import type { AssessorTotal } from 'social-prescribing';
 * const t: AssessorTotal = { assessorId: 'a1', category: 'assessment', total: 340 };
 * ```
 */
export interface AssessorTotal {
  /** The assessor. */
  readonly assessorId: string;
  /** The sheet's category (the score sheet's `category`): `assessment` or `moderated`. */
  readonly category: ScoreSheetCategory;
  /** The weighted total. */
  readonly total: number;
}

/**
 * A score sheet that does not count towards a bid's score, and why.
 *
 * @example
 * ```ts
 * import type { ScoreExclusion } from 'social-prescribing';
 * const e: ScoreExclusion = { assessorId: 'a2', category: 'assessment', reason: 'conflict_of_interest' };
 * ```
 */
export interface ScoreExclusion {
  /** The assessor. */
  readonly assessorId: string;
  /** The sheet's category (the score sheet's `category`): `assessment` or `moderated`. */
  readonly category: ScoreSheetCategory;
  /** Why it does not count. */
  readonly reason: ScoreExclusionReason;
}

/**
 * A bid's aggregated panel score.
 *
 * The score is the weighted mean (weights: each assessor's panel weight) of
 * the counted assessors' weighted totals, rounded half up to 4 decimal
 * places; every comparison (ranking, threshold, the optimiser's objective)
 * uses this rounded value, so results never depend on floating-point
 * accidents. A bid with a moderated sheet is scored from its moderated sheets
 * only. Sheets from conflicted assessors, and every sheet of an ineligible
 * bid, never count.
 *
 * @example
 * ```ts
 * import type { BidScore } from 'social-prescribing';
 * const s: BidScore['status'] = 'scored';
 * ```
 */
export interface BidScore {
  /** The bid. */
  readonly bidId: string;
  /** `scored`; `not_scored` (eligible, but no sheet counts); `ineligible` (no sheet counts). */
  readonly status: 'scored' | 'not_scored' | 'ineligible';
  /** The aggregated score, or null when not scored. */
  readonly score: number | null;
  /** The score as a percentage of the highest possible weighted total (2 decimal places), or null. */
  readonly percent: number | null;
  /** The highest possible weighted total: the sum over criteria of weight x the top of the scale. */
  readonly maxScore: number;
  /** The sheets that count. */
  readonly counted: readonly AssessorTotal[];
  /** The sheets that do not count, and why. */
  readonly excluded: readonly ScoreExclusion[];
  /** The largest difference between counted assessors' totals, as a percentage of `maxScore` (2 decimal places); null with fewer than two assessments. */
  readonly spreadPercent: number | null;
  /** Whether the assessments disagree beyond the round's spread. */
  readonly moderation: ModerationStatus;
}

/** @internal The score in units of 1/10,000 of a point, for exact comparison; null when not scored. */
export interface ScoredBid extends BidScore {
  readonly units: number | null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** @internal Aggregates validated sheets for validated bids. */
export function scoreBid(round: GrantRound, bid: Bid, eligible: boolean, sheets: readonly ScoreSheet[]): ScoredBid {
  const maxScore = round.scoring.criteria.reduce((s, c) => s + c.weight * round.scoring.scale.max, 0);
  const weightOf = new Map(round.panel.map((m) => [m.id, m.weight]));
  const conflicted = new Set(round.conflicts.filter((c) => c.providerId === bid.provider.id).map((c) => c.assessorId));
  const excluded: { assessorId: string; category: ScoreSheetCategory; reason: ScoreExclusionReason }[] = [];
  const usable: ScoreSheet[] = [];
  for (const sheet of sheets) {
    if (!eligible) excluded.push({ assessorId: sheet.assessorId, category: sheet.category, reason: 'bid_ineligible' });
    else if (conflicted.has(sheet.assessorId)) excluded.push({ assessorId: sheet.assessorId, category: sheet.category, reason: 'conflict_of_interest' });
    else usable.push(sheet);
  }
  const total = (s: ScoreSheet): number => round.scoring.criteria.reduce((sum, c) => sum + c.weight * (s.scores[c.id] ?? 0), 0);
  const assessments = usable.filter((s) => s.category === 'assessment');
  const moderated = usable.filter((s) => s.category === 'moderated');
  const spreadTotals = assessments.map(total);
  const spread = spreadTotals.length >= 2 ? Math.max(...spreadTotals) - Math.min(...spreadTotals) : null;
  const limit = round.scoring.moderationSpreadPercent;
  const disagree = spread !== null && limit !== undefined && spread * 100 > limit * maxScore;
  let counted: ScoreSheet[];
  if (moderated.length > 0) {
    counted = moderated;
    for (const s of assessments) excluded.push({ assessorId: s.assessorId, category: s.category, reason: 'superseded_by_moderation' });
  } else counted = assessments;
  const totals = counted.map((s) => ({ assessorId: s.assessorId, category: s.category, total: total(s) }));
  const byAssessor = (a: { assessorId: string; category: string }, b: { assessorId: string; category: string }): number =>
    a.assessorId < b.assessorId ? -1 : a.assessorId > b.assessorId ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0;
  totals.sort(byAssessor);
  excluded.sort(byAssessor);
  let units: number | null = null;
  if (totals.length > 0) {
    let num = 0;
    let den = 0;
    for (const t of totals) {
      const w = weightOf.get(t.assessorId) ?? 1;
      num += w * t.total;
      den += w;
    }
    // Round half up to 1/10,000 of a point, in integers.
    units = Math.floor((num * 20_000 + den) / (2 * den));
  }
  return {
    bidId: bid.id,
    status: !eligible ? 'ineligible' : units === null ? 'not_scored' : 'scored',
    score: units === null ? null : units / 10_000,
    percent: units === null ? null : round2((units / 10_000 / maxScore) * 100),
    maxScore,
    counted: totals,
    excluded,
    spreadPercent: spread === null ? null : round2((spread / maxScore) * 100),
    moderation: moderated.length > 0 ? 'moderated' : disagree ? 'flagged' : 'not_needed',
    units,
  };
}

/** @internal Scores every bid, in the order given. */
export function scoreAll(round: GrantRound, bids: readonly Bid[], sheets: readonly ScoreSheet[], eligible: readonly boolean[]): ScoredBid[] {
  const byBid = new Map<string, ScoreSheet[]>();
  for (const s of sheets) {
    const list = byBid.get(s.bidId);
    if (list === undefined) byBid.set(s.bidId, [s]);
    else list.push(s);
  }
  return bids.map((bid, i) => scoreBid(round, bid, eligible[i] ?? false, byBid.get(bid.id) ?? []));
}

/**
 * Aggregates the panel's score sheets into one score per bid (see
 * {@link BidScore} for the rule), leaving out every sheet from an assessor
 * with a declared conflict with the bidder and every sheet for an ineligible
 * bid, and flagging bids whose assessors disagree beyond the round's
 * moderation spread. Results are in the order of `bids`. Validates the round,
 * the bids and the sheets (unknown bids, assessors or criteria, scores off
 * the scale, duplicate sheets); nothing throws.
 *
 * @example
 * ```ts
 * import { aggregateScores, type Bid, type GrantRound, type ScoreSheet } from 'social-prescribing';
 *
 * declare const round: GrantRound;
 * declare const bids: Bid[];
 * declare const sheets: ScoreSheet[];
 * for (const s of aggregateScores(round, bids, sheets)._unsafeUnwrap()) {
 *   console.log(s.bidId, s.score, s.moderation);
 * }
 * ```
 */
export function aggregateScores(
  round: GrantRoundInput | GrantRound,
  bids: readonly (BidInput | Bid)[],
  sheets: readonly (ScoreSheetInput | ScoreSheet)[],
): Result<BidScore[], GrantRoundError | BidError | ScoreSheetError> {
  const r = validateRound(round);
  if (r.isErr()) return err(r.error);
  const b = validateBids(bids);
  if (b.isErr()) return err(b.error);
  const s = validateSheets(r.value, b.value, sheets);
  if (s.isErr()) return err(s.error);
  const eligible = b.value.map((bid) => eligibilityOf(r.value, bid).eligible);
  return ok(scoreAll(r.value, b.value, s.value, eligible).map(({ units: _units, ...score }) => score));
}
