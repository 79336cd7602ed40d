// A participatory-budgeting round read from a Pabulib .pb file and decided
// end to end: the guide "Running a micro-commissioning round" walks through
// this file. The same six bids are then decided by a panel's scores with
// rank_order and optimal, so the three methods can be compared side by side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideAwards, exportAwardsTo360Giving, formatGbp, formatPabulib, parsePabulib, type AwardDecision, type ScoreSheetInput } from 'social-prescribing/commissioning';
// formatGbp refuses anything but whole pence (a Result); these amounts come from a decision.
const pounds = (pence: number): string => formatGbp(pence).unwrapOr('£?');

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`example failed: ${what}`);
}
const funded = (d: AwardDecision): string[] => d.decisions.filter((x) => x.outcome === 'funded').map((x) => x.bidId);

// 1. Read the file: a round, bids and ballots, and the selection it records.
const text = readFileSync(join(import.meta.dirname, 'participatory-budgeting.pb'), 'utf8');
const parsed = parsePabulib(text);
if (parsed.isErr()) {
  for (const issue of parsed.error.issues) console.error(issue.message); // e.g. "line 7, column cost: ..."
  throw new Error(parsed.error.code);
}
const { round, bids, ballots, selected } = parsed.value;

// 2. Decide by the Method of Equal Shares. The file's rule is equalshares/add1,
// so the round's completion is 'add1' and the decision reproduces the file.
const mes = decideAwards(round, bids, ballots, { method: 'equal_shares' })._unsafeUnwrap();
check(JSON.stringify([...funded(mes)].sort()) === JSON.stringify([...(selected ?? [])].sort()), 'the recorded selection is reproduced');
for (const d of mes.decisions) {
  console.log(`${d.bidId} ${d.outcome === 'funded' ? 'funded' : 'not funded'} ${pounds(d.amount)}: ${d.reason.message}`);
  for (const p of d.reason.payments ?? []) console.log(`    ${p.voterId} paid ${pounds(p.amount)} (exactly ${p.exact} pence)`);
}
console.log(`Add1 share per voter: ${mes.equalShares?.pots[0]?.share} pence; awarded ${pounds(mes.awarded)} of ${pounds(mes.budget)}`);
check(JSON.stringify(funded(mes)) === JSON.stringify(['P6', 'P2', 'P3', 'P5', 'P4']), 'MES funds P6, P2, P3, P5, P4');

// 3. The same bids scored by a panel (one assessor, one 0-10 criterion), for rank_order and optimal.
const panelRound = {
  ...round,
  scoring: { scale: { min: 0, max: 10 }, criteria: [{ id: 'overall', title: 'Overall', weight: 1 }] },
  panel: [{ id: 'a1', weight: 1 }],
};
const panelScores: Record<string, number> = { P1: 9, P2: 8, P3: 7, P4: 7, P5: 6, P6: 3 };
const sheets: ScoreSheetInput[] = bids.map((b) => ({ bidId: b.id, assessorId: 'a1', scores: { overall: panelScores[b.id] ?? 0 } }));
const rank = decideAwards(panelRound, bids, sheets, { method: 'rank_order' })._unsafeUnwrap();
const best = decideAwards(panelRound, bids, sheets, { method: 'optimal' })._unsafeUnwrap();
console.log(`rank_order:   ${funded(rank).join(', ')} (${pounds(rank.awarded)}, total score ${rank.totalScore})`);
console.log(`optimal:      ${funded(best).join(', ')} (${pounds(best.awarded)}, total score ${best.totalScore})`);
console.log(`equal_shares: ${funded(mes).join(', ')} (${pounds(mes.awarded)})`);
check(JSON.stringify(funded(rank)) === JSON.stringify(['P1', 'P2', 'P4', 'P6']), 'rank order funds P1, P2, P4, P6');
check(JSON.stringify([...funded(best)].sort()) === JSON.stringify(['P2', 'P3', 'P4', 'P5', 'P6']), 'optimal funds P2 to P6');

// 4. Write the round and its decision back as a .pb file.
const pb = formatPabulib(round, bids, ballots, mes)._unsafeUnwrap();
check(pb.includes('rule;equalshares/add1') && pb.includes('P1;4000;5;Youth football kit;physical_activity;0'), 'formatPabulib writes the file back');

// 5. Publish the funded grants as 360Giving open data.
const grants = exportAwardsTo360Giving(round, bids, mes, {
  fundingOrganization: { id: 'GB-CHC-1088888', name: 'Voluntary Action Example' },
  idPrefix: '360G-vaexample',
  awardDate: '2025-10-06',
})._unsafeUnwrap();
console.log(JSON.stringify({ grants: grants.slice(0, 1) }, null, 2));
check(grants.length === 5 && grants[0]?.amountAwarded === 1000, 'five grants, amounts in pounds');
