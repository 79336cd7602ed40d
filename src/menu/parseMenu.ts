import { isPlainObject } from '../shared/text';
import { err, ok, type Result } from 'neverthrow';
import { createValidationError, formatPath, type ValidationIssue, unreadableInputError } from '../shared/errors';
import { deepFreeze } from '../shared/deepFreeze';
import { issuesFromZod } from '../shared/zodIssues';
import { checkRuleLimits } from '../pathway/internal';
import type { MenuError } from './errors';
import { MAX_ACTIVITIES, MAX_PROVIDERS, MenuSchema, type Menu, type Provider } from './schema';
import { safeParse } from '../shared/safeParse';

/** Menus this module has validated and frozen: safe to use without parsing again. */
const validated = new WeakSet<object>();
const providerIndexes = new WeakMap<object, ReadonlyMap<string, Provider>>();

const isRecord = isPlainObject;

/**
 * Checks the references inside a menu-shaped value: duplicate provider ids,
 * duplicate activity ids, activities whose provider is not in the menu.
 * Works on raw input, so it can report alongside schema problems.
 */
function referenceIssues(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input)) return issues;
  const providers = Array.isArray(input['providers']) ? (input['providers'] as unknown[]) : [];
  const activities = Array.isArray(input['activities']) ? (input['activities'] as unknown[]) : [];
  const providerAt = new Map<string, number>();
  providers.forEach((p, i) => {
    if (!isRecord(p) || typeof p['id'] !== 'string') return;
    const first = providerAt.get(p['id']);
    if (first === undefined) providerAt.set(p['id'], i);
    else {
      const path = ['providers', i, 'id'];
      issues.push({ path, code: 'duplicate_id', message: `${formatPath(path)}: duplicate of providers[${first}].id` });
    }
  });
  const activityAt = new Map<string, number>();
  activities.forEach((a, i) => {
    if (!isRecord(a)) return;
    if (typeof a['id'] === 'string') {
      const first = activityAt.get(a['id']);
      if (first === undefined) activityAt.set(a['id'], i);
      else {
        const path = ['activities', i, 'id'];
        issues.push({ path, code: 'duplicate_id', message: `${formatPath(path)}: duplicate of activities[${first}].id` });
      }
    }
    if (typeof a['providerId'] === 'string' && !providerAt.has(a['providerId'])) {
      const path = ['activities', i, 'providerId'];
      issues.push({ path, code: 'invalid_reference', message: `${formatPath(path)}: no provider in the menu has this id` });
    }
  });
  return issues;
}

function ruleLimitIssues(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input) || !Array.isArray(input['activities'])) return issues;
  (input['activities'] as unknown[]).forEach((a, i) => {
    if (!isRecord(a) || a['eligibility'] === undefined) return;
    const issue = checkRuleLimits(a['eligibility'], ['activities', i, 'eligibility']);
    if (issue !== undefined) issues.push(issue);
  });
  return issues;
}

/**
 * Validates any value (typically parsed JSON) as a {@link Menu}: its shape,
 * and every reference inside it (each activity's provider is in the menu;
 * no provider id or activity id is used twice). Every problem is reported at
 * once, schema problems and broken references together, each with its path
 * and a stable code. Never throws.
 *
 * The menu returned is deeply frozen, and the operations of this module
 * (`matchActivities`, `analyseGaps`, ...) recognise it and skip validating
 * it again: parse a menu once, then match many people against it.
 *
 * @example
 * ```ts
 * import { parseMenu } from 'social-prescribing';
 *
 * const r = parseMenu({
 *   menuVersion: 1,
 *   providers: [{ id: 'p1', name: 'Provider' }],
 *   activities: [
 *     { id: 'a1', name: 'Walk', providerId: 'p2', needDomains: ['physical_activity'], status: 'active' },
 *     { id: 'a1', name: 'Talk', providerId: 'p3', needDomains: ['mental_wellbeing'], status: 'active' },
 *   ],
 * });
 * r.isErr() && r.error.issues.map((i) => i.code); // ['invalid_reference', 'duplicate_id', 'invalid_reference']
 * ```
 */
export function parseMenu(input: unknown): Result<Menu, MenuError> {
  try {
    return parseMenuUnguarded(input);
  } catch {
    // Reading the input threw (a getter, a proxy) or it is nested too deeply.
    return err(unreadableInputError('invalid_menu', 'menu'));
  }
}

function parseMenuUnguarded(input: unknown): Result<Menu, MenuError> {
  if (input !== null && typeof input === 'object' && validated.has(input)) return ok(input as Menu);
  // A hostile rule could nest deep enough to exhaust the recursive schema's stack: check its size first.
  const tooBig = ruleLimitIssues(input);
  if (tooBig.length > 0) return err(createValidationError('invalid_menu', 'menu', [...tooBig, ...referenceIssues(input)]));
  const parsed = safeParse(MenuSchema, input);
  const issues = [...(parsed.success ? [] : issuesFromZod(parsed.error, input)), ...referenceIssues(input)];
  if (!parsed.success || issues.length > 0) {
    issues.sort((a, b) => comparePaths(a.path, b.path));
    return err(createValidationError('invalid_menu', 'menu', issues));
  }
  const menu = deepFreeze(parsed.data as Menu);
  validated.add(menu);
  return ok(menu);
}

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** @internal The providers of a validated menu, by id (built once per menu). */
export function providersById(menu: Menu): ReadonlyMap<string, Provider> {
  let index = providerIndexes.get(menu);
  if (index === undefined) {
    index = new Map(menu.providers.map((p) => [p.id, p]));
    providerIndexes.set(menu, index);
  }
  return index;
}

/**
 * @internal Whether a menu assembled from validated providers and activities,
 * with unique ids and every provider reference resolved, could still fail
 * `parseMenu`: it is too big, or an eligibility rule is over the size limits.
 */
export function menuNeedsChecking(menu: Menu): boolean {
  return menu.providers.length > MAX_PROVIDERS || menu.activities.length > MAX_ACTIVITIES || ruleLimitIssues(menu).length > 0;
}

/**
 * @internal Freezes a menu assembled from validated parts (see
 * `menuNeedsChecking`) and records it as validated, as `parseMenu` would
 * have returned it.
 */
export function adoptValidatedMenu(menu: Menu): Menu {
  const frozen = deepFreeze(menu);
  validated.add(frozen);
  return frozen;
}
