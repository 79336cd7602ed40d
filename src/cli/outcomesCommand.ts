// The `outcomes` command: a commissioner-facing summary of well-being change
// from a referral event log, as a table (Markdown or JSON) and a
// before-and-after chart (SVG, written here without any chart library).
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  computeReferralMetrics,
  WELLBEING_MEASURES,
  WELLBEING_SCORE_RANGES,
  type PairedChangeSummary,
  type ReferralMetrics,
  type WellbeingMeasure,
} from '../index';
import { CliError, EXIT } from './exitCodes';
import { formatValidationError } from './formatValidationError';
import { checkOut, formatFromOut } from './outPath';
import { Output } from './output';

const FORMATS = ['markdown', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];
const OUTCOMES_EXTENSIONS: Readonly<Record<Format, readonly string[]>> = { markdown: ['.md', '.markdown'], json: ['.json'], html: ['.html', '.htm'] };

interface OutcomesOptions {
  readonly format?: Format;
  readonly measure?: WellbeingMeasure;
  readonly out?: string;
  readonly chart?: string;
  readonly asOf?: string;
}

/** One row of the summary: a group (overall, a pathway, a source) and its change on the measure. */
interface Row {
  readonly group: string;
  readonly summary: PairedChangeSummary;
}

const LABEL: Readonly<Record<WellbeingMeasure, string>> = {
  wemwbs: 'WEMWBS',
  swemwbs: 'SWEMWBS (metric)',
  ons4_life_satisfaction: 'ONS4 life satisfaction',
  ons4_worthwhile: 'ONS4 worthwhile',
  ons4_happiness: 'ONS4 happiness',
  ons4_anxiety: 'ONS4 anxiety',
};

const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeCell = (s: string): string => s.replace(/[|\\]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
const fmt = (x: number | null, digits = 2): string => (x === null ? '–' : x.toFixed(digits));
const fmtP = (p: number | null): string => (p === null ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3));

