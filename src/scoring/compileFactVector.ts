import { SCHEME_FACTS, type FactDescriptor, type SchemeProfile } from '../scheme/index';
import { KIMBERLEE_LEVELS } from '../shared/vocabulary';
import { compileFunction } from './compileFunction';
import type { Condition, NumberOrParam, Rubric } from './rubricSchema';
import { PATHWAYS, summarisePathways } from './summarisePathways';
import type { TierBounds } from './tierBounds';

/**
 * @internal One fact of the profile as the fact vector holds it, coded as a
 * number: a yes/no fact as its truth (0 false, 1 unknown, 2 true), a fact
 * with named values as the index of its value (-1 unknown), a quantity as
 * itself (-1 unknown: a quantity is at least 0).
 */
export interface FactSlot {
  readonly key: string;
  readonly index: number;
  readonly fact: FactDescriptor;
  /** The code of a value of the fact. */
  readonly encode: (value: unknown) => number;
}

/** Fills the truths of a list of conditions into `t`, from the fact vector `v` and the resolved bounds `R`. */
type Evaluate = (v: Float64Array, R: Float64Array, t: Int8Array) => void;

/**
 * @internal A rubric compiled to read each fact a profile once, into a flat
 * array of numbers (the fact vector), and to decide every condition from that
 * array. Where the platform allows it, the reader and the evaluators are
 * generated as straight-line code (one property read per fact, no call per
 * condition); under a Content Security Policy they are closures over the same
 * vector, with the same answers.
 */
export interface FactVector {
  /** The length of the fact vector. */
  readonly size: number;
  /** Reads every fact the rubric uses (and the pathways summary) from a profile into `v`. */
  readonly read: (profile: SchemeProfile, v: Float64Array) => void;
  /** The slot of each catalogue fact the rubric reads, by key. */
  readonly slots: ReadonlyMap<string, FactSlot>;
  /** The first slot of the pathways summary (see `PATHWAYS`), or -1 when the rubric reads no pathways. */
  readonly pathways: number;
  /** For each slot, the code that means unknown (NaN for the pathways counts, never unknown). */
  readonly unknownCode: Float64Array;
  /** The bounds the conditions compare with (`atLeast` and the pathways thresholds); `R[i]` is the i-th, resolved. */
  readonly bounds: readonly NumberOrParam[];
  /** The truths of the necessary conditions, then the features, into `t[0..tierCount)`. */
  readonly evaluateTier: Evaluate;
  readonly necessaryCount: number;
  readonly tierCount: number;
  /** The truths of the asset-based criteria (social prescribing then plus, for each), the stages and the principles, into `t` from `tierCount`. */
  readonly evaluateRest: Evaluate;
  readonly truthCount: number;
  /**
   * For each level dimension: its fact's slot, and its truth (the dimension
   * allows holistic) for each code of the fact, at `truth[code + offset]`.
   */
  readonly levels: readonly { readonly slot: number; readonly offset: number; readonly truth: Int8Array }[];
  /**
   * For each fact the level dimensions read (once each): the lowest and the
   * highest cap on the level its code gives, at `[code + offset]`; an
   * unknown fact gives the lowest and the highest cap over its values.
   */
  readonly levelFacts: readonly { readonly slot: number; readonly offset: number; readonly low: Int8Array; readonly high: Int8Array }[];
  /** For each tier criterion (necessary conditions, then features), each field it reads (in `fieldsRead` order) with the slot telling whether it is unknown. */
  readonly criterionFields: readonly (readonly { readonly key: string; readonly slot: number }[])[];
  /** The facts the tier criteria read, once each in rubric order (level facts, necessary conditions, features), with the slot telling whether each is unknown. */
  readonly tierFacts: readonly { readonly key: string; readonly slot: number }[];
  /**
   * Working space, overwritten by each classification (which runs no code
   * but the library's, so never two at once): the profile's fact vector,
   * truths and tier bounds, and a copy of each to try an answer to an
   * unknown fact on.
   */
  readonly scratch: {
    readonly v: Float64Array;
    readonly t: Int8Array;
    readonly bounds: TierBounds;
    readonly tried: Float64Array;
    readonly triedTruths: Int8Array;
    readonly triedBounds: TierBounds;
  };
}

