import { err, ok, type Result } from 'neverthrow';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { IdSchema, NeedDomainSchema } from '../shared/schemas';
import { NEED_DOMAINS, PROVIDER_TYPES, type NeedDomain } from '../shared/vocabulary';
import type { PabulibError } from './errors';
import { lineIssue, pbRecords, unitsToPence, type PbRecord } from './pabulib';
import { MAX_PENCE } from '../shared/money';
import { EQUAL_SHARES_COMPLETIONS, type Ballot, type Bid, type EqualSharesCompletion, type GrantRound, type RoundHistoryEntry } from './schema';
import { DAY_MS, momentOf, startOfUtcDay } from '../shared/time';
import { validateBallots, validateBids, validateRound } from './validate';

/** The history of a round whose vote ran from `opens` to `closes` (UTC days) and is now being counted. */
function countingHistory(opens: string, closes: string): RoundHistoryEntry[] {
  const opened = momentOf(startOfUtcDay(opens)).dateTime;
  const closed = momentOf(startOfUtcDay(closes) + DAY_MS).dateTime;
  return [
    { event: 'open', from: 'draft', to: 'open', at: opened, by: 'pabulib' },
    { event: 'close', from: 'open', to: 'closed', at: closed, by: 'pabulib' },
    { event: 'start_assessment', from: 'closed', to: 'assessing', at: closed, by: 'pabulib' },
  ];
}

/**
 * A participatory-budgeting round read from a Pabulib `.pb` file: a round,
 * bids and ballots that `decideAwards(round, bids, ballots, { method: 'equal_shares' })`
 * accepts as they are, and the selection the file records (`null` when the
 * file has no `selected` column).
 *
 * @example
 * ```ts
 * import type { PabulibElection } from 'social-prescribing';
 * const funded = (e: PabulibElection): readonly string[] => e.selected ?? [];
 * ```
 */
export interface PabulibElection {
  /** The round: the budget (in hundredths of the file's currency, "pence"), dates, and the Equal Shares completion the file's `rule` names. */
  readonly round: GrantRound;
  /** One bid per project: id `project_id`, `requested` its cost, need domains from its categories. */
  readonly bids: readonly Bid[];
  /** One ballot per vote: approvals (`approval`, `choose-1`) or scores (`scoring`, `cumulative`). */
  readonly ballots: readonly Ballot[];
  /** The ids of the projects the file marks `selected` 1, in file order; `null` when it has no `selected` column. */
  readonly selected: readonly string[] | null;
}

/** Pabulib `rule` values and the completion each means. */
const RULE_COMPLETION: Readonly<Record<string, EqualSharesCompletion>> = { 'equalshares/add1': 'add1', equalshares: 'none' };

const isId = (s: string): boolean => IdSchema.safeParse(s).success;

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

function needDomainOf(category: string): NeedDomain | null {
  const c = category.trim();
  if (c === '') return null;
  if ((NEED_DOMAINS as readonly string[]).includes(c) || (c.startsWith('x_') && NeedDomainSchema.safeParse(c).success)) return c as NeedDomain;
  const s = slug(c).replace(/-/g, '_').slice(0, 60);
  return s === '' ? null : (`x_${s}` as NeedDomain);
}

