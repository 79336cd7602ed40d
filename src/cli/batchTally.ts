// The batch summary of `classify`, counted in place: `addToBatchSummary`
// returns a new summary for every classification (it copies every criterion's
// counts, about thirty objects a scheme), which at 100,000 schemes costs more
// than reading their CSV. test/cli/batchTally.test.ts holds the two equal.
import type { BatchSensitivityRow, BatchSummary, Classification, CriterionCounts, Outcome } from '../index';

type Counts<K extends string> = Record<K, number>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface SensitivityCounts {
  readonly threshold: number;
  readonly tiers: Counts<Classification['tier']>;
  readonly highestPossibleTiers: Counts<Classification['tier']>;
  changed: number;
  changedHighestPossible: number;
}

const tierCounts = (): Counts<Classification['tier']> => ({ light: 0, holistic: 0, plus: 0 });
function addCounts<K extends string>(to: Counts<K>, from: Readonly<Record<K, number>>): void {
  for (const key of Object.keys(to) as K[]) to[key] += from[key];
}

const OUTCOME_FIELD = { met: 'met', not_met: 'notMet', unknown: 'unknown' } as const satisfies Record<Outcome, keyof CriterionCounts>;

/** The summary `addToBatchSummary` folds, counted in place: {@link add} each classification, then read {@link summary}. */
export class BatchTally {
  private schemes = 0;
  private threshold: number | null = null;
  private readonly tiers = tierCounts();
  private readonly highestPossibleTiers = tierCounts();
  private readonly determinedTiers = tierCounts();
  private undetermined = 0;
  private readonly levels: Counts<Classification['level']> = { signposting: 0, light: 0, medium: 0, holistic: 0 };
  private readonly criteria: Mutable<CriterionCounts>[] = [];
  private readonly criterionIndex = new Map<string, number>();
  private readonly sensitivity = new Map<number, SensitivityCounts>();

  /** Counts one classification (as `addToBatchSummary` does). */
  add(c: Classification): void {
    const threshold = this.threshold ?? c.plusFeatures.threshold;
    const used = c.sensitivity.find((row) => row.threshold === threshold);
    for (const x of c.criteria) this.count(x.id, x.group, x.title, x.outcome);
    for (const s of c.innovation.stages) this.count(s.id, 'stage', s.title, s.outcome);
    for (const p of c.principles) this.count(p.id, 'principle', p.title, p.outcome);
    for (const row of c.sensitivity) {
      let s = this.sensitivity.get(row.threshold);
      if (s === undefined) {
        s = { threshold: row.threshold, tiers: tierCounts(), highestPossibleTiers: tierCounts(), changed: 0, changedHighestPossible: 0 };
        this.sensitivity.set(row.threshold, s);
      }
      s.tiers[row.tier]++;
      s.highestPossibleTiers[row.highestPossibleTier]++;
      if (used !== undefined && used.tier !== row.tier) s.changed++;
      if (used !== undefined && used.highestPossibleTier !== row.highestPossibleTier) s.changedHighestPossible++;
    }
    this.schemes++;
    this.threshold = threshold;
    this.tiers[c.tier]++;
    this.highestPossibleTiers[c.highestPossibleTier]++;
    if (c.tier === c.highestPossibleTier) this.determinedTiers[c.tier]++;
    else this.undetermined++;
    this.levels[c.level]++;
  }

  /**
   * Adds the counts of a summary of the classifications that follow those
   * added so far (a tally of a later part of the batch, made with the same rules).
   */
  addSummary(s: BatchSummary): void {
    if (s.schemes === 0) return;
    // Each row's `changed` counts compare with the threshold of its part's first classification: one set of rules, one threshold.
    if (this.threshold !== null && s.threshold !== this.threshold) throw new Error('summaries made with different thresholds cannot be added');
    this.threshold = s.threshold;
    this.schemes += s.schemes;
    addCounts(this.tiers, s.tiers);
    addCounts(this.highestPossibleTiers, s.highestPossibleTiers);
    addCounts(this.determinedTiers, s.determinedTiers);
    this.undetermined += s.undetermined;
    addCounts(this.levels, s.levels);
    for (const k of s.criteria) {
      let index = this.criterionIndex.get(k.id);
      if (index === undefined) {
        index = this.criteria.push({ id: k.id, group: k.group, title: k.title, met: 0, notMet: 0, unknown: 0 }) - 1;
        this.criterionIndex.set(k.id, index);
      }
      const mine = this.criteria[index]!;
      mine.met += k.met;
      mine.notMet += k.notMet;
      mine.unknown += k.unknown;
    }
    for (const row of s.sensitivity) {
      let mine = this.sensitivity.get(row.threshold);
      if (mine === undefined) {
        mine = { threshold: row.threshold, tiers: tierCounts(), highestPossibleTiers: tierCounts(), changed: 0, changedHighestPossible: 0 };
        this.sensitivity.set(row.threshold, mine);
      }
      addCounts(mine.tiers, row.tiers);
      addCounts(mine.highestPossibleTiers, row.highestPossibleTiers);
      mine.changed += row.changed;
      mine.changedHighestPossible += row.changedHighestPossible;
    }
  }

  private count(id: string, group: CriterionCounts['group'], title: string, outcome: Outcome): void {
    let index = this.criterionIndex.get(id);
    if (index === undefined) {
      index = this.criteria.push({ id, group, title, met: 0, notMet: 0, unknown: 0 }) - 1;
      this.criterionIndex.set(id, index);
    }
    this.criteria[index]![OUTCOME_FIELD[outcome]]++;
  }

  /** The summary of every classification added, equal to `addToBatchSummary` folded over them from `createBatchSummary()`. */
  summary(): BatchSummary {
    const rows: BatchSensitivityRow[] = [...this.sensitivity.values()]
      .sort((a, b) => a.threshold - b.threshold)
      .map((s) => ({ threshold: s.threshold, tiers: { ...s.tiers }, highestPossibleTiers: { ...s.highestPossibleTiers }, changed: s.changed, changedHighestPossible: s.changedHighestPossible }));
    return {
      schemes: this.schemes,
      threshold: this.threshold,
      tiers: { ...this.tiers },
      highestPossibleTiers: { ...this.highestPossibleTiers },
      determinedTiers: { ...this.determinedTiers },
      undetermined: this.undetermined,
      levels: { ...this.levels },
      criteria: this.criteria.map((k) => ({ ...k })),
      sensitivity: rows,
    };
  }
}
