import { err, ok, type Result } from 'neverthrow';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import type { FormatPabulibError } from './errors';
import { pbField, penceToUnits } from './pabulib';
import type { Ballot, Bid, BidInput, GrantRound, GrantRoundInput } from './schema';
import type { AwardDecision } from './types';
import { validateDecision } from './decisionShape';
import { validateBallots, validateBids, validateRound } from './validate';

const RULE_OF = { add1: 'equalshares/add1', none: 'equalshares' } as const;

/** `YYYY-MM-DD` as Pabulib's `dd.mm.yyyy`. */
const pbDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function unrepresentable(id: string): string | null {
  if (id !== id.trim()) return 'has blanks at either end, which a .pb reader removes';
  if (id.toLowerCase() === 'none') return 'is "none", which a .pb file reads as no value';
  return null;
}

/**
 * Writes a participatory-budgeting round, its bids, ballots and decision as a
 * Pabulib `.pb` file (pabulib.org/format), the open format `parsePabulib`
 * reads: `META` (description, budget, vote type, rule, dates, and the
 * library's own keys `round_id`, `contract_id` and, when the round sets one,
 * `equal_shares_completion`), `PROJECTS` (`project_id`, `cost`, `votes`,
 * `score` for score ballots, `name`, `category` from the need domains, and
 * `selected`: 1 for each bid the decision funds) and `VOTES`. Amounts are
 * written in currency units (pence / 100). Fields are quoted only when they
 * must be. `rule` is `equalshares/add1` or `equalshares` when the round's
 * Equal Shares completion is `add1` or `none`, else `unknown`.
 *
 * Approval ballots make an `approval` file, score ballots a `scoring` file
 * (each vote's projects in decreasing order of points); a mix is written as
 * `scoring` with an approval as 1 point. `parsePabulib(formatPabulib(...))`
 * gives back the same round, bids and ballots for a round `parsePabulib`
 * made. Refuses what a `.pb` file cannot hold (`not_representable_in_pabulib`):
 * ring-fences, and ids it would read back differently.
 *
 * @example
 * ```ts
 * import { decideAwards, formatPabulib, parsePabulib } from 'social-prescribing';
 *
 * const text = ['META', 'key;value', 'budget;300', 'vote_type;approval', 'PROJECTS', 'project_id;cost', 'A;200', 'B;100',
 *   'VOTES', 'voter_id;vote', 'v1;A', 'v2;A,B'].join('\n');
 * const { round, bids, ballots } = parsePabulib(text)._unsafeUnwrap();
 * const decision = decideAwards(round, bids, ballots, { method: 'equal_shares' })._unsafeUnwrap();
 * const pb = formatPabulib(round, bids, ballots, decision)._unsafeUnwrap();
 * pb.startsWith('META\nkey;value\n'); // true
 * ```
 */
export function formatPabulib(
  round: GrantRoundInput | GrantRound,
  bids: readonly (BidInput | Bid)[],
  ballots: readonly Ballot[],
  decision: AwardDecision,
): Result<string, FormatPabulibError> {
  const r = validateRound(round);
  if (r.isErr()) return err(r.error);
  const b = validateBids(bids);
  if (b.isErr()) return err(b.error);
  const v = validateBallots(b.value, ballots);
  if (v.isErr()) return err(v.error);
  const d = validateDecision(r.value, b.value, decision);
  if (d.isErr()) return err(d.error);
  const theRound = r.value;
  const theBids = b.value;
  const theBallots = v.value;

  const issues: ValidationIssue[] = [];
  theBids.forEach((bid, i) => {
    const why = bid.id.includes(',') ? 'contains a comma, which separates the ids of a vote' : unrepresentable(bid.id);
    if (why !== null) issues.push({ path: ['bids', i, 'id'], code: 'invalid', message: `bids[${i}].id: ${why}` });
  });
  theBallots.forEach((ballot, i) => {
    const why = unrepresentable(ballot.voterId);
    if (why !== null) issues.push({ path: ['ballots', i, 'voterId'], code: 'invalid', message: `ballots[${i}].voterId: ${why}` });
  });
  if (theRound.ringFences.length > 0) issues.push({ path: ['round', 'ringFences'], code: 'invalid', message: 'round.ringFences: a .pb file has no ring-fences; decide each ring-fenced pot as a round of its own' });
  if (unrepresentable(theRound.id) !== null) issues.push({ path: ['round', 'id'], code: 'invalid', message: `round.id: ${unrepresentable(theRound.id)!}` });
  if (issues.length > 0) return err(createValidationError('not_representable_in_pabulib', 'round for a .pb file', issues));

  const scored = theBallots.some((x) => x.scores !== undefined);
  const funded = new Set(d.value.decisions.filter((x) => x.outcome === 'funded').map((x) => x.bidId));
  const votes = new Map<string, number>(theBids.map((x) => [x.id, 0]));
  const score = new Map<string, number>(theBids.map((x) => [x.id, 0]));
  const entries = theBallots.map((ballot) => {
    const list: [string, number][] = ballot.scores !== undefined ? Object.entries(ballot.scores) : (ballot.approvals ?? []).map((id) => [id, 1]);
    for (const [id, pts] of list) {
      if (pts > 0) votes.set(id, votes.get(id)! + 1);
      score.set(id, score.get(id)! + pts);
    }
    if (scored) list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return { voterId: ballot.voterId, list };
  });
  const completion = theRound.equalShares?.completion;
  const rule = completion === 'add1' || completion === 'none' ? RULE_OF[completion] : 'unknown';
  const line = (...fields: string[]): string => fields.map(pbField).join(';');
  const out: string[] = ['META', 'key;value'];
  const meta: [string, string][] = [
    ['description', theRound.name],
    ['country', 'unknown'],
    ['unit', theRound.contract.id],
    ['instance', theRound.id],
    ['num_projects', `${theBids.length}`],
    ['num_votes', `${theBallots.length}`],
    ['budget', penceToUnits(theRound.budget)],
    ['vote_type', scored ? 'scoring' : 'approval'],
    ['rule', rule],
    ['date_begin', pbDate(theRound.window.opens)],
    ['date_end', pbDate(theRound.window.closes)],
    ['round_id', theRound.id],
    ['contract_id', theRound.contract.id],
  ];
  if (completion !== undefined) meta.push(['equal_shares_completion', completion]);
  for (const [k, val] of meta) out.push(line(k, val));
  out.push('PROJECTS', scored ? 'project_id;cost;votes;score;name;category;selected' : 'project_id;cost;votes;name;category;selected');
  for (const bid of theBids) {
    const row = [bid.id, penceToUnits(bid.requested), `${votes.get(bid.id)!}`];
    if (scored) row.push(`${score.get(bid.id)!}`);
    row.push(bid.activity.name, bid.needDomains.join(','), funded.has(bid.id) ? '1' : '0');
    out.push(line(...row));
  }
  out.push('VOTES', scored ? 'voter_id;vote;points' : 'voter_id;vote');
  for (const e of entries) {
    const row = [e.voterId, e.list.map(([id]) => id).join(',')];
    if (scored) row.push(e.list.map(([, pts]) => `${pts}`).join(','));
    out.push(line(...row));
  }
  return ok(`${out.join('\n')}\n`);
}