const FACTS_BY_KEY = new Map(SCHEME_FACTS.map((f) => [f.key, f]));
const HOLISTIC = KIMBERLEE_LEVELS.indexOf('holistic');
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** As deep as the rubric compiler lets conditions nest (deeper rubrics are refused there). */
const MAX_DEPTH = 32;
const UNKNOWN = 'unknown';

/** The offset of a fact's codes in a table indexed by code: -1 (unknown) is the first entry of an enum's table. */
const offsetOf = (fact: FactDescriptor): number => (fact.type === 'enum' ? 1 : 0);

/** The value each entry of a table indexed by `code + offset` stands for. */
function tableValues(fact: FactDescriptor): readonly unknown[] {
  return fact.type === 'boolean' ? [false, UNKNOWN, true] : [UNKNOWN, ...(fact.values ?? [])];
}

function encoder(fact: FactDescriptor): (value: unknown) => number {
  switch (fact.type) {
    case 'boolean':
      return (x) => (x === true ? 2 : x === false ? 0 : 1);
    case 'enum': {
      // Stryker disable next-line ArrayDeclaration: equivalent - every fact with named values lists them (the fact catalogue).
      const values: readonly unknown[] = fact.values ?? [];
      return (x) => values.indexOf(x);
    }
    case 'quantity':
      return (x) => (x === UNKNOWN ? -1 : (x as number));
  }
}

/** The source of an expression coding the value in the variable `x`, as `encoder` does. */
function encoderSource(fact: FactDescriptor): string {
  switch (fact.type) {
    case 'boolean':
      return 'x === true ? 2 : x === false ? 0 : 1';
    case 'enum':
      // Stryker disable next-line ArrayDeclaration: equivalent - every fact with named values lists them (the fact catalogue).
      return `${(fact.values ?? []).map((value, i) => `x === ${JSON.stringify(value)} ? ${i} : `).join('')}-1`;
    case 'quantity':
      return `x === ${JSON.stringify(UNKNOWN)} ? -1 : x`;
  }
}

/** A condition on the fact vector: its source as an expression of `v` and `R`, and the same as a closure. */
interface VectorCondition {
  readonly source: string;
  readonly run: (v: Float64Array, R: Float64Array) => number;
}

const CONSTANT_UNKNOWN: VectorCondition = { source: '1', run: () => 1 };

/**
 * @internal Compiles a rubric to a {@link FactVector}. It assumes nothing of
 * the rubric's validity and never throws: a fact the catalogue lacks reads as
 * unknown (the rubric compiler refuses such rubrics anyway).
 */
