import type { Citation, KimberleeLevel, Outcome, Tier } from '../shared/vocabulary';

export type { Outcome };


/**
 * The result of one tier criterion of the rubric.
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 *
 * const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
 * const coverage = c.criteria.find((x) => x.id === 'plus_coverage');
 * coverage?.outcome; // 'met'
 * coverage?.citation; // { source: 'Dayson 2017', table: 2, row: 1, ... }
 * ```
 */
export interface CriterionResult {
  /** The criterion's id in the rubric. */
  readonly id: string;
  /** `level`: a Kimberlee dimension; `necessary`: a condition every 'plus' scheme meets; `plus_feature`: one of the four features. */
  readonly group: 'level' | 'necessary' | 'plus_feature';
  /** A short title. */
  readonly title: string;
  /** Met, not met, or not decided by the known facts. */
  readonly outcome: Outcome;
  /** The profile fields the criterion reads (dotted paths). */
  readonly fieldsRead: readonly string[];
  /** When `outcome` is `unknown`: the fields read whose value is unknown. Otherwise empty. */
  readonly unknownFields: readonly string[];
  /** Where the rule comes from. */
  readonly citation: Citation;
}

/**
 * How a scheme fares against one of Morgan's (2014) asset-based criteria
 * (Dayson 2017, Table 3): at the level of ordinary social prescribing, of
 * 'plus', or not evident. `atLeast` and `atMost` bound the answer when some
 * facts are unknown; `outcome` is `unknown` when they differ.
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 *
 * const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
 * c.assetBased.map((a) => a.outcome); // ['plus', 'plus', 'plus', 'plus', 'plus']
 * ```
 */
export interface AssetBasedResult {
  /** The criterion's id in the rubric. */
  readonly id: string;
  /** The row of Table 3, 1-5. */
  readonly row: number;
  /** A short title. */
  readonly title: string;
  /** The level shown, or `unknown`. */
  readonly outcome: AssetBasedLevel | 'unknown';
  /** The level the known facts prove. */
  readonly atLeast: AssetBasedLevel;
  /** The level the unknown facts would still allow. */
  readonly atMost: AssetBasedLevel;
  /** The profile fields read. */
  readonly fieldsRead: readonly string[];
  /** Where the rule comes from. */
  readonly citation: Citation;
}

/**
 * The levels of an asset-based criterion, in increasing order.
 *
 * @example
 * ```ts
 * import { ASSET_BASED_LEVELS } from 'social-prescribing';
 * ASSET_BASED_LEVELS; // ['not_evident', 'social_prescribing', 'plus']
 * ```
 */
export const ASSET_BASED_LEVELS = ['not_evident', 'social_prescribing', 'plus'] as const;
/**
 * One of {@link ASSET_BASED_LEVELS}.
 *
 * @example
 * ```ts
 * import type { AssetBasedLevel } from 'social-prescribing';
 * const l: AssetBasedLevel = 'social_prescribing';
 * ```
 */
export type AssetBasedLevel = (typeof ASSET_BASED_LEVELS)[number];

/**
 * The outcome of one stage of collaborative innovation (Table 4) or one of
 * the five principles.
 *
 * @example
 * ```ts
 * import type { StageResult } from 'social-prescribing';
 * const s: StageResult = { id: 'stage_diffusing', number: 4, title: 'Diffusing', outcome: 'met', fieldsRead: ['innovation.diffused'], citation: { source: 'Dayson 2017', table: 4, row: 4 } };
 * ```
 */
export interface StageResult {
  /** The id in the rubric. */
  readonly id: string;
  /** The stage or principle number, from 1. */
  readonly number: number;
  /** A short title. */
  readonly title: string;
  /** Met, not met, or unknown. */
  readonly outcome: Outcome;
  /** The profile fields read. */
  readonly fieldsRead: readonly string[];
  /** Where the rule comes from. */
  readonly citation: Citation;
}

/**
 * How far a scheme has come through the four stages of collaborative
 * innovation (Dayson 2017, Table 4). Stages are cumulative: stage *n* is
 * reached when stages 1 to *n* are all met.
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 * classifyScheme(ROTHERHAM)._unsafeUnwrap().innovation.stageReached; // 4
 * ```
 */
export interface InnovationResult {
  /** The last stage the known facts prove was reached (0 = none). */
  readonly stageReached: number;
  /** The last stage the unknown facts would still allow. */
  readonly highestPossibleStage: number;
  /** Each stage's own outcome. */
  readonly stages: readonly StageResult[];
}

/**
 * The tier under one value of the 'plus' feature threshold.
 *
 * @example
 * ```ts
 * import type { SensitivityRow } from 'social-prescribing';
 * const row: SensitivityRow = { threshold: 4, tier: 'holistic', highestPossibleTier: 'plus' };
 * ```
 */
export interface SensitivityRow {
  /** How many of the four features are required. */
  readonly threshold: number;
  /** The tier the known facts prove at that threshold. */
  readonly tier: Tier;
  /** The highest tier the unknown facts allow at that threshold. */
  readonly highestPossibleTier: Tier;
}

