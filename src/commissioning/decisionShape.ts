// The one check of an `AwardDecision` handed back to the library (to explain,
// export or read facts from): every field any of those functions reads, checked
// cheaply and once, so a reloaded or hand-edited decision gets a coded error
// with the path of the field at fault instead of a throw or a wrong file.
// Kept apart from validate.ts because it reads constants of aggregateScores and
// checkBidEligibility, which import validate.ts.
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { PenceSchema } from '../shared/money';
import { safeParse } from '../shared/safeParse';
import { issuesFromZod } from '../shared/zodIssues';
import { MODERATION_STATUSES, SCORE_EXCLUSION_REASONS } from './aggregateScores';
import { BID_ELIGIBILITY_RULES } from './checkBidEligibility';
import type { AwardDecisionError } from './errors';
import { BidActivitySchema, type Bid, type GrantRound } from './schema';
import { AWARD_METHODS, DECISION_REASONS } from './types';

const DecisionShapeSchema = z.object({
  round: z.object({
    id: z.string(),
    contractId: z.string(),
    serviceArea: z.string(),
    qualityThresholdPercent: z.number().nullable(),
    partialFundingMinimumPercent: z.number().nullable(),
    perProviderCap: z.object({ maxGrants: z.int().nullable(), maxAmount: PenceSchema.nullable() }),
  }),
  method: z.enum(AWARD_METHODS),
  tieBreak: z.string(),
  budget: PenceSchema,
  awarded: PenceSchema,
  unspent: PenceSchema,
  totalScore: z.number(),
  optimality: z
    .object({ status: z.enum(['optimal', 'node_limit']), nodes: z.number(), upperBound: z.number(), gapPercent: z.number(), tieBreakApplied: z.boolean() })
    .nullable(),
  ringFences: z.array(
    z.object({ id: z.string(), needDomain: z.string(), minimumPercent: z.number(), reserved: PenceSchema, awardedToDomain: PenceSchema, unspentReserve: PenceSchema }),
  ),
  decisions: z
    .array(
      z.object({
        bidId: z.string(),
        providerId: z.string(),
        providerType: z.string(),
        activity: BidActivitySchema,
        newGroup: z.boolean(),
        requested: PenceSchema,
        score: z.object({
          score: z.number().nullable(),
          percent: z.number().nullable(),
          spreadPercent: z.number().nullable(),
          moderation: z.enum(MODERATION_STATUSES),
          counted: z.array(z.unknown()),
          excluded: z.array(z.object({ reason: z.enum(SCORE_EXCLUSION_REASONS) })),
        }),
        rank: z.int().min(1).nullable(),
        outcome: z.enum(['funded', 'not_funded']),
        amount: PenceSchema,
        partial: z.boolean(),
        reason: z.object({
          code: z.enum(DECISION_REASONS),
          message: z.string(),
          failures: z.array(z.object({ code: z.enum(BID_ELIGIBILITY_RULES), message: z.string() })).optional(),
        }),
      }),
    )
    .max(100_000),
});

/** @internal An `AwardDecision` as checked: the fields the library's readers of a decision rely on. */
export type CheckedDecision = z.infer<typeof DecisionShapeSchema>;

/** @internal Checks, once, the shape of an `AwardDecision` (`invalid_award_decision`); the checked copy is what the caller reads. */
export function checkDecisionShape(input: unknown): Result<CheckedDecision, AwardDecisionError> {
  const parsed = safeParse(DecisionShapeSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_award_decision', 'award decision', issuesFromZod(parsed.error, input)));
  return ok(parsed.data);
}

const anotherRound: ValidationIssue = { path: ['round', 'id'], code: 'invalid_reference', message: 'round.id: the decision is for another round' };

/** @internal Checks an `AwardDecision`'s shape, that it is a decision on `round`, and that it decides exactly the given bids. */
export function validateDecision(round: GrantRound, bids: readonly Bid[], input: unknown): Result<CheckedDecision, AwardDecisionError> {
  return checkDecisionShape(input).andThen((decision) => {
    const issues: ValidationIssue[] = [];
    if (decision.round.id !== round.id) issues.push(anotherRound);
    const ids = new Set(bids.map((b) => b.id));
    const decided = new Set<string>();
    decision.decisions.forEach((d, i) => {
      if (!ids.has(d.bidId)) issues.push({ path: ['decisions', i, 'bidId'], code: 'invalid_reference', message: `decisions[${i}].bidId: names none of the bids` });
      else if (decided.has(d.bidId)) issues.push({ path: ['decisions', i, 'bidId'], code: 'duplicate_id', message: `decisions[${i}].bidId: the bid is decided earlier in the list` });
      decided.add(d.bidId);
    });
    if (issues.length === 0 && decided.size !== ids.size) issues.push({ path: ['decisions'], code: 'invalid', message: `decisions: decides ${decided.size} of the ${ids.size} bids; a decision gives every bid exactly one decision` });
    if (issues.length > 0) return err(createValidationError('invalid_award_decision', 'award decision', issues));
    return ok(decision);
  });
}

/** @internal Checks an `AwardDecision`'s shape and that it is a decision on `round`. */
export function validateDecisionOn(round: GrantRound, input: unknown): Result<CheckedDecision, AwardDecisionError> {
  return checkDecisionShape(input).andThen((decision) =>
    decision.round.id === round.id ? ok(decision) : err(createValidationError('invalid_award_decision', 'award decision', [anotherRound])),
  );
}

const DecisionListSchema = z.array(DecisionShapeSchema).max(10_000);

/** @internal Checks the shape of each `AwardDecision` of a list (issue paths start with the decision's index). */
export function validateDecisions(input: unknown): Result<CheckedDecision[], AwardDecisionError> {
  const parsed = safeParse(DecisionListSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_award_decision', 'list of award decisions', issuesFromZod(parsed.error, input)));
  return ok(parsed.data);
}