/** `dd.mm.yyyy` or `yyyy` (Pabulib's date forms) as an ISO date; a year alone is its first or last day. */
function isoDate(text: string | undefined, end: boolean): string | null {
  if (text === undefined) return null;
  const t = text.trim();
  let m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(t);
  if (m !== null) {
    const iso = `${m[3]}-${m[2]}-${m[1]}`;
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
  }
  m = /^(\d{4})$/.exec(t);
  if (m !== null) return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m !== null) {
    const d = new Date(`${t}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t ? null : t;
  }
  return null;
}

type Section = 'meta' | 'projects' | 'votes';

/**
 * Reads a Pabulib `.pb` file (pabulib.org/format: `META`, `PROJECTS` and
 * `VOTES` sections of semicolon-separated records with CSV quoting) into a
 * round, bids and ballots for `decideAwards(round, bids, ballots, { method: 'equal_shares' })`,
 * with the selection the file records.
 *
 * Tolerant of what real files do: a byte-order mark, blank lines, `\r\n`
 * line ends, quoted fields (`""` for a quote, separators and line breaks
 * inside), blanks around fields, section titles in any case, optional and
 * unknown columns in any order, `none` for an absent value, decimal commas
 * and thousands spaces in amounts, and a `key: value` META line.
 *
 * The mapping: amounts become whole hundredths of the file's currency (the
 * library's "pence"; a cost with more than two decimal places is refused);
 * each project becomes a bid (id `project_id`; provider and activity named
 * after the project; need domains from `category`, a code of `NEED_DOMAINS`
 * as it is, any other category as an extension code `x_...`); each vote a
 * ballot (`approval` and `choose-1` as approvals; `scoring` and `cumulative`
 * as scores, which must be whole numbers from 0). `rule` `equalshares/add1`
 * sets the round's Equal Shares completion to `add1` and `equalshares` to
 * `none` (see `EQUAL_SHARES_COMPLETIONS`), so that `decideAwards`
 * reproduces the file's rule; other rules leave the library's default. The
 * round id is META `round_id` when present, else made from `unit`,
 * `subunit` and `instance`.
 *
 * Returns `invalid_pabulib` listing every problem, each with the line (and
 * column) at fault; messages never repeat the file's content. `ordinal`
 * votes are refused: the Method of Equal Shares needs approvals or scores.
 *
 * @example
 * ```ts
 * import { decideAwards, parsePabulib } from 'social-prescribing';
 *
 * const text = [
 *   'META', 'key;value', 'budget;300', 'vote_type;approval', 'rule;equalshares/add1',
 *   'PROJECTS', 'project_id;cost;selected', 'A;200;0', 'B;100;0', 'C;150;1',
 *   'VOTES', 'voter_id;vote', 'v1;A,C', 'v2;A,C', 'v3;B,C',
 * ].join('\n');
 * const { round, bids, ballots, selected } = parsePabulib(text)._unsafeUnwrap();
 * const decision = decideAwards(round, bids, ballots, { method: 'equal_shares' })._unsafeUnwrap();
 * decision.decisions.filter((d) => d.outcome === 'funded').map((d) => d.bidId); // ['C'], as `selected`
 * selected; // ['C']
 * ```
 */
export function parsePabulib(text: unknown): Result<PabulibElection, PabulibError> {
  const fail = (issues: ValidationIssue[]) => err(createValidationError('invalid_pabulib', 'Pabulib file', issues));
  if (typeof text !== 'string') return fail([{ path: [], code: 'invalid_type', message: '(root): expected the text of a .pb file (a string)' }]);
  const { records, unterminatedAt } = pbRecords(text);
  if (unterminatedAt !== null) return fail([lineIssue(unterminatedAt, null, 'invalid_format', 'a quoted field is not closed')]);

  const issues: ValidationIssue[] = [];
  const sections: Record<Section, { line: number; header: string[]; rows: PbRecord[] } | undefined> = { meta: undefined, projects: undefined, votes: undefined };
  let current: Section | null = null;
  let wantHeader = false;
  for (const rec of records) {
    const title = rec.fields.length === 1 || rec.fields.slice(1).every((f) => f.trim() === '') ? rec.fields[0]!.trim().toLowerCase() : '';
    if (title === 'meta' || title === 'projects' || title === 'votes') {
      if (sections[title] !== undefined) issues.push(lineIssue(rec.line, null, 'duplicate_id', `the ${title.toUpperCase()} section appears twice`));
      sections[title] = { line: rec.line, header: [], rows: [] };
      current = title;
      wantHeader = true;
      continue;
    }
    if (current === null) {
      issues.push(lineIssue(rec.line, null, 'invalid', 'data before the first section title (META, PROJECTS or VOTES)'));
      continue;
    }
    const sec = sections[current]!;
    if (wantHeader) {
      sec.header = rec.fields.map((f) => f.trim().toLowerCase());
      wantHeader = false;
    } else sec.rows.push(rec);
  }
  for (const s of ['meta', 'projects', 'votes'] as const) {
    if (sections[s] === undefined) issues.push({ path: [s.toUpperCase()], code: 'missing_field', message: `${s.toUpperCase()}: the section is missing` });
  }
  if (issues.length > 0) return fail(issues);
  const meta = sections.meta!;
  const projects = sections.projects!;
  const votes = sections.votes!;

  // META: key;value rows (a lone "key: value" is read too).
  const m = new Map<string, { value: string; line: number }>();
  for (const rec of meta.rows) {
    let key: string;
    let value: string;
    if (rec.fields.length >= 2) {
      key = rec.fields[0]!;
      value = rec.fields.slice(1).join(';');
    } else {
      const at = rec.fields[0]!.indexOf(':');
      if (at < 0) {
        issues.push(lineIssue(rec.line, null, 'invalid_format', 'a META line needs a key and a value separated by ";"'));
        continue;
      }
      key = rec.fields[0]!.slice(0, at);
      value = rec.fields[0]!.slice(at + 1);
    }
    m.set(key.trim().toLowerCase(), { value: value.trim(), line: rec.line });
  }
  const metaValue = (k: string): string | undefined => {
    const v = m.get(k)?.value;
    return v === undefined || v === '' || v.toLowerCase() === 'none' ? undefined : v;
  };
  const budgetEntry = m.get('budget');
  let budget = 0;
  if (budgetEntry === undefined) issues.push({ path: ['META', 'budget'], code: 'missing_field', message: `line ${meta.line}, META: the key budget is missing` });
  else {
    const b = unitsToPence(budgetEntry.value, MAX_PENCE);
    if (b === null) issues.push(lineIssue(budgetEntry.line, 'budget', 'invalid_value', 'expected an amount of at least 0 with at most two decimal places'));
    else budget = b;
  }
  const voteTypeEntry = m.get('vote_type');
  const voteType = (voteTypeEntry?.value ?? 'approval').toLowerCase();
  if (!['approval', 'choose-1', 'scoring', 'cumulative'].includes(voteType)) {
    issues.push(lineIssue(voteTypeEntry!.line, 'vote_type', 'invalid_value', 'expected approval, choose-1, scoring or cumulative (the Method of Equal Shares cannot use ordinal votes)'));
  }
  const scored = voteType === 'scoring' || voteType === 'cumulative';
  const ruleValue = metaValue('rule')?.toLowerCase();
  const completionValue = metaValue('equal_shares_completion');
  const completion: EqualSharesCompletion | undefined =
    completionValue !== undefined && (EQUAL_SHARES_COMPLETIONS as readonly string[]).includes(completionValue)
      ? (completionValue as EqualSharesCompletion)
      : ruleValue === undefined
        ? undefined
        : RULE_COMPLETION[ruleValue];
  const opens = isoDate(metaValue('date_begin'), false) ?? '1970-01-01';
  let closes = isoDate(metaValue('date_end'), true) ?? opens;
  if (closes < opens) closes = opens;
  const roundIdMeta = metaValue('round_id');
  const derived = slug([metaValue('unit'), metaValue('subunit'), metaValue('instance')].filter((x) => x !== undefined).join(' '));
  const roundId = roundIdMeta !== undefined && isId(roundIdMeta) ? roundIdMeta : derived === '' ? 'pabulib' : derived;
  const name = (metaValue('description') ?? 'Participatory budgeting').slice(0, 300);
  const contractMeta = metaValue('contract_id');
  const contractId = contractMeta !== undefined && isId(contractMeta) ? contractMeta : 'participatory-budgeting';

  // PROJECTS.
  const col = (header: string[], ...names: string[]): number => header.findIndex((h) => names.includes(h));
  const pId = col(projects.header, 'project_id');
  const pCost = col(projects.header, 'cost');
  const pName = col(projects.header, 'name');
  const pCat = col(projects.header, 'category', 'categories');
  const pSel = col(projects.header, 'selected');
  if (pId < 0) issues.push(lineIssue(projects.line + 1, 'project_id', 'missing_field', 'the PROJECTS header has no project_id column'));
  if (pCost < 0) issues.push(lineIssue(projects.line + 1, 'cost', 'missing_field', 'the PROJECTS header has no cost column'));
  const vId = col(votes.header, 'voter_id');
  const vVote = col(votes.header, 'vote');
  const vPoints = col(votes.header, 'points');
  if (vId < 0) issues.push(lineIssue(votes.line + 1, 'voter_id', 'missing_field', 'the VOTES header has no voter_id column'));
  if (vVote < 0) issues.push(lineIssue(votes.line + 1, 'vote', 'missing_field', 'the VOTES header has no vote column'));
  if (scored && vPoints < 0) issues.push(lineIssue(votes.line + 1, 'points', 'missing_field', `the VOTES header has no points column (required for ${voteType} votes)`));
  if (pId < 0 || pCost < 0 || vId < 0 || vVote < 0 || (scored && vPoints < 0)) return fail(issues);

  const cell = (rec: PbRecord, i: number): string | undefined => {
    if (i < 0) return undefined;
    const v = rec.fields[i]?.trim();
    return v === undefined || v === '' || v.toLowerCase() === 'none' ? undefined : v;
  };
  const bids: Bid[] = [];
  const selected: string[] = [];
  const projectIds = new Set<string>();
  for (const rec of projects.rows) {
    const id = cell(rec, pId);
    if (id === undefined || !isId(id)) {
      issues.push(lineIssue(rec.line, 'project_id', id === undefined ? 'missing_field' : 'invalid_format', 'expected a project id of 1 to 200 characters without control characters'));
      continue;
    }
    if (projectIds.has(id)) {
      issues.push(lineIssue(rec.line, 'project_id', 'duplicate_id', 'the same project id appears on an earlier line'));
      continue;
    }
    projectIds.add(id);
    const costText = cell(rec, pCost);
    const cost = costText === undefined ? null : unitsToPence(costText, MAX_PENCE);
    if (cost === null) {
      issues.push(lineIssue(rec.line, 'cost', costText === undefined ? 'missing_field' : 'invalid_value', 'expected an amount of at least 0 with at most two decimal places'));
      continue;
    }
    const sel = cell(rec, pSel);
    if (sel !== undefined && !/^\d+$/.test(sel)) issues.push(lineIssue(rec.line, 'selected', 'invalid_value', 'expected 0, 1 or another whole-number flag'));
    if (sel === '1') selected.push(id);
    const title = (cell(rec, pName) ?? `Project ${id}`).slice(0, 300);
    const domains = [...new Set((cell(rec, pCat) ?? '').split(',').map(needDomainOf).filter((d): d is NeedDomain => d !== null))].slice(0, 30);
    const needDomains: NeedDomain[] = domains.length > 0 ? domains : ['x_uncategorised'];
    bids.push({
      id,
      roundId,
      provider: { id, name: title, type: 'community_group' },
      newGroup: false,
      requested: cost,
      activity: { id, name: title, providerId: id, needDomains, capacity: { placesPerWeek: 0 }, status: 'active' },
      needDomains,
      areas: 'anywhere',
      matchFundingPence: 0,
      submittedOn: opens,
    });
  }

  // VOTES.
  const ballots: Ballot[] = [];
  const voterIds = new Set<string>();
  for (const rec of votes.rows) {
    const voterId = cell(rec, vId);
    if (voterId === undefined || !isId(voterId)) {
      issues.push(lineIssue(rec.line, 'voter_id', voterId === undefined ? 'missing_field' : 'invalid_format', 'expected a voter id of 1 to 200 characters without control characters'));
      continue;
    }
    if (voterIds.has(voterId)) {
      issues.push(lineIssue(rec.line, 'voter_id', 'duplicate_id', 'the same voter id appears on an earlier line'));
      continue;
    }
    voterIds.add(voterId);
    const ids = (cell(rec, vVote) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    let bad = false;
    const seen = new Set<string>();
    ids.forEach((p, k) => {
      if (!projectIds.has(p)) {
        issues.push(lineIssue(rec.line, 'vote', 'invalid_reference', `entry ${k + 1} names no project of the PROJECTS section`));
        bad = true;
      } else if (seen.has(p)) {
        issues.push(lineIssue(rec.line, 'vote', 'duplicate_id', `entry ${k + 1} repeats a project named earlier on the line`));
        bad = true;
      }
      seen.add(p);
    });
    if (bad) continue;
    if (!scored) {
      ballots.push({ voterId, approvals: ids });
      continue;
    }
    const points = (cell(rec, vPoints) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (points.length !== ids.length) {
      issues.push(lineIssue(rec.line, 'points', 'invalid', `lists ${points.length} points for ${ids.length} projects`));
      continue;
    }
    const scores: Record<string, number> = {};
    points.forEach((pt, k) => {
      if (!/^\d+$/.test(pt) || Number(pt) > 1_000_000) {
        issues.push(lineIssue(rec.line, 'points', 'invalid_value', `entry ${k + 1} is not a whole number from 0 to 1,000,000`));
        bad = true;
      } else scores[ids[k]!] = Number(pt);
    });
    if (!bad) ballots.push({ voterId, scores });
  }
  if (issues.length > 0) return fail(issues);

  const round = validateRound({
    id: roundId,
    name: name === '' ? 'Participatory budgeting' : name,
    contract: { id: contractId, serviceArea: 'general_wellbeing' },
    budget,
    window: { opens, closes },
    priorities: { needDomains: [], areas: [] },
    eligibility: { providerTypes: [...PROVIDER_TYPES], areas: [], userLedGroupsAllowed: true, mustServePriority: false },
    grant: { minimum: 0, maximum: MAX_PENCE },
    matchFunding: { required: false, minimumPercent: 0 },
    ringFences: [],
    ...(completion === undefined ? {} : { equalShares: { completion } }),
    scoring: { scale: { min: 0, max: 1 }, criteria: [{ id: 'votes', title: 'Residents\u2019 votes', weight: 1 }] },
    panel: [{ id: 'residents', weight: 1 }],
    conflicts: [],
    capacityBuildingSupport: false,
    // The vote has been held: the round was open for the file's dates, then
    // closed, and the votes are being counted, so decideAwards takes it as it is.
    state: 'assessing',
    history: countingHistory(opens, closes),
  });
  const checkedBids = validateBids(bids);
  if (round.isErr() || checkedBids.isErr()) {
    // Cannot happen for what this function builds; kept so that nothing unchecked escapes.
    return fail([{ path: [], code: 'invalid', message: '(root): the file does not make a valid round and bids' }]);
  }
  const checkedBallots = validateBallots(checkedBids.value, ballots);
  if (checkedBallots.isErr()) return fail([{ path: [], code: 'invalid', message: '(root): the file does not make valid ballots' }]);
  return ok({ round: round.value, bids: checkedBids.value, ballots: checkedBallots.value, selected: pSel < 0 ? null : selected });
}
