// The rubric compiler's checks and outputs, exactly (issue 16: mutation testing of
// compileRubric.ts, compileFactVector.ts, paramState.ts and parseRubric.ts). Each
// case edits a copy of RUBRIC_V2 in one place and states what must follow: the
// issue (path, code, message), the compiled tables, or the classification.
import { describe, expect, it } from 'vitest';
import { classifyScheme, createUnknownProfile, parseRubric, ROTHERHAM, RUBRIC_V2, type Rubric, type SchemeProfile } from '../../src/index';
import { compileRubric } from '../../src/scoring/compileRubric';
import { paramState } from '../../src/scoring/paramState';
import { loadRubric } from '../../src/scoring/parseRubric';

type Mutable = Record<string, unknown>;
const base = (): Mutable & { necessaryConditions: { condition: unknown }[] } => structuredClone(RUBRIC_V2) as never;
const issues = (rubric: unknown) => parseRubric(rubric)._unsafeUnwrapErr().issues;
const list = (r: Mutable, key: string) => r[key] as Record<string, unknown>[];
const referral = { fact: 'funding.referralProcessFunded', is: true };
const nope = { fact: 'funding.nope', is: true };
const unknownFact = (path: (string | number)[]) => ({ path: [...path, 'fact'], code: 'invalid_reference', message: `${[...path, 'fact'].join('.')}: names a fact the scheme profile does not have` });

/** `leaf` inside `depth` conditions, alternately `all` and `any`. */
function nested(depth: number, leaf: unknown): { condition: unknown; path: (string | number)[] } {
  let condition = leaf;
  const path: (string | number)[] = [];
  for (let d = depth - 1; d >= 0; d--) condition = d % 2 === 0 ? { all: [condition] } : { any: [condition] };
  for (let d = 0; d < depth; d++) path.push(d % 2 === 0 ? 'all' : 'any', 0);
  return { condition, path };
}

describe('the rubric compiler refuses', () => {
  it('conditions nested more than 32 levels deep, naming where; 32 levels are compiled and decided', () => {
    const deep = nested(33, referral);
    const r = base();
    r.necessaryConditions[0] = { ...r.necessaryConditions[0]!, condition: deep.condition };
    const at = ['necessaryConditions', 0, 'condition', ...deep.path];
    expect(at).toHaveLength(69);
    expect(issues(r)).toEqual([{ path: at, code: 'too_big', message: `${at.join('.')}: conditions may nest at most 32 levels deep` }]);

    const ok = base();
    ok.necessaryConditions[0] = { ...ok.necessaryConditions[0]!, condition: nested(32, referral).condition };
    const rubric = parseRubric(ok)._unsafeUnwrap();
    const first = (p: SchemeProfile) => classifyScheme(p, { rubric })._unsafeUnwrap().criteria.find((c) => c.group === 'necessary')!;
    expect(first(ROTHERHAM).outcome).toBe('met');
    const notFunded = first({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: false } });
    expect(notFunded.outcome).toBe('not_met');
    const unknown = first({ ...ROTHERHAM, funding: { ...ROTHERHAM.funding, referralProcessFunded: 'unknown' } });
    expect([unknown.outcome, unknown.fieldsRead, unknown.unknownFields]).toEqual(['unknown', ['funding.referralProcessFunded'], ['funding.referralProcessFunded']]);
  });

  it('an unknown fact anywhere, naming its place: inside all and any, asset-based rows (both levels), stages, principles', () => {
    const r = base();
    r.necessaryConditions[0] = { ...r.necessaryConditions[0]!, condition: { all: [referral, { any: [referral, nope] }] } };
    const asset = list(r, 'assetBasedCriteria');
    asset[1] = { ...asset[1]!, socialPrescribing: nope, plus: { all: [referral, nope] } };
    list(r, 'innovationStages')[2]!['condition'] = nope;
    list(r, 'principles')[3]!['condition'] = nope;
    expect(issues(r)).toEqual([
      unknownFact(['necessaryConditions', 0, 'condition', 'all', 1, 'any', 1]),
      unknownFact(['assetBasedCriteria', 1, 'socialPrescribing']),
      unknownFact(['assetBasedCriteria', 1, 'plus', 'all', 1]),
      unknownFact(['innovationStages', 2, 'condition']),
      unknownFact(['principles', 3, 'condition']),
    ]);
  });

  it('a level dimension whose values are not exactly the fact\'s: a yes/no fact needs yes and no; a fact with named values each of them', () => {
    const dims = (edit: (d: Record<string, unknown>) => void): Mutable => {
      const r = base();
      edit(list(r, 'levelDimensions')[3]!); // linking.personalisedPlan, a yes/no fact
      return r;
    };
    const ceilings = { path: ['levelDimensions', 3, 'ceilings'], code: 'invalid_value', message: 'levelDimensions[3].ceilings: must give a level for each value of the fact, and only those' };
    expect(issues(dims((d) => (d['ceilings'] = [{ value: true, level: 'holistic' }, { value: 'maybe', level: 'light' }])))).toEqual([ceilings]);
    expect(issues(dims((d) => (d['ceilings'] = [{ value: false, level: 'holistic' }, { value: 'maybe', level: 'light' }])))).toEqual([ceilings]);
    // linking.contact has four values: four ceilings, one of them not a value, is refused.
    const r = base();
    const contact = list(r, 'levelDimensions')[2]!;
    contact['ceilings'] = [...(contact['ceilings'] as unknown[]).slice(0, 3), { value: 'forever', level: 'holistic' }];
    expect(issues(r)).toEqual([{ ...ceilings, path: ['levelDimensions', 2, 'ceilings'], message: 'levelDimensions[2].ceilings: must give a level for each value of the fact, and only those' }]);
  });
});

