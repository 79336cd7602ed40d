import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { parsePathway } from '../pathway/index';
import type { Pathway } from '../pathway/index';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { ReferralOptionsError } from './errors';
import { DEFAULT_CONTACT_ATTEMPTS } from './lifecycle';
import { AsOfSchema, type Moment } from '../shared/time';
import { prefixIssues } from '../shared/prefixIssues';
import { safeParse } from '../shared/safeParse';

/** @internal How many recent event ids and ended referrals a stream remembers, to detect repeats. */
export const DEFAULT_STREAM_WINDOW = 100_000;

/** @internal Options every log-reading function shares, validated and read once. */
export interface ResolvedLogOptions {
  /** The instant of `asOf` (start of the day in UTC for a date alone), when given. */
  readonly asOfMs: number | undefined;
  /** `asOf` as read by `AsOfSchema`, when given. */
  readonly asOf: Moment | undefined;
  readonly pathways: ReadonlyMap<string, Pathway>;
  readonly contactAttempts: number;
  /** The metrics' memory window (the default for functions that have no `window` option). */
  readonly window: number;
}

const LOG_OPTIONS = {
  asOf: AsOfSchema.optional(),
  pathways: z.array(z.unknown()).max(10_000).optional(),
  contactAttempts: z.number().int().min(1).max(20).optional(),
};
// Strict: a misspelt option (`asof`) is an error, not silently ignored (issue 16, defect 2).
const SCHEMAS = {
  replay: z.strictObject(LOG_OPTIONS),
  metrics: z.strictObject({ ...LOG_OPTIONS, window: z.number().int().min(1).max(100_000_000).optional() }),
};

/**
 * @internal Validates the options of `replayReferrals` (`'replay'`) or of the
 * metrics functions (`'metrics'`, which add `window`). The input is read once,
 * by the schema; everything after reads the validated copy (issue 16, defect 4).
 * An unknown option is an `unrecognized_field` issue whose message lists the
 * allowed options (the kernel's `issuesFromZod`) and never repeats the key typed.
 */
export function resolveLogOptions(options: unknown, kind: 'replay' | 'metrics'): Result<ResolvedLogOptions, ReferralOptionsError> {
  const input = options ?? {};
  const schema = SCHEMAS[kind];
  const parsed = safeParse(schema, input);
  if (!parsed.success) {
    // issuesFromZod names the allowed options for an unknown one, never the key typed.
    return err(createValidationError('invalid_referral_options', 'options', issuesFromZod(parsed.error, input)));
  }
  const data: { asOf?: Moment | undefined; pathways?: unknown[] | undefined; contactAttempts?: number | undefined; window?: number | undefined } = parsed.data;
  const issues: ValidationIssue[] = [];
  const pathways = new Map<string, Pathway>();
  (data.pathways ?? []).forEach((raw, i) => {
    const p = parsePathway(raw);
    if (p.isErr()) {
      issues.push(...prefixIssues(p.error.issues, ['pathways', i]));
    } else if (pathways.has(p.value.id)) {
      issues.push({ path: ['pathways', i, 'id'], code: 'duplicate_id', message: `pathways[${i}].id: is used by an earlier pathway` });
    } else pathways.set(p.value.id, p.value);
  });
  if (issues.length > 0) return err(createValidationError('invalid_referral_options', 'options', issues));
  const asOf = data.asOf;
  return ok({
    asOf,
    asOfMs: asOf?.instant,
    pathways,
    contactAttempts: data.contactAttempts ?? DEFAULT_CONTACT_ATTEMPTS,
    window: data.window ?? DEFAULT_STREAM_WINDOW,
  });
}

/** @internal The contact attempts a pathway requires before "unable to contact". */
export function attemptsFor(options: ResolvedLogOptions, pathwayId: string): number {
  const n = options.pathways.get(pathwayId)?.serviceLevel.contactAttempts;
  return typeof n === 'number' ? n : options.contactAttempts;
}