export function compileFactVector(rubric: Rubric): FactVector {
  const slots = new Map<string, FactSlot>();
  let size = 0;
  let pathways = -1;
  const slotOf = (key: string): FactSlot | undefined => {
    let slot = slots.get(key);
    const fact = FACTS_BY_KEY.get(key);
    if (slot === undefined && fact !== undefined) slots.set(key, (slot = { key, index: size++, fact, encode: encoder(fact) }));
    return slot;
  };
  const pathwaysSlot = (): number => {
    if (pathways < 0) {
      pathways = size;
      size += PATHWAYS.size;
    }
    return pathways;
  };
  const bounds: NumberOrParam[] = [];
  const boundIndex = (n: NumberOrParam): number => {
    const i = bounds.findIndex((b) => (typeof b === 'number' ? b === n : typeof n !== 'number' && b.param === n.param));
    return i >= 0 ? i : bounds.push(n) - 1;
  };

  const condition = (c: Condition, depth: number): VectorCondition => {
    if (depth > MAX_DEPTH) return CONSTANT_UNKNOWN;
    if ('all' in c || 'any' in c) {
      const isAll = 'all' in c;
      // Stryker disable next-line ArithmeticOperator: equivalent - only rubrics the compiler refuses nest deeper than MAX_DEPTH, so the depth only bounds the work on those.
      const parts = (isAll ? c.all : c.any).map((part) => condition(part, depth + 1));
      const runs = parts.map((p) => p.run);
      return {
        source: `Math.${isAll ? 'min' : 'max'}(${parts.map((p) => p.source).join(', ')})`,
        // Kleene logic: `all` is the least truth, `any` the greatest.
        run: isAll
          ? (v, R) => {
              let acc = 2;
              for (const run of runs) acc = Math.min(acc, run(v, R));
              return acc;
            }
          : (v, R) => {
              let acc = 0;
              for (const run of runs) acc = Math.max(acc, run(v, R));
              return acc;
            },
      };
    }
    if ('pathways' in c) {
      const at = pathwaysSlot();
      const a = boundIndex(c.pathways.minDelineated);
      const b = boundIndex(c.pathways.minHealthSettings);
      const [listUnknown, minCount, maxCount, sureSettings, maxSettings] = [
        // Stryker disable next-line ArithmeticOperator: equivalent - listUnknown is 0.
        at + PATHWAYS.listUnknown,
        at + PATHWAYS.minCount,
        at + PATHWAYS.maxCount,
        at + PATHWAYS.sureSettings,
        at + PATHWAYS.maxSettings,
      ];
      return {
        source:
          `(v[${listUnknown}] === 1 ? (R[${a}] <= 0 && R[${b}] <= 0 ? 2 : 1)` +
          ` : v[${minCount}] >= R[${a}] && v[${sureSettings}] >= R[${b}] ? 2` +
          ` : v[${maxCount}] < R[${a}] || v[${maxSettings}] < R[${b}] ? 0 : 1)`,
        run: (v, R) => {
          const needPathways = R[a]!;
          const needSettings = R[b]!;
          if (v[listUnknown] === 1) return needPathways <= 0 && needSettings <= 0 ? 2 : 1;
          if (v[minCount]! >= needPathways && v[sureSettings]! >= needSettings) return 2;
          if (v[maxCount]! < needPathways || v[maxSettings]! < needSettings) return 0;
          return 1;
        },
      };
    }
    const slot = slotOf(c.fact);
    if (slot === undefined) return CONSTANT_UNKNOWN;
    const s = slot.index;
    if ('is' in c) return { source: `v[${s}]`, run: (v) => v[s]! };
    if ('in' in c) {
      // Stryker disable next-line ArrayDeclaration: equivalent - every fact with named values lists them (the fact catalogue).
      const values: readonly string[] = slot.fact.values ?? [];
      // Stryker disable next-line MethodExpression: equivalent - a value not of the fact codes as -1, and a code below 0 is decided (unknown) before the list is read.
      const allowed = [...new Set(c.in.map((value) => values.indexOf(value)).filter((i) => i >= 0))];
      return {
        source: `(v[${s}] < 0 ? 1 : ${allowed.map((i) => `v[${s}] === ${i}`).join(' || ') || 'false'} ? 2 : 0)`,
        run: (v) => {
          const x = v[s]!;
          return x < 0 ? 1 : allowed.includes(x) ? 2 : 0;
        },
      };
    }
    const j = boundIndex(c.atLeast);
    return {
      source: `(v[${s}] < 0 ? 1 : v[${s}] >= R[${j}] ? 2 : 0)`,
      run: (v, R) => {
        const x = v[s]!;
        return x < 0 ? 1 : x >= R[j]! ? 2 : 0;
      },
    };
  };

  // Level dimensions first, then every condition in rubric order: slots are numbered by first use.
  const levelSlots = rubric.levelDimensions.map((dim) => slotOf(dim.fact));
  const tierConditions = [...rubric.necessaryConditions, ...rubric.plusFeatures].map((c) => condition(c.condition, 0));
  const restConditions = [
    ...rubric.assetBasedCriteria.flatMap((c) => [condition(c.socialPrescribing, 0), condition(c.plus, 0)]),
    ...rubric.innovationStages.map((c) => condition(c.condition, 0)),
    ...rubric.principles.map((c) => condition(c.condition, 0)),
  ];

  const levels = rubric.levelDimensions.map((dim, i) => {
    const slot = levelSlots[i];
    const caps = new Map<unknown, number>();
    for (const { value, level } of dim.ceilings) caps.set(value, KIMBERLEE_LEVELS.indexOf(level));
    const all = [...caps.values()];
    const lowest = all.length === 0 ? 0 : Math.min(...all);
    const highest = all.length === 0 ? 0 : Math.max(...all);
    // Unknown: met or not met when every value of the fact gives the same answer.
    const unknownTruth = lowest >= HOLISTIC ? 2 : highest < HOLISTIC ? 0 : 1;
    const truth = slot === undefined ? new Int8Array(0) : Int8Array.from(tableValues(slot.fact), (value) => (value === UNKNOWN ? unknownTruth : (caps.get(value) ?? 0) >= HOLISTIC ? 2 : 0));
    // Stryker disable next-line UnaryOperator: equivalent - a level fact without a slot is not in the catalogue, and the compiler refuses the rubric.
    return { slot: slot?.index ?? -1, offset: slot === undefined ? 0 : offsetOf(slot.fact), truth, fact: dim.fact, caps };
  });
  const levelFacts = [...new Set(levels.map((l) => l.fact))].map((key) => {
    const dims = levels.filter((l) => l.fact === key);
    const caps = new Map<unknown, number>();
    for (const value of dims[0]!.caps.keys()) caps.set(value, Math.min(...dims.map((d) => d.caps.get(value) ?? 0)));
    const all = [...caps.values()];
    const lowest = all.length === 0 ? 0 : Math.min(...all);
    const highest = all.length === 0 ? 0 : Math.max(...all);
    const slot = slots.get(key);
    // Stryker disable next-line ArrayDeclaration: equivalent - a level fact without a slot is not in the catalogue, and the compiler refuses the rubric.
    const values = slot === undefined ? [] : tableValues(slot.fact);
    return {
      // Stryker disable next-line UnaryOperator: equivalent - a level fact without a slot is not in the catalogue, and the compiler refuses the rubric.
      slot: slot?.index ?? -1,
      offset: slot === undefined ? 0 : offsetOf(slot.fact),
      low: Int8Array.from(values, (value) => (value === UNKNOWN ? lowest : (caps.get(value) ?? 0))),
      high: Int8Array.from(values, (value) => (value === UNKNOWN ? highest : (caps.get(value) ?? 0))),
    };
  });

  const unknownCode = new Float64Array(size).fill(Number.NaN);
  for (const slot of slots.values()) unknownCode[slot.index] = slot.fact.type === 'boolean' ? 1 : -1;
  if (pathways >= 0) unknownCode[pathways + PATHWAYS.anyUnknown] = 1;
  /** The slot telling whether a field is unknown: its own, or the pathways summary's. */
  // Stryker disable next-line UnaryOperator: equivalent - a fact without a slot is not in the catalogue, and the compiler refuses the rubric.
  const unknownSlot = (key: string): number => (key === 'pathways' ? pathways + PATHWAYS.anyUnknown : (slots.get(key)?.index ?? -1));

  const fieldsOf = (c: Condition, out: string[], depth: number): string[] => {
    if (depth > MAX_DEPTH) return out;
    // Stryker disable ArithmeticOperator: equivalent - only rubrics the compiler refuses nest deeper than MAX_DEPTH, so the depth only bounds the work on those.
    if ('all' in c) for (const part of c.all) fieldsOf(part, out, depth + 1);
    else if ('any' in c) for (const part of c.any) fieldsOf(part, out, depth + 1);
    // Stryker restore ArithmeticOperator
    else {
      const key = 'pathways' in c ? 'pathways' : c.fact;
      if (!out.includes(key)) out.push(key);
    }
    return out;
  };
  const tierFields = [...rubric.necessaryConditions, ...rubric.plusFeatures].map((c) => fieldsOf(c.condition, [], 0));
  const tierFacts: { key: string; slot: number }[] = [];
  for (const key of [...rubric.levelDimensions.map((d) => d.fact), ...tierFields.flat()]) {
    const slot = unknownSlot(key);
    if (slot >= 0 && !tierFacts.some((f) => f.key === key)) tierFacts.push({ key, slot });
  }

  return {
    size,
    read: reader([...slots.values()], pathways),
    slots,
    pathways,
    unknownCode,
    bounds,
    evaluateTier: evaluator(tierConditions, 0),
    necessaryCount: rubric.necessaryConditions.length,
    tierCount: tierConditions.length,
    evaluateRest: evaluator(restConditions, tierConditions.length),
    truthCount: tierConditions.length + restConditions.length,
    levels: levels.map(({ slot, offset, truth }) => ({ slot, offset, truth })),
    levelFacts,
    criterionFields: tierFields.map((fields) => fields.map((key) => ({ key, slot: unknownSlot(key) }))),
    tierFacts,
    scratch: {
      v: new Float64Array(size),
      t: new Int8Array(tierConditions.length + restConditions.length),
      // Stryker disable next-line ObjectLiteral: equivalent - vectorTierBounds writes every field before any is read.
      bounds: { levelLow: 0, levelHigh: 0, necessary: 0, met: 0, unknown: 0 },
      tried: new Float64Array(size),
      triedTruths: new Int8Array(tierConditions.length),
      // Stryker disable next-line ObjectLiteral: equivalent - vectorTierBounds writes every field before any is read.
      triedBounds: { levelLow: 0, levelHigh: 0, necessary: 0, met: 0, unknown: 0 },
    },
  };
}

