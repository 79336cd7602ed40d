// Validation shared by the module's entry points: the zod schemas check
// shapes; these functions add the cross-field checks a schema cannot express
// (ids unique, references resolve, history follows the transition table).
// Every issue names a path and a code, never an input value.
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { prefixIssues } from '../shared/prefixIssues';
import { safeParse } from '../shared/safeParse';
import { issuesFromZod } from '../shared/zodIssues';
import type { BallotError, BidError, GrantRoundError, ScoreSheetError } from './errors';
import { findTransition, guardHolds } from './roundTransitions';
import {
  BallotSchema,
  BidSchema,
  GrantRoundSchema,
  ScoreSheetSchema,
  type Ballot,
  type Bid,
  type GrantRound,
  type ScoreSheet,
} from './schema';

function duplicates<T>(items: readonly T[], key: (item: T) => string, path: (i: number) => (string | number)[], what: string, out: ValidationIssue[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push({ path: path(i), code: 'duplicate_id', message: `${formatIssuePath(path(i))}: the same ${what} appears earlier in the list` });
    seen.add(k);
  });
}

function formatIssuePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

/** @internal Cross-field checks of a round whose shape is valid. */
export function roundIntegrityIssues(round: GrantRound): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (round.window.opens > round.window.closes) {
    out.push({ path: ['window', 'closes'], code: 'invalid', message: 'window.closes: must not be before window.opens' });
  }
  if (round.grant.minimum > round.grant.maximum) {
    out.push({ path: ['grant', 'maximum'], code: 'invalid', message: 'grant.maximum: must not be less than grant.minimum' });
  }
  if (round.scoring.scale.min >= round.scoring.scale.max) {
    out.push({ path: ['scoring', 'scale', 'max'], code: 'invalid', message: 'scoring.scale.max: must be greater than scoring.scale.min' });
  }
  duplicates(round.scoring.criteria, (c) => c.id, (i) => ['scoring', 'criteria', i, 'id'], 'criterion id', out);
  duplicates(round.panel, (m) => m.id, (i) => ['panel', i, 'id'], 'assessor id', out);
  duplicates(round.ringFences, (r) => r.id, (i) => ['ringFences', i, 'id'], 'ring-fence id', out);
  duplicates(round.ringFences, (r) => r.needDomain, (i) => ['ringFences', i, 'needDomain'], 'ring-fenced need domain', out);
  const reserved = round.ringFences.reduce((sum, r) => sum + r.minimumPercent, 0);
  if (reserved > 100) {
    out.push({ path: ['ringFences'], code: 'too_big', message: `ringFences: reserve ${reserved}% of the budget in total; at most 100% can be reserved` });
  }
  const panel = new Set(round.panel.map((m) => m.id));
  round.conflicts.forEach((c, i) => {
    if (!panel.has(c.assessorId)) {
      out.push({ path: ['conflicts', i, 'assessorId'], code: 'invalid_reference', message: `conflicts[${i}].assessorId: names no member of the panel` });
    }
  });
  let state: GrantRound['state'] = 'draft';
  round.history.forEach((entry, i) => {
    const where = `history[${i}]`;
    const row = findTransition(entry.from, entry.event);
    if (entry.from !== state) {
      out.push({ path: ['history', i, 'from'], code: 'invalid', message: `${where}.from: must be the state the previous change left the round in (${state})` });
    } else if (row === undefined || row.to !== entry.to) {
      out.push({ path: ['history', i, 'event'], code: 'invalid', message: `${where}.event: the transition table has no change ${entry.from} -${entry.event}-> ${entry.to}` });
    } else {
      const before = { window: round.window, history: round.history.slice(0, i) };
      for (const guard of row.guards) {
        if (!guardHolds(guard, before, Date.parse(entry.at))) {
          out.push({ path: ['history', i, 'at'], code: 'invalid', message: `${where}.at: fails the transition's ${guard} check` });
        }
      }
    }
    state = entry.to;
  });
  if (round.state !== state) {
    out.push({ path: ['state'], code: 'invalid', message: `state: must be the state the history leaves the round in (${state})` });
  }
  return out;
}

