import { totalOr } from '../shared/total';
import { SCHEME_FACTS } from '../scheme/index';
import type { Evidence, SchemeProfile } from '../scheme/index';
import { escapeMarkdown, formatTierRange, isPlainObject, TIER_LABELS } from '../shared/text';
import type { Citation } from '../shared/vocabulary';
import type { Classification, CriterionResult, Outcome } from './types';

/**
 * Options for {@link explainClassification}.
 *
 * @example
 * ```ts
 * import type { ExplainOptions } from 'social-prescribing';
 * const options: ExplainOptions = { evidence: { 'linking.contact': { source: 'Service specification 2019', locator: 's. 3.2' } } };
 * ```
 */
export interface ExplainOptions {
  /**
   * The evidence the coder recorded (a profile's `evidence`), cited under
   * each criterion that reads the fact and listed at the end. It is the
   * coder's own text, shown only when passed here. Entries that are not
   * evidence (no `source` text) are left out.
   */
  readonly evidence?: SchemeProfile['evidence'];
}

const LABELS = new Map<string, string>([...SCHEME_FACTS.map((f) => [f.key, f.label] as const), ['pathways', 'Referral pathways']]);


const OUTCOME_TEXT: Record<Outcome, string> = { met: 'met', not_met: 'not met', unknown: 'unknown' };
const LEVEL_TEXT = { not_evident: 'not evident', social_prescribing: 'social prescribing', plus: "'plus'", unknown: 'unknown' } as const;

const TIER_TEXT = TIER_LABELS;
const md = escapeMarkdown;

/**
 * Formats a citation as short text, e.g. `Dayson 2017, Table 2 row 1`.
 *
 * Total: when `citation` cannot be read, it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { formatCitation } from 'social-prescribing';
 * formatCitation({ source: 'Dayson 2017', table: 3, row: 5 }); // 'Dayson 2017, Table 3 row 5'
 * ```
 */
export function formatCitation(citation: Citation): string {
  return totalOr(
    () => formatCitationUnchecked(citation),
    () => '',
  );
}

function formatCitationUnchecked(citation: Citation): string {
  let out = citation.source;
  if (citation.table !== undefined) out += `, Table ${citation.table}`;
  if (citation.row !== undefined) out += ` row ${citation.row}`;
  if (citation.table === undefined && citation.section !== undefined) out += `, ${citation.section}`;
  return out;
}

const label = (field: string): string => LABELS.get(field) ?? field;
const fields = (list: readonly string[]): string => list.map((f) => md(label(f))).join('; ');

type EvidenceMap = ReadonlyMap<string, Evidence>;

/** The well-formed entries of the evidence option, in fact order (total: anything else is left out). */
function readEvidence(options: ExplainOptions | undefined): EvidenceMap {
  const out = new Map<string, Evidence>();
  try {
    const evidence: unknown = options?.evidence;
    if (!isPlainObject(evidence)) return out;
    for (const key of [...LABELS.keys()]) {
      const e: unknown = Object.hasOwn(evidence, key) ? evidence[key] : undefined;
      if (!isPlainObject(e) || typeof e['source'] !== 'string' || e['source'] === '') continue;
      const text = (k: string): string | undefined => (typeof e[k] === 'string' && e[k] !== '' ? (e[k] as string) : undefined);
      const entry: { source: string; locator?: string; note?: string; coder?: string } = { source: e['source'] };
      for (const k of ['locator', 'note', 'coder'] as const) {
        const v = text(k);
        if (v !== undefined) entry[k] = v;
      }
      out.set(key, entry);
    }
  } catch {
    // Evidence that cannot be read is left out.
  }
  return out;
}

/** One piece of evidence as text: `source, locator (note; coder X)`. */
function evidenceText(e: Evidence): string {
  const extra = [e.note, e.coder === undefined ? undefined : `coder ${e.coder}`].filter((x) => x !== undefined);
  return md(`${e.source}${e.locator === undefined ? '' : `, ${e.locator}`}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`);
}

function criteriaTable(rows: readonly CriterionResult[], evidence: EvidenceMap): string[] {
  const withEvidence = evidence.size > 0;
  const out = withEvidence
    ? ['| Criterion | Outcome | Facts read | Source | Evidence |', '|---|---|---|---|---|']
    : ['| Criterion | Outcome | Facts read | Source |', '|---|---|---|---|'];
  for (const c of rows) {
    const unknown = c.unknownFields.length > 0 ? ` (unknown: ${fields(c.unknownFields)})` : '';
    const cited = c.fieldsRead.filter((f) => evidence.has(f)).map((f) => `${md(label(f))}: ${evidenceText(evidence.get(f)!)}`);
    const last = withEvidence ? ` ${cited.join('; ')} |` : '';
    out.push(`| ${md(c.title)} | ${OUTCOME_TEXT[c.outcome]}${unknown} | ${fields(c.fieldsRead)} | ${md(formatCitation(c.citation))} |${last}`);
  }
  return out;
}