describe('parameters at the edges of their range', () => {
  it('a default equal to its minimum, its maximum, or both (min = max) is accepted', () => {
    for (const spec of [
      { default: 1, min: 1, max: 4 },
      { default: 4, min: 1, max: 4 },
      { default: 3, min: 3, max: 3 },
    ]) {
      const r = base();
      const params = r['parameters'] as Record<string, object>;
      params['minHealthSettings'] = { ...params['minHealthSettings'], ...spec };
      expect(parseRubric(r).isOk(), JSON.stringify(spec)).toBe(true);
    }
  });
});

describe('level dimensions', () => {
  const contactCeilings = (levels: [string, string, string, string]) => {
    const r = base();
    const contact = list(r, 'levelDimensions')[2]!;
    contact['ceilings'] = ['one_off', 'fixed_time_frame', 'short_time_limited', 'open_ended'].map((value, i) => ({ value, level: levels[i] }));
    return parseRubric(r)._unsafeUnwrap();
  };
  const contactUnknown = { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact: 'unknown' } } as SchemeProfile;
  const levelCriterion = (rubric: Rubric, p: SchemeProfile) => classifyScheme(p, { rubric })._unsafeUnwrap().criteria.find((c) => c.id === 'level_contact')!;

  it('an unknown fact meets a dimension when every value allows holistic (at least), misses it when none does, else is unknown', () => {
    const always = levelCriterion(contactCeilings(['holistic', 'holistic', 'holistic', 'holistic']), contactUnknown);
    expect([always.outcome, always.unknownFields]).toEqual(['met', []]);
    const never = levelCriterion(contactCeilings(['medium', 'light', 'medium', 'signposting']), contactUnknown);
    expect([never.outcome, never.unknownFields]).toEqual(['not_met', []]);
    const either = levelCriterion(contactCeilings(['medium', 'holistic', 'holistic', 'holistic']), contactUnknown);
    expect([either.outcome, either.unknownFields]).toEqual(['unknown', ['linking.contact']]);
    const c = classifyScheme(contactUnknown, { rubric: contactCeilings(['holistic', 'holistic', 'holistic', 'holistic']) })._unsafeUnwrap();
    expect([c.level, c.highestPossibleLevel]).toEqual(['holistic', 'holistic']);
    const d = classifyScheme(contactUnknown, { rubric: contactCeilings(['light', 'medium', 'light', 'medium']) })._unsafeUnwrap();
    expect([d.level, d.highestPossibleLevel]).toEqual(['light', 'medium']);
  });

  it('two dimensions reading the same fact: each value is capped by the lower of the two', () => {
    const r = base();
    const dims = list(r, 'levelDimensions');
    dims.push({ ...dims[2]!, id: 'level_contact_again', ceilings: ['one_off', 'fixed_time_frame', 'short_time_limited', 'open_ended'].map((value) => ({ value, level: value === 'fixed_time_frame' ? 'light' : 'holistic' })) });
    const rubric = parseRubric(r)._unsafeUnwrap();
    const at = (contact: string) => classifyScheme({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, contact } } as SchemeProfile, { rubric })._unsafeUnwrap();
    expect(at('fixed_time_frame').level).toBe('light');
    expect(at('open_ended').level).toBe('holistic');
    expect(at('one_off').level).toBe('signposting');
    const u = at('unknown');
    expect([u.level, u.highestPossibleLevel]).toEqual(['signposting', 'holistic']);
    // The reference tables agree: the lowest cap of each value over both dimensions.
    const { compiled } = compileRubric(rubric);
    const contact = compiled.levelFacts.find((f) => f.key === 'linking.contact')!;
    expect([...contact.caps]).toEqual([['one_off', 0], ['fixed_time_frame', 1], ['short_time_limited', 3], ['open_ended', 3]]);
    expect([contact.lowest, contact.highest]).toEqual([0, 3]);
  });

  it('each dimension\'s lowest and highest cap, and each fact\'s', () => {
    const { compiled } = compileRubric(RUBRIC_V2);
    expect(compiled.levels.map((l) => [l.id, l.lowest, l.highest])).toEqual([
      ['level_who_links', 0, 3],
      ['level_needs_breadth', 0, 3],
      ['level_contact', 0, 3],
      ['level_personalised_plan', 2, 3],
    ]);
    expect(compiled.levelFacts.map((f) => [f.key, f.lowest, f.highest])).toEqual([
      ['linking.whoLinks', 0, 3],
      ['linking.needsBreadth', 0, 3],
      ['linking.contact', 0, 3],
      ['linking.personalisedPlan', 2, 3],
    ]);
  });
});

