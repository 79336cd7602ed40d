// The library side of "Classifying schemes for research": read a scheme CSV,
// classify every row with one set of rules, summarise the batch with the
// threshold sensitivity, and render the HTML report. The CLI does the same
// with files: `npx social-prescribing classify schemes.csv`.
import { parse } from 'csv-parse/sync';
import { ROTHERHAM } from 'social-prescribing/classification';
import {
  addToBatchSummary,
  classifyBatchCsvRecord,
  createBatchSummary,
  createSchemeCsvLayout,
  formatBatchSummary,
  formatSchemeCsv,
  renderResearchReport,
  resolveClassificationRules,
  type BatchRecord,
} from 'social-prescribing/research';

// A researcher's spreadsheet, here written from two profiles: Rotherham (Table 2) and the
// same scheme coded from a tender notice that does not mention the funding period.
const coded = { ...ROTHERHAM, id: 'rotherham-from-tender', funding: { ...ROTHERHAM.funding, committedYears: 'unknown' as const } };
const csv = formatSchemeCsv([ROTHERHAM, coded])._unsafeUnwrap();
// Read it with a CSV parser (csv-parse, which the CLI uses too), as you would a file exported from a spreadsheet.
const [header, ...rows] = parse(csv, { bom: true, relax_column_count: true }) as string[][];

const rules = resolveClassificationRules({ parameters: { plusFeatureThreshold: 4 } })._unsafeUnwrap();
const layout = createSchemeCsvLayout(header!)._unsafeUnwrap();
const records: BatchRecord[] = rows.map((cells, i) => classifyBatchCsvRecord(layout, cells, { file: 'schemes.csv', row: i + 2 }, rules));

const summary = records.reduce((s, r) => (r.status === 'ok' ? addToBatchSummary(s, r.classification) : s), createBatchSummary());
console.log(formatBatchSummary(summary, 'markdown', { rules }));

const html = renderResearchReport(records, rules, { title: 'Two readings of Rotherham' })._unsafeUnwrap();
console.log(`report: ${html.length} characters, rules hash ${rules.hash}`);

// With all four features required, the scheme coded without its funding period is 'plus' only
// if the unknown fact turns out favourable; at threshold 3 or less it is 'plus' either way.
const tiers = records.map((r) => (r.status === 'ok' ? `${r.classification.tier}/${r.classification.highestPossibleTier}` : r.error.code));
if (tiers.join(' ') !== 'plus/plus holistic/plus') throw new Error(`unexpected tiers: ${tiers.join(' ')}`);
const row3 = summary.sensitivity.find((r) => r.threshold === 3);
if (row3?.tiers.plus !== 2 || row3.changed !== 1) throw new Error('threshold 3 should make both schemes plus');
if (!html.includes(rules.hash)) throw new Error('the report must name the rules hash');