/** The decisive facts as a table: each answer and the tier it would give. */
function answerNext(c: Classification): string[] {
  const decisive = c.decisiveFacts.filter((d) => d.decisive);
  const rest = c.decisiveFacts.filter((d) => !d.decisive);
  const out: string[] = [];
  if (decisive.length > 0) {
    out.push(
      '## Answer these next',
      '',
      'Each unknown fact below could change the tier. They are ordered so that the first settle it soonest; for each answer, the tier the scheme would then have.',
      '',
      '| Fact | If the answer is | The tier would be |',
      '|---|---|---|',
    );
    for (const d of decisive) {
      d.outcomes.forEach((o, i) => {
        out.push(`| ${i === 0 ? md(d.label) : ''} | ${md(o.label)} | ${md(formatTierRange(o))} |`);
      });
    }
    out.push('');
  }
  if (rest.length > 0) {
    out.push(`Unknown, but would not change the tier on its own: ${rest.map((d) => md(d.label)).join('; ')}.`, '');
  }
  return out;
}

function openSummary(c: Classification): string {
  const open: string[] = [];
  if (c.level !== c.highestPossibleLevel) open.push(`its Kimberlee level is proven to be at least ${c.level} and could be up to ${c.highestPossibleLevel}`);
  else if (c.level !== 'holistic') open.push(`its Kimberlee level is ${c.level}, not holistic`);
  if (c.highestPossibleTier === 'plus' && c.necessaryConditions === 'unknown') {
    open.push('it is not known whether it funds both the referral process and the activities');
  }
  if (c.highestPossibleTier === 'plus' && c.plusFeatures.met < c.plusFeatures.threshold) {
    open.push(
      `it shows ${c.plusFeatures.met} 'plus' feature${c.plusFeatures.met === 1 ? '' : 's'} for certain and ${c.plusFeatures.unknown} more ${c.plusFeatures.unknown === 1 ? 'is' : 'are'} unknown (threshold ${c.plusFeatures.threshold})`,
    );
  }
  return `The known facts prove **${TIER_TEXT[c.tier]}**; the unknown facts allow up to **${TIER_TEXT[c.highestPossibleTier]}**${open.length > 0 ? `: ${open.join(', and ')}` : ''}.`;
}

function summary(c: Classification): string {
  const level = `Kimberlee level: **${c.level}**${c.highestPossibleLevel !== c.level ? ` (could be up to ${c.highestPossibleLevel})` : ''}.`;
  if (c.tier === 'plus') {
    return `Holistic, funds both the referral process and the activities, and shows ${c.plusFeatures.met} of ${c.plusFeatures.met + c.plusFeatures.notMet + c.plusFeatures.unknown} 'plus' features (threshold ${c.plusFeatures.threshold}). ${level}`;
  }
  const reasons: string[] = [];
  if (c.tier === 'light') {
    reasons.push(`its Kimberlee level is ${c.level}, not holistic`);
  } else {
    if (c.necessaryConditions !== 'met') {
      reasons.push(
        c.necessaryConditions === 'not_met'
          ? 'it does not fund both the referral process and the activities'
          : 'it is not known whether it funds both the referral process and the activities',
      );
    }
    if (c.plusFeatures.met < c.plusFeatures.threshold) {
      reasons.push(`it shows ${c.plusFeatures.met} 'plus' feature${c.plusFeatures.met === 1 ? '' : 's'}, fewer than the threshold of ${c.plusFeatures.threshold}`);
    }
  }
  return `${TIER_TEXT[c.tier][0]!.toUpperCase()}${TIER_TEXT[c.tier].slice(1)} because ${reasons.join(', and ')}. ${level}`;
}

/**
 * Renders a classification as Markdown a commissioner can read: the tier and
 * why, every criterion with its outcome, the facts it read and its citation,
 * how the tier changes with the feature threshold, and the asset-based,
 * collaborative-innovation and principles assessments. A scheme whose
 * known facts do not settle the tier is shown as a range ("Not determined:
 * light to 'plus'"), never as a bare tier, followed by "Answer these next":
 * the decisive facts and the tier each answer would give. The structured
 * `Classification` stays the source of truth. The text names the scheme's
 * `id` and `name` but no other free text from the profile, except the
 * evidence passed in `options.evidence`, which is cited under each criterion
 * that reads the fact. Total: malformed evidence entries are left out.
 *
 * Total: when `c` cannot be read (not a classification the library made), it returns the empty string; it never throws.
 *
 * @example
 * ```ts
 * import { classifyScheme, explainClassification, ROTHERHAM } from 'social-prescribing';
 *
 * const text = classifyScheme(ROTHERHAM).map(explainClassification);
 * if (text.isOk()) console.log(text.value.split('\n')[0]);
 * // "# Rotherham Social Prescribing Service: 'plus'"
 *
 * // With the coder's evidence cited under the criteria that read it:
 * const withEvidence = { ...ROTHERHAM, evidence: { 'coverage.scale': { source: 'Dayson 2017', locator: 'Table 2 row 1' } } };
 * classifyScheme(withEvidence).map((c) => explainClassification(c, { evidence: withEvidence.evidence }));
 * ```
 */