describe('what the compiler records', () => {
  it('the quantities the tier criteria compare, with their bounds (what the decisive facts split a number by)', () => {
    expect([...compileRubric(RUBRIC_V2).compiled.quantityBounds]).toEqual([['funding.committedYears', [{ param: 'minFundingYears' }]]]);
    const r = base();
    r.necessaryConditions[0] = { ...r.necessaryConditions[0]!, condition: { any: [{ fact: 'activities.menuSize', atLeast: 5 }, { fact: 'funding.committedYears', atLeast: 1 }] } };
    expect([...compileRubric(parseRubric(r)._unsafeUnwrap()).compiled.quantityBounds]).toEqual([
      ['activities.menuSize', [5]],
      ['funding.committedYears', [1, { param: 'minFundingYears' }]],
    ]);
  });

  it('the fact vector\'s bounds: each distinct number or parameter once, in order of first use', () => {
    // The principle of joint working compares the pathways with 1 and 1: one entry.
    expect(compileRubric(RUBRIC_V2).compiled.vector.bounds).toEqual([{ param: 'minDelineatedPathways' }, { param: 'minHealthSettings' }, { param: 'minFundingYears' }, 1]);
    const r = base();
    r.necessaryConditions[0] = {
      ...r.necessaryConditions[0]!,
      condition: { all: [{ pathways: { minDelineated: 2, minHealthSettings: 2 } }, { fact: 'funding.committedYears', atLeast: 2 }, { fact: 'activities.menuSize', atLeast: { param: 'minFundingYears' } }] },
    };
    expect(compileRubric(parseRubric(r)._unsafeUnwrap()).compiled.vector.bounds).toEqual([2, { param: 'minFundingYears' }, { param: 'minDelineatedPathways' }, { param: 'minHealthSettings' }, 1]);
  });

  it('an asset-based row reads the facts of both its levels, each once', () => {
    const c = classifyScheme(ROTHERHAM)._unsafeUnwrap();
    expect(c.assetBased.map((a) => a.fieldsRead)).toEqual([
      ['assetBased.wellbeingAtCore', 'funding.partOfCommissioningStrategy', 'funding.sources.mainstream_health_social_care'],
      ['linking.personalisedPlan', 'assetBased.coProduction'],
      ['activities.types.new_sp_specific', 'activities.types.commissioned_vcs', 'activities.types.non_statutory_vcs', 'assetBased.needsMappedAgainstProvision', 'assetBased.gapsResourced'],
      ['assetBased.caseManagementOrMdt', 'assetBased.jointWorkingWithStatutoryProfessionals'],
      [
        'funding.sources.mainstream_health_social_care',
        'funding.sources.other_non_recurrent_public',
        'funding.sources.independent_charitable',
        'funding.sources.social_investment',
        'funding.committedYears',
        'funding.partOfCommissioningStrategy',
        'assetBased.evaluation',
      ],
    ]);
  });
});