/** Writes the truths of `conditions` into `t` from `offset`: generated code where allowed, else closures. */
function evaluator(conditions: readonly VectorCondition[], offset: number): Evaluate {
  const generated = compileFunction<Evaluate>(
    `"use strict"; return function evaluate(v, R, t) {\n${conditions.map((c, i) => `  t[${offset + i}] = ${c.source};\n`).join('')}};`,
  );
  if (generated !== undefined) return generated;
  const runs = conditions.map((c) => c.run);
  return (v, R, t) => {
    for (let i = 0; i < runs.length; i++) t[offset + i] = runs[i]!(v, R);
  };
}

/** Reads each slot's fact from a profile, coded, then summarises the pathways: generated code where allowed, else closures. */
function reader(slots: readonly FactSlot[], pathways: number): FactVector['read'] {
  // Stryker disable next-line MethodExpression: equivalent - every path of the fact catalogue is made of identifiers.
  if (slots.every((slot) => slot.fact.path.every((segment) => IDENTIFIER.test(segment)))) {
    // Each object on the way to a fact is read once: `const o1 = p.funding; const o2 = o1.sources;`.
    const names = new Map<string, string>([['', 'p']]);
    const lines: string[] = ['let x;'];
    const objectAt = (path: readonly string[]): string => {
      // Stryker disable next-line StringLiteral: equivalent - no two paths of the fact catalogue run together the same without the dots.
      const key = path.join('.');
      let name = names.get(key);
      if (name === undefined) {
        const parent = objectAt(path.slice(0, -1));
        name = `o${names.size}`;
        lines.push(`const ${name} = ${parent}.${path.at(-1)!};`);
        names.set(key, name);
      }
      return name;
    };
    for (const slot of slots) {
      const parent = objectAt(slot.fact.path.slice(0, -1));
      lines.push(`x = ${parent}.${slot.fact.path.at(-1)!}; v[${slot.index}] = ${encoderSource(slot.fact)};`);
    }
    if (pathways >= 0) lines.push(`S(p.pathways, v, ${pathways});`);
    const generated = compileFunction<FactVector['read']>(
      `"use strict"; return function read(p, v) {\n  ${lines.join('\n  ')}\n};`,
      ['S', summarisePathways],
    );
    if (generated !== undefined) return generated;
  }
  const reads = slots.map((slot) => {
    const { index, encode } = slot;
    const path = slot.fact.path;
    return (p: SchemeProfile, v: Float64Array): void => {
      let node: unknown = p;
      for (const segment of path) node = (node as Record<string, unknown>)[segment];
      v[index] = encode(node);
    };
  });
  return (p, v) => {
    for (const read of reads) read(p, v);
    if (pathways >= 0) summarisePathways(p.pathways, v, pathways);
  };
}
