import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  addToBatchSummary,
  batchCsvColumns,
  classifyBatchCsvRecord,
  classifyBatchInput,
  classifyScheme,
  createBatchSummary,
  createSchemeCsvLayout,
  flattenBatchRecord,
  formatBatchSummary,
  formatCsvRow,
  hashClassificationRules,
  parseSchemeProfile,
  resolveClassificationRules,
  ROTHERHAM,
  RUBRIC_V1,
  RUBRIC_V2,
  TIERS,
  type BatchSummary,
  type Classification,
} from '../../src/index';
import { formatBatchHeading, formatBatchRow } from '../../src/research/internal';
import { canonicalJson } from '../../src/shared/canonicalJson';
import { IdSchema } from '../../src/shared/schemas';
import { batchArb, RULES } from '../arbitraries/research';
import { schemeProfileArb, SENTINEL } from '../arbitraries/scheme';

const classified = (p: unknown): Classification => classifyScheme(p)._unsafeUnwrap();

describe('hashClassificationRules', () => {
  it('law: equals the SHA-256 of the canonical JSON, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })), (rubric, parameters) => {
        const expected = createHash('sha256').update(canonicalJson({ parameters, rubric }), 'utf8').digest('hex');
        expect(hashClassificationRules(rubric as never, parameters)).toBe(`sha256:${expected}`);
        const reversed = Object.fromEntries(Object.entries(parameters).reverse());
        expect(hashClassificationRules(rubric as never, reversed)).toBe(hashClassificationRules(rubric as never, parameters));
      }),
    );
  });

  it('sorts keys and drops spaces', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 'x' }], a: null })).toBe('{"a":null,"b":[1,{"c":"x","d":2}]}');
  });

  it('changes when a parameter or a single rubric word changes', () => {
    const params = RULES.parameters;
    const base = hashClassificationRules(RUBRIC_V1, params);
    expect(hashClassificationRules(RUBRIC_V1, { ...params, plusFeatureThreshold: 3 })).not.toBe(base);
    const edited = JSON.parse(JSON.stringify(RUBRIC_V1)) as typeof RUBRIC_V1 & { title: string };
    edited.title += '.';
    expect(hashClassificationRules(edited, params)).not.toBe(base);
  });
});

describe('resolveClassificationRules', () => {
  it('fills defaults, hashes the rubric with them, and lists every criterion in rubric order', () => {
    const rules = resolveClassificationRules()._unsafeUnwrap();
    expect(rules.rubric).toEqual({ id: 'dayson-2017', version: '2.0.0' });
    expect(rules.parameters).toEqual({ plusFeatureThreshold: 2, minFundingYears: 3, minDelineatedPathways: 2, minHealthSettings: 2 });
    expect(rules.hash).toBe(hashClassificationRules(RUBRIC_V2, rules.parameters));
    expect(resolveClassificationRules({ rubric: RUBRIC_V1 })._unsafeUnwrap().hash).toBe(hashClassificationRules(RUBRIC_V1, rules.parameters));
    expect(rules.columns.filter((c) => c.group === 'plus_feature').map((c) => c.id)).toEqual(['plus_coverage', 'plus_pathways', 'plus_menu', 'plus_investment']);
    expect(rules.columns).toHaveLength(4 + 2 + 4 + 5 + 4 + 5);
  });

  it('gives a different hash for another threshold, and an error for an impossible one', () => {
    const three = resolveClassificationRules({ parameters: { plusFeatureThreshold: 3 } })._unsafeUnwrap();
    expect(three.hash).not.toBe(RULES.hash);
    expect(three.parameters['plusFeatureThreshold']).toBe(3);
    expect(resolveClassificationRules({ parameters: { plusFeatureThreshold: 9 } })._unsafeUnwrapErr().code).toBe('invalid_classify_options');
    expect(resolveClassificationRules({ rubric: { id: 'x' } as never })._unsafeUnwrapErr().code).toBe('invalid_rubric');
  });
});

