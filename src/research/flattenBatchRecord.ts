import { totalOr } from '../shared/total';
import { formatTierRange } from '../shared/text';
import { issueText } from './textCells';
import { batchCsvColumns } from './batchCsvColumns';
import type { BatchRecord, ClassificationRules } from './schema';

/**
 * Where each named cell goes, per set of rules: a slot for each distinct
 * column name, and the slots of the `outcome_<id>` and `..._at_threshold_<k>`
 * columns found so far (-1: not a column), so that a record is flattened
 * without building a map of names.
 */
interface Layout {
  readonly slotOf: ReadonlyMap<string, number>;
  /** The slot of each column, in order (a name that repeats shares its slot). */
  readonly order: readonly number[];
  readonly outcome: Map<string, number>;
  readonly tierAt: Map<number, readonly [number, number]>;
  readonly slots: number;
}

const LAYOUTS = new WeakMap<object, Layout>();

function layoutOf(rules: Pick<ClassificationRules, 'columns'>): Layout {
  let layout = LAYOUTS.get(rules.columns);
  if (layout === undefined) {
    const slotOf = new Map<string, number>();
    const order = batchCsvColumns(rules).map((name) => {
      let slot = slotOf.get(name);
      if (slot === undefined) slotOf.set(name, (slot = slotOf.size));
      return slot;
    });
    layout = { slotOf, order, outcome: new Map(), tierAt: new Map(), slots: slotOf.size };
    LAYOUTS.set(rules.columns, layout);
  }
  return layout;
}

const slot = (layout: Layout, name: string): number => layout.slotOf.get(name) ?? -1;

// Only columns found are remembered: what a record holds cannot grow the layout without bound.
function outcomeSlot(layout: Layout, id: string): number {
  let s = layout.outcome.get(id);
  if (s === undefined) {
    s = slot(layout, `outcome_${id}`);
    if (s >= 0) layout.outcome.set(id, s);
  }
  return s;
}

function tierAtSlots(layout: Layout, threshold: number): readonly [number, number] {
  let s = layout.tierAt.get(threshold);
  if (s === undefined) {
    s = [slot(layout, `tier_at_threshold_${threshold}`), slot(layout, `highest_possible_tier_at_threshold_${threshold}`)];
    if (s[0] >= 0 || s[1] >= 0) layout.tierAt.set(threshold, s);
  }
  return s;
}

/**
 * Flattens a batch record into the cells of one CSV row, in the order of
 * `batchCsvColumns(rules)`. A failed input has its source, `error` status,
 * its `scheme_id` when the input had a valid id, the error code and the
 * issues (each its message, which names the CSV column or field path and
 * gives the allowed values or a "did you mean", then its code in brackets,
 * separated by `; `), and empty result cells.
 *
 * Total: when `record` or `rules` cannot be read (not values the library made), it returns no cells; it never throws.
 *
 * @example
 * ```ts
 * import { batchCsvColumns, classifyBatchInput, flattenBatchRecord, resolveClassificationRules, ROTHERHAM } from 'social-prescribing';
 *
 * const rules = resolveClassificationRules()._unsafeUnwrap();
 * const cells = flattenBatchRecord(classifyBatchInput(ROTHERHAM, { file: 'r.json', row: null }, rules), rules);
 * const row = Object.fromEntries(batchCsvColumns(rules).map((name, i) => [name, cells[i]]));
 * row['tier']; // 'plus'
 * row['outcome_plus_pathways']; // 'met'
 * ```
 */
export function flattenBatchRecord(record: BatchRecord, rules: Pick<ClassificationRules, 'columns'>): readonly string[] {
  return totalOr(
    () => flattenBatchRecordUnchecked(record, rules),
    () => [],
  );
}

function flattenBatchRecordUnchecked(record: BatchRecord, rules: Pick<ClassificationRules, 'columns'>): readonly string[] {
  const layout = layoutOf(rules);
  const cells = new Array<string>(layout.slots).fill('');
  // Set in the order a map of names was once filled: a later cell for the same column wins.
  const set = (s: number, value: string): void => {
    if (s >= 0) cells[s] = value;
  };
  const named = (name: string, value: string): void => set(slot(layout, name), value);
  named('source_file', record.source.file);
  named('source_row', record.source.row === null ? '' : String(record.source.row));
  named('status', record.status);
  if (record.status === 'error') {
    if (record.schemeId !== undefined) named('scheme_id', record.schemeId);
    named('error_code', record.error.code);
    named('error_issues', record.error.issues.map(issueText).join('; '));
  } else {
    const c = record.classification;
    named('scheme_id', c.scheme.id);
    named('scheme_name', c.scheme.name);
    named('tier', c.tier);
    named('highest_possible_tier', c.highestPossibleTier);
    named('determined', c.tier === c.highestPossibleTier ? 'true' : 'false');
    named('tier_range', formatTierRange(c));
    named('decisive_facts', c.decisiveFacts.filter((d) => d.decisive).map((d) => d.fact).join('; '));
    named('level', c.level);
    named('highest_possible_level', c.highestPossibleLevel);
    named('necessary_conditions', c.necessaryConditions);
    named('plus_features_met', String(c.plusFeatures.met));
    named('plus_features_not_met', String(c.plusFeatures.notMet));
    named('plus_features_unknown', String(c.plusFeatures.unknown));
    named('plus_feature_threshold', String(c.plusFeatures.threshold));
    for (const row of c.sensitivity) {
      const [tier, highest] = tierAtSlots(layout, row.threshold);
      set(tier, row.tier);
      set(highest, row.highestPossibleTier);
    }
    for (const x of c.criteria) set(outcomeSlot(layout, x.id), x.outcome);
    for (const x of c.assetBased) set(outcomeSlot(layout, x.id), x.outcome);
    for (const x of c.innovation.stages) set(outcomeSlot(layout, x.id), x.outcome);
    for (const x of c.principles) set(outcomeSlot(layout, x.id), x.outcome);
    named('innovation_stage_reached', String(c.innovation.stageReached));
    named('innovation_highest_possible_stage', String(c.innovation.highestPossibleStage));
    named('rubric_id', c.rubric.id);
    named('rubric_version', c.rubric.version);
    named('rules_hash', record.rulesHash);
  }
  return layout.order.map((s) => cells[s] ?? '');
}
