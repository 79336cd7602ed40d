import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { parsePathway } from '../pathway/parsePathway';
import type { Pathway } from '../pathway/schema';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import type { ReferralOptionsError } from './errors';
import { DEFAULT_CONTACT_ATTEMPTS } from './lifecycle';
import { IsoDateTimeSchema } from './schema';
import { safeParse } from '../shared/safeParse';

/** @internal Options every log-reading function shares, validated. */
export interface ResolvedLogOptions {
  readonly asOfMs: number | undefined;
  readonly asOf: string | undefined;
  readonly pathways: ReadonlyMap<string, Pathway>;
  readonly contactAttempts: number;
}

const LogOptionsSchema = z.looseObject({
  asOf: IsoDateTimeSchema.optional(),
  pathways: z.array(z.unknown()).max(10_000).optional(),
  contactAttempts: z.number().int().min(1).max(20).optional(),
});

/** @internal Validates `asOf`, `pathways` and `contactAttempts`; `extra` validates the rest. */
export function resolveLogOptions(options: unknown, extra?: z.ZodType): Result<ResolvedLogOptions, ReferralOptionsError> {
  const input = options ?? {};
  const parsed = safeParse(LogOptionsSchema, input);
  if (!parsed.success) return err(createValidationError('invalid_referral_options', 'options', issuesFromZod(parsed.error, input)));
  if (extra !== undefined) {
    const more = safeParse(extra, input);
    if (!more.success) return err(createValidationError('invalid_referral_options', 'options', issuesFromZod(more.error, input)));
  }
  const issues: ValidationIssue[] = [];
  const pathways = new Map<string, Pathway>();
  (parsed.data.pathways ?? []).forEach((raw, i) => {
    const p = parsePathway(raw);
    if (p.isErr()) {
      for (const issue of p.error.issues) issues.push({ ...issue, path: ['pathways', i, ...issue.path], message: `pathways[${i}].${issue.message}` });
    } else if (pathways.has(p.value.id)) {
      issues.push({ path: ['pathways', i, 'id'], code: 'duplicate_id', message: `pathways[${i}].id: is used by an earlier pathway` });
    } else pathways.set(p.value.id, p.value);
  });
  if (issues.length > 0) return err(createValidationError('invalid_referral_options', 'options', issues));
  const asOf = parsed.data.asOf;
  return ok({
    asOf,
    asOfMs: asOf === undefined ? undefined : Date.parse(asOf),
    pathways,
    contactAttempts: parsed.data.contactAttempts ?? DEFAULT_CONTACT_ATTEMPTS,
  });
}

/** @internal The contact attempts a pathway requires before "unable to contact". */
export function attemptsFor(options: ResolvedLogOptions, pathwayId: string): number {
  const n = options.pathways.get(pathwayId)?.serviceLevel.contactAttempts;
  return typeof n === 'number' ? n : options.contactAttempts;
}
