import { CitationSchema } from '../shared/schemas';
import * as z from 'zod';
import { KIMBERLEE_LEVELS, type KimberleeLevel } from '../shared/vocabulary';

/**
 * A number written in a rubric, either literally or as a reference to one of
 * the rubric's parameters (which callers may override).
 *
 * @example
 * ```ts
 * import type { NumberOrParam } from 'social-prescribing';
 * const n: NumberOrParam = { param: 'minFundingYears' };
 * ```
 */
export type NumberOrParam =
  | number
  | {
      /** The name of a rubric parameter. */
      readonly param: string;
    };

/**
 * The rubric's condition language. It is deliberately *monotone*: there is
 * no `not`, `is` only tests for `true`, `in` lists the favourable values and
 * `atLeast` is a lower bound, so meeting one more fact can never turn a met
 * condition into an unmet one. Evaluation is three-valued (Kleene logic):
 * an `'unknown'` fact makes a leaf unknown, `all` is false if any part is
 * false, `any` is true if any part is true.
 *
 * @example
 * ```ts
 * import type { Condition } from 'social-prescribing';
 *
 * const c: Condition = {
 *   all: [
 *     { fact: 'funding.committedYears', atLeast: { param: 'minFundingYears' } },
 *     { fact: 'funding.followedSuccessfulPilot', is: true },
 *   ],
 * };
 * ```
 */
export type Condition =
  | {
      /** True when every part is true; false when any part is false. */
      readonly all: readonly Condition[];
    }
  | {
      /** True when any part is true; false when every part is false. */
      readonly any: readonly Condition[];
    }
  | {
      /** A yes/no fact (dotted path). */
      readonly fact: string;
      /** The fact must be `true`. */
      readonly is: true;
    }
  | {
      /** A fact with named values (dotted path). */
      readonly fact: string;
      /** The favourable values. */
      readonly in: readonly string[];
    }
  | {
      /** A numeric fact (dotted path). */
      readonly fact: string;
      /** The smallest favourable value. */
      readonly atLeast: NumberOrParam;
    }
  | {
      /** A test of the scheme's referral pathways. */
      readonly pathways: {
        /** How many pathways must be clearly delineated. */
        readonly minDelineated: NumberOrParam;
        /** How many distinct health settings those pathways must come from. */
        readonly minHealthSettings: NumberOrParam;
      };
    };

const NumberOrParamSchema = z.union([z.number().finite().min(0), z.strictObject({ param: z.string().min(1) })], {
  error: 'expected a number at least 0 or {"param": name}',
});

/**
 * The schema of {@link Condition}.
 *
 * @example
 * ```ts
 * import { ConditionSchema } from 'social-prescribing';
 * ConditionSchema.safeParse({ fact: 'linking.personalisedPlan', is: true }).success; // true
 * ```
 */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(ConditionSchema).min(1) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1) }),
      z.strictObject({ fact: z.string().min(1), is: z.literal(true) }),
      z.strictObject({ fact: z.string().min(1), in: z.array(z.string()).min(1) }),
      z.strictObject({ fact: z.string().min(1), atLeast: NumberOrParamSchema }),
      z.strictObject({
        pathways: z.strictObject({ minDelineated: NumberOrParamSchema, minHealthSettings: NumberOrParamSchema }),
      }),
    ],
    { error: 'expected a condition: {all}, {any}, {fact, is: true}, {fact, in}, {fact, atLeast} or {pathways}' },
  ),
);


const ParameterSchema = z.strictObject({
  /** The value used when the caller does not override it. */
  default: z.number().finite().min(0),
  /** The smallest value a caller may set. */
  min: z.number().finite().min(0),
  /** The largest value a caller may set. */
  max: z.number().finite().min(0),
  /** Whether the value must be a whole number. */
  integer: z.boolean(),
  /** What the parameter means and why the default was chosen. */
  description: z.string().min(1),
  /** Where the default comes from. */
  citation: CitationSchema,
});

const CriterionBase = {
  /** A stable id, unique within the rubric. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'expected lower-case letters, digits and "_", starting with a letter' }),
  /** A short title. */
  title: z.string().min(1),
  /** What the criterion tests, in words. */
  description: z.string().min(1),
  /** Where the rule comes from: paper, table and row. */
  citation: CitationSchema,
};

/**
 * The schema every rubric must satisfy. A rubric is data: it can be stored
 * as JSON, versioned, and validated before use (see `parseRubric`).
 *
 * @example
 * ```ts
 * import { RubricSchema, RUBRIC_V1 } from 'social-prescribing';
 * RubricSchema.safeParse(RUBRIC_V1).success; // true
 * ```
 */
export const RubricSchema = z.strictObject({
  /** The rubric's stable id, e.g. `dayson-2017`. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and "-", starting with a letter' }),
  /** Its semantic version; a published version never changes behaviour. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'expected a version such as 2.0.0' }),
  /** A human title. */
  title: z.string().min(1),
  /** What the rubric does. */
  description: z.string().min(1),
  /** Named numbers conditions may refer to; `plusFeatureThreshold` is required. */
  parameters: z
    .strictObject({
      /** How many 'plus' features a scheme must show. */
      plusFeatureThreshold: ParameterSchema,
    })
    .catchall(ParameterSchema),
  /** Kimberlee dimensions: each maps a fact's values to the highest level it allows. */
  levelDimensions: z
    .array(
      z.strictObject({
        ...CriterionBase,
        /** The fact read (dotted path). */
        fact: z.string().min(1),
        /** For each value of the fact, the highest level it allows. */
        ceilings: z
          .array(
            z.strictObject({
              /** A value of the fact. */
              value: z.union([z.string(), z.boolean()]),
              /** The highest Kimberlee level that value allows. */
              level: z.enum(KIMBERLEE_LEVELS) as z.ZodType<KimberleeLevel>,
            }),
          )
          .min(1),
      }),
    )
    .min(1),
  /** Conditions every 'plus' scheme meets. */
  necessaryConditions: z.array(
    z.strictObject({
      ...CriterionBase,
      /** The rule. */
      condition: ConditionSchema,
    }),
  ),
  /** The 'plus' features; a scheme must meet `plusFeatureThreshold` of them. */
  plusFeatures: z
    .array(
      z.strictObject({
        ...CriterionBase,
        /** The rule. */
        condition: ConditionSchema,
      }),
    )
    .min(1),
  /** Morgan's asset-based criteria (Table 3), each with a rule per level. */
  assetBasedCriteria: z.array(
    z.strictObject({
      ...CriterionBase,
      /** The rule for the level of ordinary social prescribing. */
      socialPrescribing: ConditionSchema,
      /** The rule for the 'plus' level. */
      plus: ConditionSchema,
    }),
  ),
  /** The cumulative stages of collaborative innovation (Table 4). */
  innovationStages: z.array(
    z.strictObject({
      ...CriterionBase,
      /** The rule. */
      condition: ConditionSchema,
    }),
  ),
  /** The principles of asset-based collaborative innovation. */
  principles: z.array(
    z.strictObject({
      ...CriterionBase,
      /** The rule. */
      condition: ConditionSchema,
    }),
  ),
});

/**
 * A rubric: the rules that turn a scheme profile into a classification.
 *
 * @example
 * ```ts
 * import { RUBRIC_V1, type Rubric } from 'social-prescribing';
 * const r: Rubric = RUBRIC_V1;
 * r.version; // '1.0.0'
 * ```
 */
export interface Rubric extends z.infer<typeof RubricSchema> {}