export function explainClassification(c: Classification, options?: ExplainOptions): string {
  return totalOr(
    () => explainClassificationUnchecked(c, options),
    () => '',
  );
}

function explainClassificationUnchecked(c: Classification, options?: ExplainOptions): string {
  const evidence = readEvidence(options);
  const lines: string[] = [];
  const id = `\`${c.scheme.id.replace(/`/g, "'")}\``;
  lines.push(`# ${md(c.scheme.name)}: ${md(formatTierRange(c))}`, '');
  if (c.tier === c.highestPossibleTier) {
    lines.push(`Scheme ${id} is **${TIER_TEXT[c.tier]}**. ${summary(c)}`, '');
  } else {
    lines.push(`Scheme ${id} is **not determined: ${TIER_TEXT[c.tier]} to ${TIER_TEXT[c.highestPossibleTier]}**. ${openSummary(c)}`, '');
  }
  lines.push(...answerNext(c));

  lines.push('## Level (Kimberlee 2015)', '', ...criteriaTable(c.criteria.filter((x) => x.group === 'level'), evidence), '');
  lines.push(
    "## Necessary conditions of 'plus'",
    '',
    `All hold: **${OUTCOME_TEXT[c.necessaryConditions]}**.`,
    '',
    ...criteriaTable(c.criteria.filter((x) => x.group === 'necessary'), evidence),
    '',
  );
  lines.push(
    "## The four 'plus' features",
    '',
    `Met: ${c.plusFeatures.met}, not met: ${c.plusFeatures.notMet}, unknown: ${c.plusFeatures.unknown}; threshold: ${c.plusFeatures.threshold}.`,
    '',
    ...criteriaTable(c.criteria.filter((x) => x.group === 'plus_feature'), evidence),
    '',
  );
  lines.push('## Sensitivity to the feature threshold', '', '| Features required | Tier | Highest possible tier |', '|---|---|---|');
  for (const row of c.sensitivity) {
    const mark = row.threshold === c.plusFeatures.threshold ? ' (used)' : '';
    lines.push(`| ${row.threshold}${mark} | ${TIER_TEXT[row.tier]} | ${TIER_TEXT[row.highestPossibleTier]} |`);
  }
  lines.push('');
  lines.push('## Asset-based criteria (Morgan 2014; Table 3)', '', '| Criterion | Level shown | Source |', '|---|---|---|');
  for (const a of c.assetBased) {
    const range = a.outcome === 'unknown' ? ` (between ${LEVEL_TEXT[a.atLeast]} and ${LEVEL_TEXT[a.atMost]})` : '';
    lines.push(`| ${a.row}. ${md(a.title)} | ${LEVEL_TEXT[a.outcome]}${range} | ${md(formatCitation(a.citation))} |`);
  }
  lines.push('');
  const stageName = (n: number): string => (n === 0 ? 'none' : `${n}. ${md(c.innovation.stages[n - 1]?.title ?? '')}`);
  lines.push(
    '## Collaborative innovation (Table 4)',
    '',
    `Stage reached: **${stageName(c.innovation.stageReached)}**${c.innovation.highestPossibleStage !== c.innovation.stageReached ? ` (could be up to ${stageName(c.innovation.highestPossibleStage)})` : ''}.`,
    '',
    '| Stage | Outcome | Source |',
    '|---|---|---|',
    ...c.innovation.stages.map((s) => `| ${s.number}. ${md(s.title)} | ${OUTCOME_TEXT[s.outcome]} | ${md(formatCitation(s.citation))} |`),
    '',
  );
  lines.push(
    '## Principles of asset-based collaborative innovation',
    '',
    '| Principle | Evident | Source |',
    '|---|---|---|',
    ...c.principles.map((p) => `| ${p.number}. ${md(p.title)} | ${p.outcome === 'met' ? 'yes' : p.outcome === 'not_met' ? 'no' : 'unknown'} | ${md(formatCitation(p.citation))} |`),
    '',
  );
  const params = Object.entries(c.parameters)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  if (evidence.size > 0) {
    lines.push('## Evidence recorded by the coder', '', '| Fact | Evidence |', '|---|---|');
    for (const [key, e] of evidence) lines.push(`| ${md(label(key))} | ${evidenceText(e)} |`);
    lines.push('');
  }
  lines.push(`Rubric \`${c.rubric.id}\` version ${c.rubric.version}; parameters: ${params}.`, '');
  return lines.join('\n');
}