/** Reads a referral event log: JSON Lines, or a JSON array. A line that is not JSON counts as an invalid event. */
async function readLog(path: string): Promise<unknown[]> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`outcomes: the event log cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, EXIT.usage);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed)) return parsed;
    } catch {
      throw new CliError('outcomes: the event log is not valid JSON', EXIT.usage);
    }
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return null;
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function rowsFor(metrics: ReferralMetrics, measure: WellbeingMeasure): Row[] {
  const pick = (list: readonly PairedChangeSummary[] | undefined) => list?.find((s) => s.measure === measure);
  const rows: Row[] = [];
  const overall = pick(metrics.wellbeingChange.overall);
  if (overall !== undefined) rows.push({ group: 'All referrals', summary: overall });
  for (const [pathway, list] of Object.entries(metrics.wellbeingChange.byPathway)) {
    const s = pick(list);
    if (s !== undefined) rows.push({ group: `Pathway: ${pathway}`, summary: s });
  }
  for (const [source, list] of Object.entries(metrics.wellbeingChange.bySource)) {
    const s = pick(list);
    if (s !== undefined) rows.push({ group: `Source: ${source.replace(/_/g, ' ')}`, summary: s });
  }
  return rows;
}

/**
 * A before-and-after ("dumbbell") chart: for each group, the mean baseline
 * score (hollow circle) joined to the mean follow-up score (filled circle)
 * on the measure's scale, with the number of people. Pure SVG text.
 */
export function renderOutcomesChart(rows: readonly Row[], measure: WellbeingMeasure): string {
  const { min, max } = WELLBEING_SCORE_RANGES[measure];
  const left = 230;
  const width = 720;
  const plot = width - left - 70;
  const rowHeight = 34;
  const top = 56;
  const height = top + rows.length * rowHeight + 50;
  const x = (v: number): number => left + ((v - min) / (max - min)) * plot;
  // Four intervals when they fall on whole numbers (SWEMWBS 7-35, WEMWBS 14-70), else five (ONS4 0-10).
  const intervals = (max - min) % 4 === 0 ? 4 : 5;
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => min + ((max - min) * i) / intervals);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="title">Well-being before and after: ${LABEL[measure]}</title>`,
    `<desc id="desc">For each group, the mean ${LABEL[measure]} score at baseline (hollow circle) and at follow-up (filled circle), over the people with both.</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="20" y="24" font-size="15" font-weight="bold" fill="#1a1a1a">Mean ${LABEL[measure]} score: baseline ○ and follow-up ●</text>`,
  ];
  for (const t of ticks) {
    parts.push(`<line x1="${x(t).toFixed(1)}" y1="${top - 14}" x2="${x(t).toFixed(1)}" y2="${height - 40}" stroke="#dddddd"/>`);
    parts.push(`<text x="${x(t).toFixed(1)}" y="${height - 22}" text-anchor="middle" fill="#444444">${Number(t.toFixed(1))}</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const s = row.summary;
    parts.push(`<text x="${left - 10}" y="${y + 4}" text-anchor="end" fill="#1a1a1a">${escapeXml(row.group)}</text>`);
    if (s.baselineMean === null || s.followUpMean === null) return;
    const better = s.direction === 'higher_is_better' ? s.followUpMean >= s.baselineMean : s.followUpMean <= s.baselineMean;
    const colour = better ? '#1b7837' : '#b2182b';
    parts.push(`<line x1="${x(s.baselineMean).toFixed(1)}" y1="${y}" x2="${x(s.followUpMean).toFixed(1)}" y2="${y}" stroke="${colour}" stroke-width="3"/>`);
    parts.push(`<circle cx="${x(s.baselineMean).toFixed(1)}" cy="${y}" r="6" fill="#ffffff" stroke="${colour}" stroke-width="2"><title>baseline ${fmt(s.baselineMean)}</title></circle>`);
    parts.push(`<circle cx="${x(s.followUpMean).toFixed(1)}" cy="${y}" r="6" fill="${colour}"><title>follow-up ${fmt(s.followUpMean)}</title></circle>`);
    const warn = s.warnings.some((w) => w.code === 'fewer_than_30_pairs') ? ' *' : '';
    parts.push(`<text x="${width - 60}" y="${y + 4}" fill="#444444">n=${s.pairs}${warn}</text>`);
  });
  parts.push(`<text x="${left}" y="${height - 4}" font-size="11" fill="#444444">* fewer than 30 people with both scores: indicative only</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function renderMarkdown(rows: readonly Row[], measure: WellbeingMeasure, metrics: ReferralMetrics): string {
  const lines = [
    `# Well-being outcomes: ${LABEL[measure]}`,
    '',
    `Events read: ${metrics.events.total}, applied: ${metrics.events.applied}. Referrals with a baseline and a follow-up score on ${measure}: ${rows[0]?.summary.pairs ?? 0}.`,
    '',
    '| Group | n | Baseline mean | Follow-up mean | Mean change | 95% CI | t | p | SRM (d_z) | Meaningful improvement | Warnings |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { group, summary: s } of rows) {
    const ci = s.ci95 === null ? '–' : `${fmt(s.ci95.lower)} to ${fmt(s.ci95.upper)}`;
    const meaningful =
      s.meaningfulChange === null || s.meaningfulChange.improvedShare === null
        ? '–'
        : `${s.meaningfulChange.improved} (${(s.meaningfulChange.improvedShare * 100).toFixed(0)}%, ≥ ${s.meaningfulChange.threshold} points)`;
    lines.push(
      `| ${escapeCell(group)} | ${s.pairs} | ${fmt(s.baselineMean)} | ${fmt(s.followUpMean)} | ${fmt(s.meanChange)} | ${ci} | ${fmt(s.t)} | ${fmtP(s.pValue)} | ${fmt(s.srm)} | ${meaningful} | ${s.warnings.map((w) => w.code).join(', ') || '–'} |`,
    );
  }
  if (rows.length === 0) lines.push(`| (no referral has both a baseline and a follow-up score on ${measure}) | 0 | | | | | | | | | |`);
  lines.push('', 'Change is follow-up minus baseline; for ONS4 anxiety a fall is an improvement. Fewer than 30 pairs: indicative only (the measure owners\' minimum).', '');
  return lines.join('\n');
}

function renderHtml(markdownRows: readonly Row[], measure: WellbeingMeasure, svg: string): string {
  const head = ['Group', 'n', 'Baseline mean', 'Follow-up mean', 'Mean change', '95% CI', 't', 'p', 'SRM (d_z)', 'Meaningful improvement', 'Warnings'];
  const body = markdownRows.map(({ group, summary: s }) => {
    const cells = [
      group,
      String(s.pairs),
      fmt(s.baselineMean),
      fmt(s.followUpMean),
      fmt(s.meanChange),
      s.ci95 === null ? '–' : `${fmt(s.ci95.lower)} to ${fmt(s.ci95.upper)}`,
      fmt(s.t),
      fmtP(s.pValue),
      fmt(s.srm),
      s.meaningfulChange?.improvedShare == null ? '–' : `${s.meaningfulChange.improved} (${(s.meaningfulChange.improvedShare * 100).toFixed(0)}%)`,
      s.warnings.map((w) => w.code).join(', ') || '–',
    ];
    return `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${escapeXml(c)}</th>` : `<td>${escapeXml(c)}</td>`)).join('')}</tr>`;
  });
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Well-being outcomes: ${LABEL[measure]}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:right}th[scope=row],thead th{text-align:left}svg{max-width:100%;height:auto}</style></head>
<body>
<h1>Well-being outcomes: ${LABEL[measure]}</h1>
<figure>${svg}<figcaption>Mean score at baseline and follow-up, over the people with both.</figcaption></figure>
<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>
${body.join('\n')}
</tbody></table>
<p>Change is follow-up minus baseline. Fewer than 30 pairs: indicative only.</p>
</body></html>
`;
}

async function outcomesCommand(log: string, options: OutcomesOptions): Promise<number> {
  // The output paths are checked before anything is read: --out results.xlsx never receives Markdown.
  const format: Format = options.format ?? formatFromOut(options.out, OUTCOMES_EXTENSIONS) ?? 'markdown';
  checkOut('outcomes', options.out, format, OUTCOMES_EXTENSIONS);
  if (options.chart !== undefined) checkOut('outcomes --chart', options.chart, 'svg', { svg: ['.svg'] });
  const events = await readLog(log);
  const metrics = computeReferralMetrics(events, options.asOf === undefined ? {} : { asOf: options.asOf });
  if (metrics.isErr()) throw new CliError(formatValidationError(metrics.error, { asOf: '--as-of' }), EXIT.usage);
  const m = metrics.value;
  const measure = options.measure ?? WELLBEING_MEASURES.find((x) => m.wellbeingChange.overall.some((s) => s.measure === x)) ?? 'swemwbs';
  const rows = rowsFor(m, measure);
  const svg = renderOutcomesChart(rows, measure);
  const text =
    format === 'json'
      ? `${JSON.stringify({ measure, events: m.events, wellbeingChange: m.wellbeingChange }, null, 2)}\n`
      : format === 'html'
        ? renderHtml(rows, measure, svg)
        : renderMarkdown(rows, measure, m);
  const out = Output.open(options.out);
  await out.write(text);
  await out.close();
  if (options.chart !== undefined) {
    const chart = Output.open(options.chart);
    await chart.write(svg);
    await chart.close();
  }
  const rejected = m.events.total - m.events.applied;
  if (rejected > 0) process.stderr.write(`social-prescribing: ${rejected} of ${m.events.total} events were not applied (invalid or out of order); see the json output's events.rejected\n`);
  return rejected > 0 ? EXIT.someInputsFailed : EXIT.ok;
}

/** Adds the `outcomes` command to the program. */
export function registerOutcomesCommand(program: Command, onExit: (code: number) => void): void {
  program
    .command('outcomes')
    .description(
      'summarise well-being change from a referral event log (JSON Lines or a JSON array; "-" for standard input): per measure, overall, by pathway and by referral source, with a before-and-after chart',
    )
    .argument('<log>', 'the referral event log')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the --out extension, else markdown)').choices(FORMATS))
    .addOption(new Option('-m, --measure <measure>', 'the measure to report (default: the first with any pairs)').choices(WELLBEING_MEASURES))
    .option('-o, --out <file>', 'write the summary to a file instead of standard output')
    .option('--chart <file>', 'also write the before-and-after chart as an SVG file')
    .option('--as-of <date>', 'ignore events after this moment: an ISO date (the start of that day, UTC) or an ISO date-time with offset')
    .action(async (log: string, options: OutcomesOptions) => onExit(await outcomesCommand(log, options)));
}
