import { unreadableInputError } from '../shared/errors';
import { totalOr } from '../shared/total';
import { formatTierRange, TIER_LABELS } from '../shared/text';
import type { Classification } from '../scoring/index';
import { err, ok, type Result } from 'neverthrow';
import { createValidationError, formatPath, type ValidationError } from '../shared/errors';
import { issuesFromZod } from '../shared/zodIssues';
import { explainClassification } from '../scoring/index';
import type { Outcome } from '../scoring/index';
import { TIERS, type Tier } from '../shared/vocabulary';
import { addToBatchSummary } from './addToBatchSummary';
import { createBatchSummary } from './createBatchSummary';
import { escapeHtml as esc, markdownToHtml } from './markdownToHtml';
import {
  ResearchReportOptionsSchema,
  type BatchRecord,
  type BatchSuccess,
  type BatchSummary,
  type ClassificationRules,
  type ResearchReportOptions,
} from './schema';
import { safeParse } from '../shared/safeParse';

const TIER_LABEL = TIER_LABELS;
const TIER_COLOUR: Record<Tier, string> = { light: '#9ecae1', holistic: '#4292c6', plus: '#08306b' };
const OUTCOME_COLOUR: Record<Outcome, string> = { met: '#1a9850', not_met: '#d73027', unknown: '#d9d9d9' };
const OUTCOME_LABEL: Record<Outcome, string> = { met: 'met', not_met: 'not met', unknown: 'unknown' };
const OUTCOME_MARK: Record<Outcome, string> = { met: '✓', not_met: '✗', unknown: '?' };

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;margin:.8rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#f5f5f5;padding:0 .2em}
.meta{color:#555}.chart{margin:1rem 0;overflow-x:auto}.legend span{display:inline-block;margin-right:1rem}
.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:.3em;border:1px solid #999}
section.scheme{border-top:1px solid #ddd;margin-top:1.5rem}section.scheme h3{font-size:1.25rem}section.scheme h4{font-size:1.05rem}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
td.tier{white-space:nowrap}.undetermined{font-style:italic}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{max-width:none;margin:0;font-size:10pt}
  .chart{overflow:visible}.chart svg{max-width:100%;height:auto}
  tr,svg{break-inside:avoid}h2,h3{break-after:avoid}
  section.scheme{break-before:page}
  a{color:inherit;text-decoration:none}
}
@page{size:A4;margin:15mm}
`;

function tierChart(summary: BatchSummary): string {
  const width = 560;
  const height = 260;
  const left = 48;
  const bottom = 40;
  const top = 20;
  const most = Math.max(1, ...TIERS.map((t) => Math.max(summary.tiers[t], summary.highestPossibleTiers[t])));
  const step = Math.ceil(most / 4);
  const max = step * 4;
  const plotH = height - top - bottom;
  const groupW = (width - left - 10) / TIERS.length;
  const barW = Math.min(60, groupW / 3);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = step * k;
    const y = top + plotH - (plotH * v) / max;
    parts.push(`<line x1="${left}" y1="${y.toFixed(1)}" x2="${width - 10}" y2="${y.toFixed(1)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#555">${v}</text>`);
  }
  TIERS.forEach((t, i) => {
    const x0 = left + i * groupW + groupW / 2 - barW - 2;
    const bars: [number, string, string][] = [
      [summary.tiers[t], TIER_COLOUR[t], `${TIER_LABEL[t]}: ${summary.tiers[t]} proven`],
      [summary.highestPossibleTiers[t], '#ffffff', `${TIER_LABEL[t]}: ${summary.highestPossibleTiers[t]} at most (highest possible tier)`],
    ];
    bars.forEach(([value, fill, title], j) => {
      const h = (plotH * value) / max;
      const x = x0 + j * (barW + 4);
      const y = top + plotH - h;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(h, 0).toFixed(1)}" fill="${fill}" stroke="${TIER_COLOUR[t]}" stroke-width="2"${j === 1 ? ' stroke-dasharray="4 2"' : ''}><title>${esc(title)}</title></rect>`,
      );
      parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="11">${value}</text>`);
    });
    parts.push(`<text x="${(left + i * groupW + groupW / 2).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" font-size="13">${esc(TIER_LABEL[t])}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#333"/>`);
  return `<svg id="tier-chart" role="img" aria-labelledby="tier-chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="tier-chart-title">Schemes per tier: filled bars proven, dashed bars highest possible</title>${parts.join('')}</svg>`;
}