/**
 * The structured result of classifying a scheme. It is plain, JSON-safe
 * data and the source of truth; `explainClassification` renders it as text.
 *
 * @example
 * ```ts
 * import { classifyScheme, ROTHERHAM } from 'social-prescribing';
 *
 * const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
 * [c.tier, c.highestPossibleTier, c.level]; // ['plus', 'plus', 'holistic']
 * ```
 */
export interface Classification {
  /** The scheme's id and name, as given in the profile. */
  readonly scheme: {
    /** The profile's `id`. */
    readonly id: string;
    /** The profile's `name`. */
    readonly name: string;
  };
  /** The rubric used. */
  readonly rubric: {
    /** The rubric's id, e.g. `dayson-2017`. */
    readonly id: string;
    /** The rubric's version, e.g. `1.0.0`. */
    readonly version: string;
  };
  /** The value of every rubric parameter used, defaults included. */
  readonly parameters: Readonly<Record<string, number>>;
  /**
   * The tier the known facts prove: the lowest tier over every way of
   * resolving the unknown facts. Not a verdict unless `determined` is true:
   * show an undetermined scheme as the range `tier` to `highestPossibleTier`.
   */
  readonly tier: Tier;
  /** The highest tier the unknown facts would still allow; equals `tier` when no relevant fact is unknown. */
  readonly highestPossibleTier: Tier;
  /** Whether the known facts settle the tier (`tier` equals `highestPossibleTier`). */
  readonly determined: boolean;
  /** The Kimberlee level the known facts prove: the lowest level over every way of resolving the unknown facts. */
  readonly level: KimberleeLevel;
  /** The highest Kimberlee level the unknown facts would still allow. */
  readonly highestPossibleLevel: KimberleeLevel;
  /**
   * What to find out next: every unknown fact the tier criteria read, with the
   * tier range the scheme would have for each value it could take. Decisive
   * facts (some value moves a bound) come first, ordered so that the first
   * settle the tier soonest; facts that move neither bound follow, marked
   * `decisive: false`. Empty when no fact the tier depends on is unknown.
   */
  readonly decisiveFacts: readonly DecisiveFact[];
  /** One result per tier criterion, in rubric order: level dimensions, necessary conditions, 'plus' features. */
  readonly criteria: readonly CriterionResult[];
  /** Whether all necessary conditions of 'plus' hold. */
  readonly necessaryConditions: Outcome;
  /** How many 'plus' features are met, not met and unknown, and the threshold used. */
  readonly plusFeatures: {
    /** Features the known facts prove. */
    readonly met: number;
    /** Features the known facts rule out. */
    readonly notMet: number;
    /** Features the known facts do not decide. */
    readonly unknown: number;
    /** How many features 'plus' requires (the `plusFeatureThreshold` used). */
    readonly threshold: number;
  };
  /** The tier under every possible feature threshold, 1 to the number of features. */
  readonly sensitivity: readonly SensitivityRow[];
  /** Morgan's asset-based criteria (Table 3). */
  readonly assetBased: readonly AssetBasedResult[];
  /** The stage of collaborative innovation reached (Table 4). */
  readonly innovation: InnovationResult;
  /** The five principles of asset-based collaborative innovation. */
  readonly principles: readonly StageResult[];
}

/**
 * One value an unknown fact could take, and the tier range the scheme would
 * then have.
 *
 * @example
 * ```ts
 * import type { DecisiveFactOutcome } from 'social-prescribing';
 * const o: DecisiveFactOutcome = { value: true, label: 'yes', tier: 'plus', highestPossibleTier: 'plus' };
 * ```
 */
export interface DecisiveFactOutcome {
  /**
   * The value: `true` / `false`, one of the fact's named values, or, for a
   * number compared with a threshold, the lowest number of its range (the
   * `label` names the range). For a `pathways` list that is unknown, the
   * number of clearly delineated pathways from distinct health settings.
   */
  readonly value: boolean | string | number;
  /** The value in words, e.g. `'yes'`, `'3 or more'`. */
  readonly label: string;
  /** The tier the scheme would then be proven to have. */
  readonly tier: Tier;
  /** The highest tier it could then still have. */
  readonly highestPossibleTier: Tier;
}

/**
 * An unknown fact the tier depends on, and what each answer would do to the
 * tier range. See `Classification.decisiveFacts`.
 *
 * @example
 * ```ts
 * import { classifyScheme, createUnknownProfile } from 'social-prescribing';
 *
 * const profile = createUnknownProfile({ id: 's1', name: 'A scheme coded from its website' })._unsafeUnwrap();
 * const c = classifyScheme(profile)._unsafeUnwrap();
 * c.determined; // false
 * c.decisiveFacts[0]?.fact; // the first fact to look up
 * ```
 */
export interface DecisiveFact {
  /**
   * The fact's dotted path (`linking.contact`), `pathways` for an unknown
   * list of pathways, or `pathways[i].setting` / `pathways[i].clearlyDelineated`
   * for an unknown field of one pathway.
   */
  readonly fact: string;
  /** The fact's label, as in `SCHEME_FACTS`. */
  readonly label: string;
  /** Whether some value would move the tier range (either bound). */
  readonly decisive: boolean;
  /** Whether every value settles the tier (each gives a determined tier). */
  readonly settles: boolean;
  /** Each value the fact could take, in the fact's own order, with the tier range it gives. */
  readonly outcomes: readonly DecisiveFactOutcome[];
}
