import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, unreadableInputError, type ValidationIssue } from '../shared/errors';
import { safeParse } from '../shared/safeParse';
import { issuesFromZod } from '../shared/zodIssues';
import type { ScoreAnswersError } from './errors';
import { answersObjectSchema, itemKeys, type WellbeingInstrument } from './schema';

const CODE = {
  ons4: 'invalid_ons4_answers',
  wemwbs: 'invalid_wemwbs_answers',
  swemwbs: 'invalid_swemwbs_answers',
} as const satisfies Record<WellbeingInstrument, ScoreAnswersError['code']>;
const SUBJECT = { ons4: 'ONS4 answers', wemwbs: 'WEMWBS answers', swemwbs: 'SWEMWBS answers' } as const;
const OBJECT_SCHEMA = { ons4: answersObjectSchema('ons4'), wemwbs: answersObjectSchema('wemwbs'), swemwbs: answersObjectSchema('swemwbs') };
const LIST_SCHEMA = { ons4: z.array(z.unknown()).max(4), wemwbs: z.array(z.unknown()).max(14), swemwbs: z.array(z.unknown()).max(7) };

/** Rewrites `item3` in a path (and in its message) to the index `2`. */
function toListIssue(issue: ValidationIssue, keys: readonly string[]): ValidationIssue {
  const [first, ...rest] = issue.path;
  const index = typeof first === 'string' ? keys.indexOf(first) : -1;
  if (index < 0) return issue;
  return { ...issue, path: [index, ...rest], message: issue.message.replace(new RegExp(`^${first as string}`), `[${index}]`) };
}

/**
 * @internal Validates the answers to one questionnaire, given as a list in
 * item order or an object keyed by item, and returns them in item order.
 */
export function parseAnswers(instrument: WellbeingInstrument, input: unknown): Result<number[], ScoreAnswersError> {
  const keys = itemKeys(instrument);
  let isList: boolean;
  try {
    isList = Array.isArray(input);
  } catch {
    return err(unreadableInputError(CODE[instrument], SUBJECT[instrument]));
  }
  if (isList) {
    const list = safeParse(LIST_SCHEMA[instrument], input);
    if (!list.success) return err(createValidationError(CODE[instrument], SUBJECT[instrument], issuesFromZod(list.error, input)));
    const byKey: Record<string, unknown> = {};
    list.data.forEach((v, i) => {
      if (v !== undefined) byKey[keys[i]!] = v;
    });
    const parsed = safeParse(OBJECT_SCHEMA[instrument], byKey);
    if (!parsed.success) return err(createValidationError(CODE[instrument], SUBJECT[instrument], issuesFromZod(parsed.error, byKey).map((i) => toListIssue(i, keys))));
    return ok(keys.map((k) => parsed.data[k]!));
  }
  const parsed = safeParse(OBJECT_SCHEMA[instrument], input);
  if (!parsed.success) return err(createValidationError(CODE[instrument], SUBJECT[instrument], issuesFromZod(parsed.error, input)));
  return ok(keys.map((k) => parsed.data[k]!));
}