function sensitivityChart(summary: BatchSummary): string {
  const rows = summary.sensitivity;
  const width = 560;
  const rowH = 30;
  const left = 150;
  const height = rows.length * rowH + 30;
  const total = Math.max(1, summary.schemes);
  const plotW = width - left - 20;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = 10 + i * rowH;
    let x = left;
    parts.push(
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="12"${row.threshold === summary.threshold ? ' font-weight="bold"' : ''}>${row.threshold} feature${row.threshold === 1 ? '' : 's'}${row.threshold === summary.threshold ? ' (used)' : ''}</text>`,
    );
    for (const t of TIERS) {
      const w = (plotW * row.tiers[t]) / total;
      if (w > 0) {
        parts.push(
          `<rect class="bar" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${TIER_COLOUR[t]}"><title>${esc(`threshold ${row.threshold}: ${row.tiers[t]} ${TIER_LABEL[t]}`)}</title></rect>`,
        );
        if (w > 18) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle" font-size="11" fill="${t === 'light' ? '#000' : '#fff'}">${row.tiers[t]}</text>`);
      }
      x += w;
    }
  });
  return `<svg id="sensitivity-chart" role="img" aria-labelledby="sensitivity-chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="sensitivity-chart-title">Proven tiers under each 'plus' feature threshold</title>${parts.join('')}</svg>`;
}

interface HeatColumn {
  readonly id: string;
  readonly title: string;
}

const shorten = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/** A tier range in few characters, for the heatmap: `'plus'`, or `light–'plus'` when not determined. */
const shortRange = (c: Classification): string => (c.tier === c.highestPossibleTier ? TIER_LABEL[c.tier] : `${TIER_LABEL[c.tier]}–${TIER_LABEL[c.highestPossibleTier]}`);

function heatmap(results: readonly { record: BatchSuccess; anchor: string }[], columns: readonly HeatColumn[]): string {
  const cell = 16;
  const labelW = 220;
  const tierW = 110;
  const headH = 230;
  const gridX = labelW + tierW;
  const width = gridX + columns.length * cell + 200; // room for the slanted column labels
  const height = headH + results.length * cell + 10;
  const parts: string[] = [];
  parts.push(`<text x="${labelW + 4}" y="${headH - 6}" font-size="11" font-weight="bold">Tier</text>`);
  columns.forEach((col, j) => {
    const x = gridX + j * cell + cell / 2;
    parts.push(`<text x="${x}" y="${headH - 6}" font-size="10" transform="rotate(-60 ${x} ${headH - 6})">${esc(shorten(col.title, 44))}<title>${esc(`${col.title} (${col.id})`)}</title></text>`);
  });
  results.forEach(({ record, anchor }, i) => {
    const c = record.classification;
    const y = headH + i * cell;
    parts.push(`<a href="#${anchor}"><text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="11">${esc(shorten(c.scheme.id, 32))}</text></a>`);
    parts.push(`<text x="${labelW + 4}" y="${y + 12}" font-size="11"${c.determined ? '' : ' font-style="italic"'}>${esc(shortRange(c))}<title>${esc(formatTierRange(c))}</title></text>`);
    const outcomes = new Map<string, Outcome>([
      ...c.criteria.map((x) => [x.id, x.outcome] as const),
      ...c.innovation.stages.map((x) => [x.id, x.outcome] as const),
      ...c.principles.map((x) => [x.id, x.outcome] as const),
    ]);
    columns.forEach((col, j) => {
      const outcome = outcomes.get(col.id) ?? 'unknown';
      // Each cell links to the scheme's explanation, where the criterion's row cites the coder's evidence.
      parts.push(
        `<a href="#${anchor}"><rect class="cell ${outcome}" x="${gridX + j * cell}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${OUTCOME_COLOUR[outcome]}"><title>${esc(`${c.scheme.id}: ${col.title}: ${OUTCOME_LABEL[outcome]}`)}</title></rect>`,
        `<text class="mark" x="${gridX + j * cell + 7.5}" y="${y + 11.5}" text-anchor="middle" font-size="10" fill="${outcome === 'unknown' ? '#333' : '#fff'}" aria-hidden="true">${OUTCOME_MARK[outcome]}</text></a>`,
      );
    });
  });
  return `<svg id="criteria-heatmap" role="img" aria-labelledby="criteria-heatmap-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="criteria-heatmap-title">Schemes by criterion: met, not met or unknown</title>${parts.join('')}</svg>`;
}