describe('classifyBatchInput and classifyBatchCsvRecord', () => {
  it('carry the source and the rules hash, or every issue with its CSV column', () => {
    const ok = classifyBatchInput(ROTHERHAM, { file: 'a.json', row: 3 }, RULES);
    expect(ok.status === 'ok' && ok.rulesHash).toBe(RULES.hash);
    expect(ok.source).toEqual({ file: 'a.json', row: 3 });
    const layout = createSchemeCsvLayout(['id', 'name', 'linking.contact', 'pathway4.setting'])._unsafeUnwrap();
    const bad = classifyBatchCsvRecord(layout, ['s', 'S', 'forever', 'moon'], { file: 'b.csv', row: 7 }, RULES);
    expect(bad.status).toBe('error');
    if (bad.status === 'error') {
      expect(bad.error.code).toBe('invalid_scheme_csv_row');
      expect(bad.error.issues.map((i) => i.column).sort()).toEqual(['linking.contact', 'pathway4.setting']);
    }
  });

  it('law: arbitrary input is classified exactly as classifyScheme does, or fails with the issues parseSchemeProfile gives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), schemeProfileArb()), (x) => {
        const record = classifyBatchInput(x, { file: 'x', row: null }, RULES);
        const profile = parseSchemeProfile(x);
        if (profile.isOk()) {
          expect(record.status).toBe('ok');
          expect(record.status === 'ok' && record.classification).toEqual(classifyScheme(x)._unsafeUnwrap());
        } else {
          const id = x !== null && typeof x === 'object' && !Array.isArray(x) && Object.hasOwn(x, 'id') ? (x as { id: unknown }).id : undefined;
          const readable = typeof id === 'string' && IdSchema.safeParse(id).success && !profile.error.issues.some((i) => i.path[0] === 'id');
          expect(record).toEqual({
            status: 'error',
            source: { file: 'x', row: null },
            ...(readable ? { schemeId: id } : {}),
            error: { kind: 'validation', code: 'invalid_scheme_profile', message: profile.error.message, issues: profile.error.issues.map((i) => ({ ...i, column: null })) },
          });
        }
      }),
    );
  });
});

describe('addToBatchSummary', () => {
  const summarise = (cs: readonly Classification[]): BatchSummary => cs.reduce(addToBatchSummary, createBatchSummary());

  it('law: conservation - every scheme is counted once in every tier count and sensitivity row', () => {
    fc.assert(
      fc.property(fc.array(schemeProfileArb(), { maxLength: 15 }), (profiles) => {
        const s = summarise(profiles.map(classified));
        const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
        expect(s.schemes).toBe(profiles.length);
        expect(sum(s.tiers)).toBe(s.schemes);
        expect(sum(s.highestPossibleTiers)).toBe(s.schemes);
        expect(sum(s.levels)).toBe(s.schemes);
        for (const row of s.sensitivity) {
          expect(sum(row.tiers)).toBe(s.schemes);
          expect(sum(row.highestPossibleTiers)).toBe(s.schemes);
        }
        for (const c of s.criteria) expect(c.met + c.notMet + c.unknown).toBe(s.schemes);
      }),
    );
  });

  it('law: nothing changes tier at the threshold used, and raising the threshold never adds a plus scheme', () => {
    fc.assert(
      fc.property(fc.array(schemeProfileArb(), { minLength: 1, maxLength: 15 }), (profiles) => {
        const s = summarise(profiles.map(classified));
        const used = s.sensitivity.find((r) => r.threshold === s.threshold)!;
        expect(used.changed).toBe(0);
        expect(used.tiers).toEqual(s.tiers);
        for (let i = 1; i < s.sensitivity.length; i++) expect(s.sensitivity[i]!.tiers.plus).toBeLessThanOrEqual(s.sensitivity[i - 1]!.tiers.plus);
      }),
    );
  });

  it('law: the order of the schemes does not matter, and the input summary is not changed', () => {
    fc.assert(
      fc.property(fc.array(schemeProfileArb(), { minLength: 1, maxLength: 10 }), (profiles) => {
        const cs = profiles.map(classified);
        const first = summarise(cs);
        const frozen = JSON.stringify(first);
        expect(summarise([...cs].reverse())).toEqual(first);
        addToBatchSummary(first, cs[0]!);
        expect(JSON.stringify(first)).toBe(frozen);
      }),
    );
  });

  it('counts changes of tier under another threshold', () => {
    // Three of four features: plus at thresholds 1-3, holistic at 4.
    const three = { ...ROTHERHAM, coverage: { scale: 'group_of_practices' } };
    const s = summarise([classified(ROTHERHAM), classified(three)]);
    expect(s.sensitivity.map((r) => r.tiers.plus)).toEqual([2, 2, 2, 1]);
    expect(s.sensitivity.map((r) => r.changed)).toEqual([0, 0, 0, 1]);
  });
});