describe('principles', () => {
  it('each principle\'s outcome, decided after the asset-based rows and the stages', () => {
    const p = {
      ...ROTHERHAM,
      pathways: 'unknown',
      assetBased: { ...ROTHERHAM.assetBased, coProduction: 'unknown' },
      activities: { ...ROTHERHAM.activities, capacityBuildingSupport: false },
      innovation: { ...ROTHERHAM.innovation, testAndLearnImplementation: false },
    } as SchemeProfile;
    expect(classifyScheme(p)._unsafeUnwrap().principles.map((x) => [x.id, x.outcome])).toEqual([
      ['principle_users_at_centre', 'unknown'],
      ['principle_vcs_assets', 'not_met'],
      ['principle_professionals', 'unknown'],
      ['principle_collaboration', 'unknown'],
      ['principle_adaptive_implementation', 'not_met'],
    ]);
  });
});

describe('a rubric that reads no pathways', () => {
  it('decides every criterion from the facts it reads (no pathways summary is written over them)', () => {
    const r = base();
    list(r, 'plusFeatures')[1]!['condition'] = { fact: 'referralSources.pharmacy', is: true };
    list(r, 'principles')[2]!['condition'] = { fact: 'assetBased.caseManagementOrMdt', is: true };
    const rubric = parseRubric(r)._unsafeUnwrap();
    expect(compileRubric(rubric).compiled.vector.pathways).toBe(-1);
    const unknown = createUnknownProfile({ id: 'u', name: 'Unknown' })._unsafeUnwrap();
    for (const p of [ROTHERHAM, unknown, { ...ROTHERHAM, linking: { ...ROTHERHAM.linking, whoLinks: 'unknown' } } as SchemeProfile]) {
      const c = classifyScheme(p, { rubric })._unsafeUnwrap();
      const v2 = classifyScheme(p)._unsafeUnwrap();
      // Only the pathways feature differs from RUBRIC_V2's reading.
      expect(c.criteria.filter((x) => x.id !== 'plus_pathways')).toEqual(v2.criteria.filter((x) => x.id !== 'plus_pathways'));
      expect([c.level, c.highestPossibleLevel]).toEqual([v2.level, v2.highestPossibleLevel]);
    }
    const who = classifyScheme({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, whoLinks: 'unknown' } } as SchemeProfile, { rubric })._unsafeUnwrap();
    expect(who.criteria.find((x) => x.id === 'level_who_links')).toMatchObject({ outcome: 'unknown', unknownFields: ['linking.whoLinks'] });
  });
});