function countsTable(summary: BatchSummary): string {
  const rows = TIERS.map(
    (t) =>
      `<tr><th scope="row"><span class="swatch" style="background:${TIER_COLOUR[t]}"></span>${esc(TIER_LABEL[t])}</th><td class="n">${summary.determinedTiers[t]}</td><td class="n">${summary.tiers[t]}</td><td class="n">${summary.highestPossibleTiers[t]}</td></tr>`,
  );
  rows.push(`<tr><th scope="row">Not determined</th><td class="n">${summary.undetermined}</td><td></td><td></td></tr>`);
  return `<table id="tier-counts"><thead><tr><th>Tier</th><th>Determined</th><th>At least (proven)</th><th>At most (highest possible)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One row per scheme: its tier range, its level range, and the facts to find out next. */
function schemesTable(results: readonly { record: BatchSuccess; anchor: string }[]): string {
  const rows = results.map(({ record, anchor }) => {
    const c = record.classification;
    const level = c.level === c.highestPossibleLevel ? c.level : `${c.level} to ${c.highestPossibleLevel}`;
    const next = c.decisiveFacts.filter((d) => d.decisive).map((d) => esc(d.label));
    return `<tr><td><a href="#${anchor}">${esc(c.scheme.id)}</a></td><td>${esc(c.scheme.name)}</td><td class="tier${c.determined ? '' : ' undetermined'}">${esc(formatTierRange(c))}</td><td>${esc(level)}</td><td>${next.length === 0 ? '' : `<ol>${next.map((n) => `<li>${n}</li>`).join('')}</ol>`}</td></tr>`;
  });
  return `<table id="scheme-table"><thead><tr><th>Scheme</th><th>Name</th><th>Tier</th><th>Kimberlee level</th><th>Answer these next</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function sensitivityTable(summary: BatchSummary): string {
  const head = `<tr><th>Features required</th>${TIERS.map((t) => `<th>${esc(TIER_LABEL[t])}</th>`).join('')}<th>Change tier</th>${TIERS.map((t) => `<th>Up to ${esc(TIER_LABEL[t])}</th>`).join('')}<th>Change highest possible</th></tr>`;
  const rows = summary.sensitivity.map(
    (row) =>
      `<tr><th scope="row">${row.threshold}${row.threshold === summary.threshold ? ' (used)' : ''}</th>${TIERS.map((t) => `<td class="n">${row.tiers[t]}</td>`).join('')}<td class="n">${row.changed}</td>${TIERS.map((t) => `<td class="n">${row.highestPossibleTiers[t]}</td>`).join('')}<td class="n">${row.changedHighestPossible}</td></tr>`,
  );
  return `<table id="sensitivity-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function criteriaTable(summary: BatchSummary): string {
  const rows = summary.criteria.map(
    (c) => `<tr><td><code>${esc(c.id)}</code></td><td>${esc(c.title)}</td><td class="n">${c.met}</td><td class="n">${c.notMet}</td><td class="n">${c.unknown}</td></tr>`,
  );
  return `<table id="criteria-counts"><thead><tr><th>Column</th><th>Criterion</th><th>Met</th><th>Not met</th><th>Unknown</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function sourceText(record: BatchRecord): string {
  return record.source.row === null ? record.source.file : `${record.source.file}, row ${record.source.row}`;
}

/**
 * Renders a batch as one self-contained HTML page a researcher can open or
 * attach to a paper: the rules and their hash, counts per tier with a bar
 * chart, a heatmap of schemes by criterion (met / not met / unknown), the
 * sensitivity of the tiers to the 'plus' feature threshold (table and
 * chart), the inputs that failed, and every scheme's explanation. Charts are
 * inline SVG; the page loads nothing from the network and has no scripts.
 * The same records and options always give the same bytes. Scheme ids and
 * names are shown; notes and pathway labels never are.
 *
 * When `records` or `rules` cannot be read (not values the library made: `renderResearchReport(undefined, rules)`, a throwing getter), it returns `invalid_report_input`.
 *
 * @param records - the batch records, in the order to show them.
 * @param rules - the rules the batch was classified with.
 *
 * @example
 * ```ts
 * import { classifyBatchInput, renderResearchReport, resolveClassificationRules, ROTHERHAM } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules()._unsafeUnwrap();
 * const records = [classifyBatchInput(ROTHERHAM, { file: 'rotherham.json', row: null }, rules)];
 * const html = renderResearchReport(records, rules, { title: 'One scheme' })._unsafeUnwrap();
 * html.startsWith('<!DOCTYPE html>'); // true
 * ```
 */
export function renderResearchReport(
  records: readonly BatchRecord[],
  rules: Pick<ClassificationRules, 'rubric' | 'parameters' | 'hash' | 'columns'>,
  options: ResearchReportOptions = {},
): Result<string, ValidationError<'invalid_report_options' | 'invalid_report_input'>> {
  return totalOr<Result<string, ValidationError<'invalid_report_options' | 'invalid_report_input'>>>(
    () => renderResearchReportUnchecked(records, rules, options),
    () => err(unreadableInputError('invalid_report_input', 'report input')),
  );
}

function renderResearchReportUnchecked(
  records: readonly BatchRecord[],
  rules: Pick<ClassificationRules, 'rubric' | 'parameters' | 'hash' | 'columns'>,
  options: ResearchReportOptions = {},
): Result<string, ValidationError<'invalid_report_options'>> {
  const parsed = safeParse(ResearchReportOptionsSchema, options);
  if (!parsed.success) return err(createValidationError('invalid_report_options', 'report options', issuesFromZod(parsed.error, options)));
  const title = parsed.data.title ?? 'Social prescribing schemes: classification report';
  const successes = records.filter((r): r is BatchSuccess => r.status === 'ok').map((record, i) => ({ record, anchor: `scheme-${i + 1}` }));
  const failures = records.filter((r) => r.status === 'error');
  const summary = successes.reduce((s, { record }) => addToBatchSummary(s, record.classification), createBatchSummary());
  const heatColumns: HeatColumn[] = rules.columns.filter((c) => c.group !== 'asset_based');
  const params = Object.entries(rules.parameters)
    .map(([k, v]) => `<code>${esc(k)}</code> = ${esc(String(v))}`)
    .join(', ');
  const foreign = successes.filter(({ record }) => record.rulesHash !== rules.hash).length;

  const html: string[] = [];
  html.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  html.push(`<title>${esc(title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  html.push(`<header><h1>${esc(title)}</h1>`);
  html.push(
    `<p class="meta" id="rules">${summary.schemes} scheme${summary.schemes === 1 ? '' : 's'} classified; ${failures.length} input${failures.length === 1 ? '' : 's'} failed. Rubric <code>${esc(rules.rubric.id)}</code> version ${esc(rules.rubric.version)}; parameters: ${params}.<br>Rules hash: <code id="rules-hash">${esc(rules.hash)}</code>. Two reports with the same hash used the same rubric and parameters.</p>`,
  );
  if (foreign > 0) html.push(`<p><strong>Warning:</strong> ${foreign} scheme${foreign === 1 ? ' was' : 's were'} classified with different rules (another hash).</p>`);
  html.push('</header>');

  html.push('<section id="tiers"><h2>Schemes per tier</h2>');
  html.push(
    '<p>The proven tier is what the known facts show; the highest possible tier is what the unknown facts would still allow (Dayson 2017; unknown is never read as false).</p>',
  );
  html.push(countsTable(summary), `<div class="chart">${tierChart(summary)}</div>`);
  html.push(`<p class="legend">${TIERS.map((t) => `<span><span class="swatch" style="background:${TIER_COLOUR[t]}"></span>${esc(TIER_LABEL[t])}</span>`).join('')}<span>filled: proven; dashed outline: highest possible</span></p>`);
  html.push('</section>');

  html.push('<section id="schemes"><h2>Schemes</h2>');
  html.push(
    "<p>Each scheme's tier. When the known facts do not settle it, the tier is a range (\"Not determined: light to 'plus'\"), not a verdict: the last column lists the unknown facts that could settle it, the one to look up first first.</p>",
  );
  html.push(schemesTable(successes), '</section>');

  html.push('<section id="heatmap"><h2>Schemes by criterion</h2>');
  html.push(
    `<p class="legend">${(['met', 'not_met', 'unknown'] as const).map((o) => `<span><span class="swatch" style="background:${OUTCOME_COLOUR[o]}"></span>${OUTCOME_MARK[o]} ${OUTCOME_LABEL[o]}</span>`).join('')}</p>`,
  );
  html.push(
    '<p>One row per scheme (follow its name or a cell to its explanation, where each criterion cites the evidence the coder recorded), its tier (a range in italics when not determined), then one column per criterion: the Kimberlee level dimensions, the necessary conditions and the four features of \'plus\', the stages of collaborative innovation (Table 4) and the principles.</p>',
  );
  html.push(`<div class="chart">${heatmap(successes, heatColumns)}</div>`);
  html.push(criteriaTable(summary), '</section>');

  html.push("<section id=\"sensitivity\"><h2>Sensitivity to the 'plus' feature threshold</h2>");
  html.push(
    `<p>The paper asks a 'plus' scheme to show "a number in combination" of the four features without saying how many. This is how many schemes would have each tier under every possible threshold, and how many change tier compared with the threshold used (${summary.threshold ?? '-'}).</p>`,
  );
  html.push(sensitivityTable(summary), `<div class="chart">${sensitivityChart(summary)}</div>`, '</section>');

  html.push('<section id="failures"><h2>Inputs that failed</h2>');
  if (failures.length === 0) html.push('<p>None: every input was classified.</p>');
  else {
    html.push('<table id="failure-table"><thead><tr><th>Source</th><th>Error</th><th>Field</th><th>Issue</th><th>Message</th></tr></thead><tbody>');
    for (const f of failures) {
      if (f.status !== 'error') continue;
      const issues = f.error.issues.length > 0 ? f.error.issues : [{ path: [], column: null, code: f.error.code, message: f.error.message }];
      for (const issue of issues) {
        html.push(
          `<tr><td>${esc(sourceText(f))}</td><td><code>${esc(f.error.code)}</code></td><td><code>${esc(issue.column ?? formatPath(issue.path))}</code></td><td><code>${esc(issue.code)}</code></td><td>${esc(issue.message)}</td></tr>`,
        );
      }
    }
    html.push('</tbody></table>');
  }
  html.push('</section>');

  if (parsed.data.explanations !== false) {
    html.push('<section id="explanations"><h2>Explanations</h2>');
    for (const { record, anchor } of successes) {
      html.push(
        `<section class="scheme" id="${anchor}"><p class="meta">${esc(sourceText(record))}</p>${markdownToHtml(explainClassification(record.classification, record.evidence === undefined ? {} : { evidence: record.evidence }), 2)}</section>`,
      );
    }
    html.push('</section>');
  }
  html.push(`<footer><p class="meta">Made by ${esc(parsed.data.generator ?? 'social-prescribing')}. Classification after Dayson (2017), <em>Social prescribing 'plus': a model of asset-based collaborative innovation?</em>, People, Place and Policy 11(2) 90-104.</p></footer>`);
  html.push('</body>', '</html>', '');
  return ok(html.join('\n'));
}
