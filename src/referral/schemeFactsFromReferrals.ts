import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { parsePathway } from '../pathway/index';
import type { SchemeFacts } from '../scheme/index';
import type { SchemePathway } from '../scheme/index';
import { createValidationError, type ValidationIssue } from '../shared/errors';
import { COVERAGE_SCALES, REFERRAL_SETTINGS, REFERRAL_SOURCE_OF_SETTING, REFERRAL_SOURCES, type CoverageScale, type ReferralSetting, type ReferralSource } from '../shared/vocabulary';
import { issuesFromZod } from '../shared/zodIssues';
import type { ReferralOptionsError } from './errors';
import { IdSchema } from '../shared/schemas';
import { RefSchema } from './schema';
import { safeParse } from '../shared/safeParse';
import { prefixIssues } from '../shared/prefixIssues';

/**
 * Options for {@link schemeFactsFromReferrals}.
 *
 * @example
 * ```ts
 * import { ROTHERHAM_PATHWAYS, type SchemeFactsFromReferralsOptions } from 'social-prescribing';
 * const o: SchemeFactsFromReferralsOptions = { pathways: ROTHERHAM_PATHWAYS, areaGpPractices: ['C87001', 'C87002'] };
 * ```
 */
export interface SchemeFactsFromReferralsOptions {
  /** The pathways' definitions, each validated as a `Pathway` (a JSON file's content is fine): a pathway with one (eligibility and referral process defined) counts as clearly delineated. */
  readonly pathways?: readonly unknown[] | undefined;
  /** The codes of every GP practice in the area the scheme serves, to measure the share that refer. */
  readonly areaGpPractices?: readonly string[] | undefined;
  /** The scale of that area; default `local_authority_or_ccg`. */
  readonly areaScale?: CoverageScale | undefined;
  /** The share of the area's practices that must refer for the data to prove the coverage; default 1 (every practice, as in Rotherham). */
  readonly minPracticeShare?: number | undefined;
  /** The log covers every referral the scheme received: then a source with no referrals is recorded as `false`, not left unknown. */
  readonly completeLog?: boolean | undefined;
}

const OptionsSchema = z.strictObject({
  pathways: z.array(z.unknown()).max(10_000).optional(),
  areaGpPractices: z.array(RefSchema).min(1).max(100_000).optional(),
  areaScale: z.enum(COVERAGE_SCALES).optional(),
  minPracticeShare: z.number().finite().gt(0).max(1).optional(),
  completeLog: z.boolean().optional(),
});

const Count = z.number().int().min(0);
const MetricsInputSchema = z.looseObject({
  byPathwayAndSource: z.record(IdSchema, z.partialRecord(z.enum(REFERRAL_SETTINGS), Count)),
  referringGpPractices: z.array(RefSchema),
});
const ReferralInputSchema = z.array(
  z.looseObject({ pathwayId: IdSchema, sourceSetting: z.enum(REFERRAL_SETTINGS), referrerOrganisation: RefSchema.optional() }),
);

/** What the derivation reads, whichever input it came from. */
interface Evidence {
  readonly byPathwayAndSource: ReadonlyMap<string, ReadonlyMap<ReferralSetting, number>>;
  readonly gpPractices: ReadonlySet<string>;
}

function evidenceOf(input: unknown): Result<Evidence, ReferralOptionsError> {
  const fail = (issues: ValidationIssue[]) => err(createValidationError('invalid_referral_options', 'referrals or metrics', issues));
  if (Array.isArray(input)) {
    const parsed = safeParse(ReferralInputSchema, input);
    if (!parsed.success) return fail(issuesFromZod(parsed.error, input));
    const byPathwayAndSource = new Map<string, Map<ReferralSetting, number>>();
    const gpPractices = new Set<string>();
    for (const r of parsed.data) {
      let m = byPathwayAndSource.get(r.pathwayId);
      if (m === undefined) byPathwayAndSource.set(r.pathwayId, (m = new Map()));
      m.set(r.sourceSetting, (m.get(r.sourceSetting) ?? 0) + 1);
      if (r.sourceSetting === 'gp_practice' && r.referrerOrganisation !== undefined) gpPractices.add(r.referrerOrganisation);
    }
    return ok({ byPathwayAndSource, gpPractices });
  }
  const parsed = safeParse(MetricsInputSchema, input);
  if (!parsed.success) return fail(issuesFromZod(parsed.error, input));
  const byPathwayAndSource = new Map<string, Map<ReferralSetting, number>>();
  for (const [pathwayId, counts] of Object.entries(parsed.data.byPathwayAndSource)) {
    byPathwayAndSource.set(pathwayId, new Map(Object.entries(counts) as [ReferralSetting, number][]));
  }
  return ok({ byPathwayAndSource, gpPractices: new Set(parsed.data.referringGpPractices) });
}

/** The longest id `IdSchema` accepts. */
const MAX_ID_LENGTH = 200;

/** The longest start of `text` of at most `max` UTF-16 code units, never splitting a character. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * The id of a pathway's route from one setting, `<pathwayId>:<setting>`. Two
 * such ids never collide (a setting has no `:`), except when a very long
 * pathway id is shortened to fit an id: then `~2`, `~3`, ... keeps it unique.
 */
