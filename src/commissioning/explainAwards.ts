import type { Result } from 'neverthrow';
import { escapeMarkdown } from '../shared/text';
import { gbp } from '../shared/money';
import { checkDecisionShape, type CheckedDecision } from './decisionShape';
import type { ExplainAwardsError } from './errors';
import type { AwardDecision, DecisionReasonCode } from './types';

type BidDecision = CheckedDecision['decisions'][number];

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
  return checkDecisionShape(decision).map(render);
}

function render(decision: CheckedDecision): string {
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