/** @internal Validates a grant round: shape, then cross-field checks. */
export function validateRound(input: unknown): Result<GrantRound, GrantRoundError> {
  const parsed = safeParse(GrantRoundSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_grant_round', 'grant round', issuesFromZod(parsed.error, input)));
  const issues = roundIntegrityIssues(parsed.data);
  if (issues.length > 0) return err(createValidationError('invalid_grant_round', 'grant round', issues));
  return ok(parsed.data);
}

function bidIntegrityIssues(bid: Bid, prefix: (string | number)[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const at = (...p: (string | number)[]): (string | number)[] => [...prefix, ...p];
  if (bid.activity.providerId !== bid.provider.id) {
    const path = at('activity', 'providerId');
    out.push({ path, code: 'invalid_reference', message: `${formatIssuePath(path)}: must be the id of the bid's provider` });
  }
  if (bid.newGroup && bid.provider.type !== 'user_led_group') {
    const path = at('newGroup');
    out.push({ path, code: 'invalid', message: `${formatIssuePath(path)}: only a provider of type user_led_group can be a new group` });
  }
  return out;
}

/** @internal Validates one bid. */
export function validateBid(input: unknown): Result<Bid, BidError> {
  const parsed = safeParse(BidSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_bid', 'bid', issuesFromZod(parsed.error, input)));
  const issues = bidIntegrityIssues(parsed.data, []);
  if (issues.length > 0) return err(createValidationError('invalid_bid', 'bid', issues));
  return ok(parsed.data);
}

const BidListSchema = z.array(BidSchema).max(100_000);

/** @internal Validates a list of bids: every bid, and ids unique. */
export function validateBids(input: unknown): Result<Bid[], BidError> {
  const parsed = safeParse(BidListSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_bid', 'list of bids', issuesFromZod(parsed.error, input)));
  const issues: ValidationIssue[] = [];
  parsed.data.forEach((bid, i) => issues.push(...bidIntegrityIssues(bid, [i])));
  duplicates(parsed.data, (b) => b.id, (i) => [i, 'id'], 'bid id', issues);
  if (issues.length > 0) return err(createValidationError('invalid_bid', 'list of bids', issues));
  return ok(parsed.data);
}

const SheetListSchema = z.array(ScoreSheetSchema).max(1_000_000);

/** @internal Validates score sheets against the round and its bids. */
export function validateSheets(round: GrantRound, bids: readonly Bid[], input: unknown): Result<ScoreSheet[], ScoreSheetError> {
  const parsed = safeParse(SheetListSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_score_sheets', 'score sheets', issuesFromZod(parsed.error, input)));
  const issues: ValidationIssue[] = [];
  const bidIds = new Set(bids.map((b) => b.id));
  const panel = new Set(round.panel.map((m) => m.id));
  const criteria = new Set(round.scoring.criteria.map((c) => c.id));
  const { min, max } = round.scoring.scale;
  parsed.data.forEach((sheet, i) => {
    if (!bidIds.has(sheet.bidId)) issues.push({ path: [i, 'bidId'], code: 'invalid_reference', message: `[${i}].bidId: names no bid` });
    if (!panel.has(sheet.assessorId)) issues.push({ path: [i, 'assessorId'], code: 'invalid_reference', message: `[${i}].assessorId: names no member of the panel` });
    for (const c of round.scoring.criteria) {
      if (!Object.prototype.hasOwnProperty.call(sheet.scores, c.id)) {
        issues.push({ path: [i, 'scores', c.id], code: 'missing_field', message: `[${i}].scores: a published criterion has no score` });
      }
    }
    for (const [key, value] of Object.entries(sheet.scores)) {
      if (!criteria.has(key)) {
        issues.push({ path: [i, 'scores'], code: 'unrecognized_field', message: `[${i}].scores: scores a criterion the round does not publish` });
      } else if (value < min) {
        issues.push({ path: [i, 'scores', key], code: 'too_small', message: `[${i}].scores: must be at least ${min}` });
      } else if (value > max) {
        issues.push({ path: [i, 'scores', key], code: 'too_big', message: `[${i}].scores: must be at most ${max}` });
      }
    }
  });
  duplicates(parsed.data, (s) => JSON.stringify([s.bidId, s.assessorId, s.category]), (i) => [i], 'bid, assessor and category', issues);
  if (issues.length > 0) return err(createValidationError('invalid_score_sheets', 'score sheets', issues));
  return ok(parsed.data);
}

const BallotListSchema = z.array(BallotSchema).max(1_000_000);

/** @internal Validates ballots against the bids: voter ids unique, every bid named exists, no bid approved twice. */
export function validateBallots(bids: readonly Bid[], input: unknown): Result<Ballot[], BallotError> {
  const parsed = safeParse(BallotListSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_ballots', 'ballots', issuesFromZod(parsed.error, input)));
  const issues: ValidationIssue[] = [];
  const bidIds = new Set(bids.map((b) => b.id));
  parsed.data.forEach((ballot, i) => {
    const seen = new Set<string>();
    (ballot.approvals ?? []).forEach((id, j) => {
      if (!bidIds.has(id)) issues.push({ path: [i, 'approvals', j], code: 'invalid_reference', message: `[${i}].approvals[${j}]: names no bid` });
      else if (seen.has(id)) issues.push({ path: [i, 'approvals', j], code: 'duplicate_id', message: `[${i}].approvals[${j}]: the same bid appears earlier on the ballot` });
      seen.add(id);
    });
    Object.keys(ballot.scores ?? {}).forEach((id, j) => {
      if (!bidIds.has(id)) issues.push({ path: [i, 'scores'], code: 'invalid_reference', message: `[${i}].scores: key ${j} names no bid` });
    });
  });
  duplicates(parsed.data, (b) => b.voterId, (i) => [i, 'voterId'], 'voter id', issues);
  if (issues.length > 0) return err(createValidationError('invalid_ballots', 'ballots', issues));
  return ok(parsed.data);
}

const RoundListSchema = z.array(GrantRoundSchema).max(10_000);

/** @internal Validates a list of grant rounds: each as `parseGrantRound` does, issue paths starting with the round's index. */
export function validateRounds(input: unknown): Result<GrantRound[], GrantRoundError> {
  const parsed = safeParse(RoundListSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_grant_round', 'list of grant rounds', issuesFromZod(parsed.error, input)));
  const issues: ValidationIssue[] = [];
  parsed.data.forEach((round, i) => {
    issues.push(...prefixIssues(roundIntegrityIssues(round), [i]));
  });
  if (issues.length > 0) return err(createValidationError('invalid_grant_round', 'list of grant rounds', issues));
  return ok(parsed.data);
}
