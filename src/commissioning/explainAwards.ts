import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError } from '../shared/errors';
import { escapeMarkdown } from '../shared/text';
import { gbp, PenceSchema } from '../shared/money';
import { safeParse } from '../shared/safeParse';
import { issuesFromZod } from '../shared/zodIssues';
import { MODERATION_STATUSES, SCORE_EXCLUSION_REASONS } from './aggregateScores';
import { BID_ELIGIBILITY_RULES } from './checkBidEligibility';
import type { ExplainAwardsError } from './errors';
import { AWARD_METHODS, DECISION_REASONS, type AwardDecision, type DecisionReasonCode } from './types';

// What explainAwards reads, checked once (an AwardDecision has more).
const ExplainedDecisionSchema = z.object({
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
        providerType: z.string(),
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

/** The part of an `AwardDecision` `explainAwards` reads, as validated. */
type ExplainedDecision = z.infer<typeof ExplainedDecisionSchema>;

type BidDecision = ExplainedDecision['decisions'][number];

const md = escapeMarkdown;

const REASON_TEXT: Record<DecisionReasonCode, string> = {
  funded: 'Funded',
  partially_funded: 'Partly funded',
  ineligible: 'Ineligible',
  not_scored: 'Not scored',
  below_quality_threshold: 'Below the quality threshold',
  budget_exhausted: 'Budget exhausted',
  ring_fence: 'Ring-fence',
  provider_cap: 'Provider cap',
  outscored: 'Outscored',
  not_affordable: 'Not affordable to its supporters',
  no_support: 'No support',
};

const score = (d: BidDecision): string => (d.score.score === null ? 'n/a' : `${d.score.score} (${d.score.percent}%)`);

function moderation(d: BidDecision): string {
  const s = d.score;
  const spread = s.spreadPercent === null ? '' : ` (spread ${s.spreadPercent} points)`;
  switch (s.moderation) {
    case 'not_needed':
      return spread === '' ? '' : `agreed${spread}`;
    case 'flagged':
      return `**flagged**${spread}`;
    case 'moderated':
      return `moderated${spread}`;
    default:
      s.moderation satisfies never;
      return '';
  }
}

function assessors(d: BidDecision): string {
  const counted = d.score.counted.length;
  const conflicts = d.score.excluded.filter((e) => e.reason === 'conflict_of_interest').length;
  return conflicts > 0 ? `${counted} (${conflicts} conflicted, excluded)` : `${counted}`;
}

/**
 * Renders an award decision as Markdown a panel can publish: the method and
 * tie-break rule, the budget and what was awarded, the use of each
 * ring-fence, a table of every bid (rank, provider type, amount requested,
 * score, assessors counted, moderation, decision, grant, reason) and the
 * failed rules of ineligible bids. Only ids, codes, amounts and scores appear:
 * no name, summary, comment or note from the round, bids or score sheets is
 * ever echoed, so the text carries no personal data; publish a list of
 * organisation names against bid ids alongside if you want them shown.
 * The decision is checked first (`invalid_award_decision`); nothing throws.
 *
 * @example
 * ```ts
 * import { decideAwards, explainAwards, type Bid, type GrantRound, type ScoreSheet } from 'social-prescribing';
 *
 * declare const round: GrantRound;
 * declare const bids: Bid[];
 * declare const scores: ScoreSheet[];
 * const decision = decideAwards(round, bids, scores, { method: 'rank_order' })._unsafeUnwrap();
 * console.log(explainAwards(decision)._unsafeUnwrap()); // '# Grant awards: round ...'
 * ```
 */
export function explainAwards(decision: AwardDecision): Result<string, ExplainAwardsError> {
  const parsed = safeParse(ExplainedDecisionSchema, decision);
  if (!parsed.success) return err(createValidationError('invalid_award_decision', 'award decision', issuesFromZod(parsed.error, decision)));
  return ok(render(parsed.data));
}

function render(decision: ExplainedDecision): string {
  const out: string[] = [];
  const funded = decision.decisions.filter((d) => d.outcome === 'funded');
  const partial = funded.filter((d) => d.partial).length;
  out.push(`# Grant awards: round ${md(decision.round.id)}`);
  out.push('');
  out.push(
    `Contract ${md(decision.round.contractId)} (${decision.round.serviceArea}). Method: **${decision.method}**. ` +
      `${decision.decisions.length} bid${decision.decisions.length === 1 ? '' : 's'}; ${funded.length} funded` +
      `${partial > 0 ? ` (${partial} in part)` : ''}.`,
  );
  out.push('');
  out.push(`- Budget: ${gbp(decision.budget)}`);
  out.push(`- Awarded: ${gbp(decision.awarded)}`);
  out.push(`- Unspent: ${gbp(decision.unspent)}`);
  out.push(`- Total score of bids funded in full: ${decision.totalScore}`);
  if (decision.optimality !== null) {
    const o = decision.optimality;
    out.push(
      o.status === 'optimal'
        ? `- Optimality: proven optimal (${o.nodes} search nodes)${o.tieBreakApplied ? '' : '; the search stopped before the tie-break between equally good sets was settled'}`
        : `- Optimality: search stopped at ${o.nodes} nodes; the best possible total is at most ${o.upperBound} (gap ${o.gapPercent}%)`,
    );
  }
  const q = decision.round.qualityThresholdPercent;
  if (q !== null) out.push(`- Quality threshold: ${q}% of the maximum score`);
  const cap = decision.round.perProviderCap;
  if (cap.maxGrants !== null || cap.maxAmount !== null) {
    const parts = [cap.maxGrants !== null ? `${cap.maxGrants} grant${cap.maxGrants === 1 ? '' : 's'}` : null, cap.maxAmount !== null ? gbp(cap.maxAmount) : null];
    out.push(`- Per-provider cap: at most ${parts.filter((p) => p !== null).join(' and ')}`);
  }
  if (decision.round.partialFundingMinimumPercent !== null) {
    out.push(`- Partial funding: a bid that does not fit may be offered what is left, if at least ${decision.round.partialFundingMinimumPercent}% of its request`);
  }
  out.push('');
  out.push(`Ranking and ties: ${decision.tieBreak}`);

  if (decision.ringFences.length > 0) {
    out.push('');
    out.push('## Ring-fences');
    out.push('');
    out.push('| Ring-fence | Need domain | Reserved | Awarded to bids serving it | Reserve unspent |');
    out.push('|---|---|---:|---:|---:|');
    for (const f of decision.ringFences) {
      out.push(`| ${md(f.id)} | ${md(f.needDomain)} | ${gbp(f.reserved)} (${f.minimumPercent}%) | ${gbp(f.awardedToDomain)} | ${gbp(f.unspentReserve)} |`);
    }
  }

  out.push('');
  out.push('## Bids');
  out.push('');
  out.push('| Rank | Bid | Provider type | Requested | Score (% of max) | Assessors | Moderation | Decision | Grant | Reason |');
  out.push('|---:|---|---|---:|---|---|---|---|---:|---|');
  for (const d of decision.decisions) {
    const type = d.newGroup ? `${d.providerType} (new group)` : d.providerType;
    out.push(
      `| ${d.rank ?? ''} | ${md(d.bidId)} | ${md(type)} | ${gbp(d.requested)} | ${score(d)} | ${assessors(d)} | ${moderation(d)} | ` +
        `${REASON_TEXT[d.reason.code]} | ${d.amount > 0 ? gbp(d.amount) : ''} | ${md(d.reason.message)} |`,
    );
  }

  const ineligible = decision.decisions.filter((d) => d.reason.code === 'ineligible');
  if (ineligible.length > 0) {
    out.push('');
    out.push('## Ineligible bids');
    out.push('');
    for (const d of ineligible) {
      out.push(`- ${md(d.bidId)}: ${(d.reason.failures ?? []).map((f) => `${md(f.code)} (${md(f.message)})`).join('; ')}`);
    }
  }
  out.push('');
  return out.join('\n');
}