function routeId(pathwayId: string, setting: ReferralSetting, used: Set<string>): string {
  let id = `${pathwayId}:${setting}`;
  if (id.length > MAX_ID_LENGTH || used.has(id)) {
    const fitted = (tail: string): string => `${cut(pathwayId, MAX_ID_LENGTH - tail.length)}${tail}`;
    id = fitted(`:${setting}`);
    for (let n = 2; used.has(id); n++) id = fitted(`~${n}:${setting}`);
  }
  used.add(id);
  return id;
}

/**
 * Derives the scheme-profile facts that a scheme's own referral data prove,
 * in the profile's paths, for `applySchemeFacts` to merge into a profile so
 * the scheme can be classified from its operational data:
 *
 * - `referralSources.*`: `true` for each Table 1 source some referral came
 *   from (settings are mapped with `REFERRAL_SOURCE_OF_SETTING`; a setting
 *   mapped to `null` proves no source); a source with none is left out
 *   (unknown), or `false` with `completeLog`, unless some referral came from
 *   a setting mapped to `null` (it may have been that source);
 * - `pathways`: one entry per route, that is per pathway and setting that
 *   referred to it, with the id `<pathwayId>:<setting>`, so a pathway fed by
 *   several settings shows every one of them (the 'plus' "variety of health
 *   settings"); a route is clearly delineated when its pathway's definition
 *   is given in `pathways` and takes referrals from that setting (otherwise
 *   `"unknown"`);
 * - `coverage.scale`: `areaScale` when at least `minPracticeShare` of the
 *   area's GP practices (`areaGpPractices`) referred; otherwise left out,
 *   since fewer practices referring does not prove a smaller area.
 *
 * Takes the referrals from `replayReferrals` (a `Referral[]`), or the metrics of
 * `computeReferralMetrics` (`ReferralMetrics`) for logs too large to hold;
 * either is validated for the fields it reads. Never throws.
 *
 * @example
 * ```ts
 * import { applySchemeFacts, classifyScheme, computeReferralMetrics, createUnknownProfile, schemeFactsFromReferrals } from 'social-prescribing';
 *
 * const metrics = computeReferralMetrics([])._unsafeUnwrap();
 * const facts = schemeFactsFromReferrals(metrics)._unsafeUnwrap();
 * const profile = applySchemeFacts(createUnknownProfile({ id: 's', name: 'S' })._unsafeUnwrap(), facts)._unsafeUnwrap().profile;
 * classifyScheme(profile).isOk(); // true
 * ```
 */
export function schemeFactsFromReferrals(
  referralsOrMetrics: unknown,
  options?: SchemeFactsFromReferralsOptions,
): Result<SchemeFacts, ReferralOptionsError> {
  const input = options ?? {};
  const parsedOptions = safeParse(OptionsSchema, input);
  if (!parsedOptions.success) return err(createValidationError('invalid_referral_options', 'options', issuesFromZod(parsedOptions.error, input)));
  const opts = parsedOptions.data;
  const defined = new Map<string, ReadonlySet<ReferralSetting>>();
  const issues: ValidationIssue[] = [];
  (opts.pathways ?? []).forEach((raw, i) => {
    const p = parsePathway(raw);
    if (p.isOk()) defined.set(p.value.id, new Set(p.value.referralSettings));
    else issues.push(...prefixIssues(p.error.issues, ['pathways', i]));
  });
  if (issues.length > 0) return err(createValidationError('invalid_referral_options', 'options', issues));

  return evidenceOf(referralsOrMetrics).map((evidence): SchemeFacts => {
    const sources = new Set<ReferralSource>();
    let unmapped = false;
    const pathways: SchemePathway[] = [];
    const used = new Set<string>();
    for (const [id, counts] of [...evidence.byPathwayAndSource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const accepts = defined.get(id);
      for (const setting of REFERRAL_SETTINGS) {
        if ((counts.get(setting) ?? 0) === 0) continue;
        const source = REFERRAL_SOURCE_OF_SETTING[setting];
        if (source === null) unmapped = true;
        else sources.add(source);
        // One route per setting that referred: delineated when the pathway is defined and takes referrals from that setting.
        pathways.push({ id: routeId(id, setting, used), setting, clearlyDelineated: accepts?.has(setting) === true ? true : 'unknown' });
      }
    }
    const referralSources: Partial<Record<ReferralSource, boolean>> = {};
    for (const source of REFERRAL_SOURCES) {
      if (sources.has(source)) referralSources[source] = true;
      // A referral from a setting with no Table 1 source may have come from any source: then none is proved absent.
      else if (opts.completeLog === true && !unmapped) referralSources[source] = false;
    }
    const facts: { -readonly [K in keyof SchemeFacts]: SchemeFacts[K] } = {};
    if (Object.keys(referralSources).length > 0) facts.referralSources = referralSources;
    if (pathways.length > 0) facts.pathways = pathways;
    if (opts.areaGpPractices !== undefined) {
      const area = new Set(opts.areaGpPractices);
      let referring = 0;
      for (const practice of area) if (evidence.gpPractices.has(practice)) referring++;
      if (referring / area.size >= (opts.minPracticeShare ?? 1)) facts.coverage = { scale: opts.areaScale ?? 'local_authority_or_ccg' };
    }
    return facts;
  });
}