describe('flattenBatchRecord', () => {
  it('law: one cell per column, for successes and failures alike', () => {
    const columns = batchCsvColumns(RULES);
    fc.assert(
      fc.property(batchArb(), (records) => {
        for (const r of records) expect(flattenBatchRecord(r, RULES)).toHaveLength(columns.length);
      }),
    );
  });

  it('pins Rotherham', () => {
    const cells = flattenBatchRecord(classifyBatchInput(ROTHERHAM, { file: 'r.json', row: null }, RULES), RULES);
    const row = Object.fromEntries(batchCsvColumns(RULES).map((n, i) => [n, cells[i]]));
    expect(row).toMatchObject({ source_row: '', status: 'ok', scheme_id: 'rotherham', tier: 'plus', plus_features_met: '4', outcome_plus_pathways: 'met', outcome_morgan_investment: 'plus', innovation_stage_reached: '4', rules_hash: RULES.hash, error_code: '' });
  });

  it('written as CSV, a scheme name or source file a spreadsheet would run as a formula is guarded; counts stay numbers', () => {
    // Failed before the guard in formatCsvRow: the row held the formula as it was.
    const record = classifyBatchInput({ ...ROTHERHAM, name: '=HYPERLINK("http://x","y")' }, { file: '@evil.csv', row: 2 }, RULES);
    const written = parse(`${formatCsvRow(flattenBatchRecord(record, RULES))}\n`) as string[][];
    const row = Object.fromEntries(batchCsvColumns(RULES).map((n, i) => [n, written[0]![i]]));
    expect(row).toMatchObject({ source_file: "'@evil.csv", scheme_name: `'=HYPERLINK("http://x","y")`, plus_features_met: '4', source_row: '2' });
  });
});

describe('human-readable formats', () => {
  it('formats rows, failures and the summary in table and markdown', () => {
    const ok = classifyBatchInput(ROTHERHAM, { file: 'r.json', row: null }, RULES);
    const bad = classifyBatchInput({ id: 'x' }, { file: 'b.csv', row: 4 }, RULES);
    expect(formatBatchRow(ok, 'markdown')).toBe("| r.json | rotherham | 'plus' | holistic | 4 met, 0 unknown of 4 |  |");
    // An undetermined scheme is a range in every text format, never a bare tier.
    const open = classifyBatchInput({ ...ROTHERHAM, linking: { ...ROTHERHAM.linking, whoLinks: 'unknown' } }, { file: 'o.json', row: null }, RULES);
    expect(formatBatchRow(open, 'markdown')).toBe("| o.json | rotherham | Not determined: light to 'plus' | signposting to holistic | 4 met, 0 unknown of 4 |  |");
    expect(formatBatchRow(open, 'table')).toContain("Not determined: light to 'plus'");
    const cells = flattenBatchRecord(open, RULES);
    const column = (name: string) => cells[batchCsvColumns(RULES).indexOf(name)];
    expect([column('tier'), column('highest_possible_tier'), column('determined'), column('tier_range'), column('decisive_facts')]).toEqual([
      'light',
      'plus',
      'false',
      "Not determined: light to 'plus'",
      'linking.whoLinks',
    ]);
    expect(formatBatchRow(bad, 'table')).toMatch(
      /^b\.csv:4 +ERROR invalid_scheme_profile: profileVersion: required field is missing \(missing_field\); name: required field is missing \(missing_field\); /,
    );
    // The failed input's id is kept (it is valid and no issue is about it).
    expect(bad.status === 'error' && bad.schemeId).toBe('x');
    expect(formatBatchRow(bad, 'markdown')).toMatch(/^\| b\.csv:4 \| x \| error \|/);
    expect(formatBatchHeading('table')[0]).toMatch(/^source +scheme +tier +level +plus features$/);
    const summary = addToBatchSummary(createBatchSummary(), ok.status === 'ok' ? ok.classification : classified(ROTHERHAM));
    const md = formatBatchSummary(summary, 'markdown', { failed: 1, rules: RULES });
    expect(md).toContain('1 scheme classified; 1 input failed.');
    expect(md).toContain("| 'plus' | 1 | 1 | 1 |");
    expect(md).toContain('| Not determined | 0 |  |  |');
    expect(md).toContain("| 2 (used) | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 0 |");
    expect(formatBatchSummary(summary, 'table', { sensitivity: false })).not.toContain('Sensitivity');
  });

  it('law: no PII - notes never appear in any format', () => {
    fc.assert(
      fc.property(batchArb({ withSentinel: true }), (records) => {
        const summary = records.reduce((s, r) => (r.status === 'ok' ? addToBatchSummary(s, r.classification) : s), createBatchSummary());
        for (const r of records) {
          expect(formatBatchRow(r, 'table') + formatBatchRow(r, 'markdown') + flattenBatchRecord(r, RULES).join(',')).not.toContain(SENTINEL);
        }
        expect(formatBatchSummary(summary, 'markdown', { rules: RULES })).not.toContain(SENTINEL);
      }),
      { numRuns: 50 },
    );
  });

  it('orders the sensitivity rows by threshold and uses every tier', () => {
    const s = addToBatchSummary(createBatchSummary(), classified(ROTHERHAM));
    expect(s.sensitivity.map((r) => r.threshold)).toEqual([1, 2, 3, 4]);
    expect(Object.keys(s.tiers)).toEqual([...TIERS]);
  });
});