describe('parameters are told apart by their values', () => {
  it('two sets whose values run together the same (1 and 23, 12 and 3) are not confused', () => {
    const p = {
      ...ROTHERHAM,
      funding: { ...ROTHERHAM.funding, committedYears: 5 },
      pathways: ['gp_practice', 'statutory_mental_health', 'pharmacy'].map((setting, i) => ({ id: `p${i}`, setting, clearlyDelineated: true })),
    } as SchemeProfile;
    const a = { plusFeatureThreshold: 3, minFundingYears: 1, minDelineatedPathways: 23, minHealthSettings: 2 };
    const b = { plusFeatureThreshold: 3, minFundingYears: 12, minDelineatedPathways: 3, minHealthSettings: 2 };
    const rubric = parseRubric(JSON.parse(JSON.stringify(RUBRIC_V2)))._unsafeUnwrap();
    const outcomes = (parameters: typeof a) =>
      classifyScheme(p, { rubric, parameters })._unsafeUnwrap().criteria.filter((c) => c.id === 'plus_pathways' || c.id === 'plus_investment').map((c) => c.outcome);
    expect(outcomes(a)).toEqual(['not_met', 'met']);
    expect(outcomes(b)).toEqual(['met', 'not_met']);
  });

  it('the rubric\'s own defaults keep their state (found without a lookup) after the states of other values are cleared', () => {
    const compiled = loadRubric(RUBRIC_V2)._unsafeUnwrap();
    const defaults = paramState(compiled, compiled.defaults);
    const other = paramState(compiled, { ...compiled.defaults, minFundingYears: 0.5 });
    expect(other).not.toBe(defaults);
    expect(Array.from(other.R)).not.toEqual(Array.from(defaults.R));
    // More distinct values than are kept: the states of other values are built again.
    for (let years = 1; years <= 64; years++) paramState(compiled, { ...compiled.defaults, minFundingYears: years + 0.5 });
    expect(paramState(compiled, { ...compiled.defaults, minFundingYears: 0.5 })).not.toBe(other);
    expect(paramState(compiled, compiled.defaults)).toBe(defaults);
  });

  it('the feature counts with no feature met and none unknown, with parameters of their own', () => {
    const none = { ...ROTHERHAM, coverage: { scale: 'single_practice' }, pathways: [], funding: { ...ROTHERHAM.funding, activitiesFunded: false, committedYears: 0 } } as SchemeProfile;
    const rubric = parseRubric(JSON.parse(JSON.stringify(RUBRIC_V2)))._unsafeUnwrap();
    expect(classifyScheme(none, { rubric, parameters: { plusFeatureThreshold: 3 } })._unsafeUnwrap().plusFeatures).toEqual({ met: 0, notMet: 4, unknown: 0, threshold: 3 });
  });
});

describe('parseRubric errors', () => {
  it('name the rubric, for a shape problem and for a reference problem', () => {
    const shape = base();
    shape.necessaryConditions[0] = { ...shape.necessaryConditions[0]!, condition: { foo: 1 } };
    expect(parseRubric(shape)._unsafeUnwrapErr()).toEqual({
      kind: 'validation',
      code: 'invalid_rubric',
      message: 'Invalid rubric: 1 problem. necessaryConditions[0].condition: expected a condition: {all}, {any}, {fact, is: true}, {fact, in}, {fact, atLeast} or {pathways}',
      issues: [
        {
          path: ['necessaryConditions', 0, 'condition'],
          code: 'invalid_type',
          message: 'necessaryConditions[0].condition: expected a condition: {all}, {any}, {fact, is: true}, {fact, in}, {fact, atLeast} or {pathways}',
        },
      ],
    });
    const reference = base();
    reference.necessaryConditions[0] = { ...reference.necessaryConditions[0]!, condition: nope };
    expect(parseRubric(reference)._unsafeUnwrapErr()).toEqual({
      kind: 'validation',
      code: 'invalid_rubric',
      message: 'Invalid rubric: 1 problem. necessaryConditions.0.condition.fact: names a fact the scheme profile does not have',
      issues: [unknownFact(['necessaryConditions', 0, 'condition'])],
    });
  });
});
