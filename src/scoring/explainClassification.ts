import { SCHEME_FACTS } from '../scheme/facts';
import { escapeMarkdown, TIER_LABELS } from '../shared/text';
import type { Citation } from '../shared/vocabulary';
import type { Classification, CriterionResult, Outcome } from './types';

const LABELS = new Map<string, string>([...SCHEME_FACTS.map((f) => [f.key, f.label] as const), ['pathways', 'Referral pathways']]);


const OUTCOME_TEXT: Record<Outcome, string> = { met: 'met', not_met: 'not met', unknown: 'unknown' };
const LEVEL_TEXT = { not_evident: 'not evident', social_prescribing: 'social prescribing', plus: "'plus'", unknown: 'unknown' } as const;

const TIER_TEXT = TIER_LABELS;
const md = escapeMarkdown;

/**
 * Formats a citation as short text, e.g. `Dayson 2017, Table 2 row 1`.
 *
 * @example
 * ```ts
 * import { formatCitation } from 'social-prescribing';
 * formatCitation({ source: 'Dayson 2017', table: 3, row: 5 }); // 'Dayson 2017, Table 3 row 5'
 * ```
 */
export function formatCitation(citation: Citation): string {
  let out = citation.source;
  if (citation.table !== undefined) out += `, Table ${citation.table}`;
  if (citation.row !== undefined) out += ` row ${citation.row}`;
  if (citation.table === undefined && citation.section !== undefined) out += `, ${citation.section}`;
  return out;
}

const label = (field: string): string => LABELS.get(field) ?? field;
const fields = (list: readonly string[]): string => list.map((f) => md(label(f))).join('; ');

function criteriaTable(rows: readonly CriterionResult[]): string[] {
  const out = ['| Criterion | Outcome | Facts read | Source |', '|---|---|---|---|'];
  for (const c of rows) {
    const unknown = c.unknownFields.length > 0 ? ` (unknown: ${fields(c.unknownFields)})` : '';
    out.push(`| ${md(c.title)} | ${OUTCOME_TEXT[c.outcome]}${unknown} | ${fields(c.fieldsRead)} | ${md(formatCitation(c.citation))} |`);
  }
  return out;
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
 * collaborative-innovation and principles assessments. The structured
 * `Classification` stays the source of truth. The text names the scheme's
 * `id` and `name` but never any other free text from the profile.
 *
 * @example
 * ```ts
 * import { classifyScheme, explainClassification, ROTHERHAM } from 'social-prescribing';
 *
 * const text = classifyScheme(ROTHERHAM).map(explainClassification);
 * if (text.isOk()) console.log(text.value.split('\n')[0]);
 * // "# Rotherham Social Prescribing Service: 'plus'"
 * ```
 */
export function explainClassification(c: Classification): string {
  const lines: string[] = [];
  lines.push(`# ${md(c.scheme.name)}: ${TIER_TEXT[c.tier]}`, '');
  lines.push(`Scheme \`${c.scheme.id.replace(/`/g, "'")}\` is **${TIER_TEXT[c.tier]}**. ${summary(c)}`, '');
  if (c.highestPossibleTier !== c.tier) {
    const open = c.criteria.filter((x) => x.outcome === 'unknown');
    const unknownFields = [...new Set(open.flatMap((x) => x.unknownFields))];
    lines.push(
      `Some facts are unknown: the scheme could be up to **${TIER_TEXT[c.highestPossibleTier]}**. Finding out these would settle it: ${fields(unknownFields)}.`,
      '',
    );
  }

  lines.push('## Level (Kimberlee 2015)', '', ...criteriaTable(c.criteria.filter((x) => x.group === 'level')), '');
  lines.push(
    "## Necessary conditions of 'plus'",
    '',
    `All hold: **${OUTCOME_TEXT[c.necessaryConditions]}**.`,
    '',
    ...criteriaTable(c.criteria.filter((x) => x.group === 'necessary')),
    '',
  );
  lines.push(
    "## The four 'plus' features",
    '',
    `Met: ${c.plusFeatures.met}, not met: ${c.plusFeatures.notMet}, unknown: ${c.plusFeatures.unknown}; threshold: ${c.plusFeatures.threshold}.`,
    '',
    ...criteriaTable(c.criteria.filter((x) => x.group === 'plus_feature')),
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
  lines.push(`Rubric \`${c.rubric.id}\` version ${c.rubric.version}; parameters: ${params}.`, '');
  return lines.join('\n');
}
