import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  createSchemeCsvLayout,
  createUnknownProfile,
  DEFAULT_CSV_PATHWAY_GROUPS,
  formatCsvRow,
  formatSchemeCsv,
  parseSchemeCsvRecord,
  parseSchemeProfile,
  ROTHERHAM,
  SCHEME_FACTS,
  SchemeProfileSchema,
  schemeCsvColumns,
  type SchemeProfile,
} from '../../src/index';
import { unguardCsvCell } from '../../src/research/formatCsvRow';
import { schemeProfileArb, SENTINEL, sentinelText } from '../arbitraries/scheme';

const readCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true }) as string[][];

function readProfiles(text: string): unknown[] {
  const [header, ...rows] = readCsv(text);
  const layout = createSchemeCsvLayout(header!)._unsafeUnwrap();
  return rows.map((r) => parseSchemeCsvRecord(layout, r));
}

/** An empty notes or label reads back as absent: the documented normalisation. */
function normalise(p: SchemeProfile): SchemeProfile {
  const copy = JSON.parse(JSON.stringify(p)) as Record<string, unknown> & SchemeProfile;
  if (copy.notes === '') delete copy.notes;
  if (Array.isArray(copy.pathways)) {
    copy.pathways = copy.pathways.map((x) => {
      const y = { ...x };
      if (y.label === '') delete y.label;
      return y;
    });
  }
  return copy;
}

const header = (names: string[]) => createSchemeCsvLayout(names)._unsafeUnwrap();

describe('schemeCsvColumns', () => {
  it('has a column for every fact of SCHEME_FACTS, named by its path', () => {
    const names = schemeCsvColumns().map((c) => c.name);
    for (const fact of SCHEME_FACTS) expect(names).toContain(fact.key);
    expect(names.slice(0, 3)).toEqual(['id', 'name', 'notes']);
  });

  it('has unique names and the requested number of pathway groups', () => {
    for (const groups of [0, 1, DEFAULT_CSV_PATHWAY_GROUPS, 12]) {
      const names = schemeCsvColumns({ pathwayGroups: groups }).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter((n) => /^pathway\d+\.setting$/.test(n))).toHaveLength(groups);
    }
  });

  it('gives every enum column the values the schema accepts', () => {
    for (const c of schemeCsvColumns().filter((x) => x.type === 'enum' && !x.name.startsWith('pathway'))) {
      const fact = SCHEME_FACTS.find((f) => f.key === c.name);
      expect(c.values).toEqual(fact?.values);
    }
  });
});

describe('createSchemeCsvLayout', () => {
  it('matches names without regard to case, spaces or a byte-order mark, and ignores columns of your own', () => {
    const layout = header(['\uFEFFID', ' Name ', 'coder', 'COVERAGE.SCALE', 'pathway3.Setting']);
    expect(layout.columns.map((c) => c?.name ?? null)).toEqual(['id', 'name', null, 'coverage.scale', 'pathway3.setting']);
    expect(layout.pathwayGroups).toBe(3);
  });

  it('rejects a typo that looks like a profile fact, a duplicate and a missing required column, all at once', () => {
    const r = createSchemeCsvLayout(['id', 'coverage.scal', 'coverage.scale', 'Coverage.Scale', 'pathway1.colour']);
    expect(r.isErr()).toBe(true);
    const issues = r._unsafeUnwrapErr().issues;
    expect(r._unsafeUnwrapErr().code).toBe('invalid_scheme_csv_header');
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['header.1', 'unrecognized_field'],
      ['header.3', 'duplicate_id'],
      ['header.4', 'unrecognized_field'],
      ['name', 'missing_field'],
    ]);
  });

  it('names a header cell by its position and says what it expected, never echoing it (issue 16)', () => {
    const issues = createSchemeCsvLayout(['id', 'name', 'coverage.sclae', 'funding.secretproject', 'coverage.scale', 'COVERAGE.SCALE'])._unsafeUnwrapErr().issues;
    expect(issues).toEqual([
      { path: ['header', 2], code: 'unrecognized_field', message: 'column 3: not a column of the scheme CSV; expected a column named in docs/csv-columns.md (did you mean "coverage.scale"?)' },
      { path: ['header', 3], code: 'unrecognized_field', message: 'column 4: not a column of the scheme CSV; expected a column named in docs/csv-columns.md' },
      { path: ['header', 5], code: 'duplicate_id', message: 'column 6: repeats the column coverage.scale, which appears earlier' },
    ]);
  });

  it('law: no PII - a header cell that looks like a field name is never echoed', () => {
    fc.assert(
      fc.property(fc.constantFrom('funding', 'coverage', 'linking', 'pathway2'), fc.stringMatching(/^[a-z]{4,12}$/), (section, typed) => {
        fc.pre(!schemeCsvColumns({ evidence: true }).some((c) => c.name.toLowerCase().includes(typed)));
        const r = createSchemeCsvLayout(['id', 'name', `${section}.${typed}`]);
        expect(JSON.stringify(r)).not.toContain(typed);
      }),
    );
  });

  it('law: anything but a list of strings is invalid_scheme_csv_header with one issue at the root', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        fc.pre(!(Array.isArray(x) && x.every((c) => typeof c === 'string')));
        expect(createSchemeCsvLayout(x as string[])._unsafeUnwrapErr().issues).toEqual([{ path: [], code: 'invalid_type', message: '(root): expected a list of column names' }]);
      }),
    );
  });

  it('law: a list of strings gives a layout with one column per cell, or invalid_scheme_csv_header; id and name are required', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('id', 'name', 'notes', 'coverage.scale'))), (x) => {
        const r = createSchemeCsvLayout(x);
        if (r.isOk()) {
          expect(r.value.columns).toHaveLength(x.length);
          expect(x.map((c) => c.trim().toLowerCase())).toEqual(expect.arrayContaining(['id', 'name']));
        } else {
          expect(r.error.code).toBe('invalid_scheme_csv_header');
          expect(r.error.issues.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('law: no PII - an unrecognised column name that is not a plain field name is never echoed', () => {
    fc.assert(
      fc.property(sentinelText(), (name) => {
        const r = createSchemeCsvLayout(['id', 'name', `funding.${name}`]);
        expect(JSON.stringify(r)).not.toContain(SENTINEL);
      }),
    );
  });
});

describe('parseSchemeCsvRecord', () => {
  it('reads the Rotherham row written by formatSchemeCsv back to ROTHERHAM', () => {
    const csv = formatSchemeCsv([ROTHERHAM])._unsafeUnwrap();
    const [r] = readProfiles(csv) as ReturnType<typeof parseSchemeCsvRecord>[];
    expect(r!._unsafeUnwrap()).toEqual(ROTHERHAM);
  });

  it('reads unknown, empty, yes/no, 1/0, TRUE/False and coded values in any case', () => {
    const layout = header(['id', 'name', 'linking.personalisedPlan', 'funding.activitiesFunded', 'funding.referralProcessFunded', 'assetBased.coProduction', 'coverage.scale', 'funding.committedYears', 'activities.menuSize']);
    const p = parseSchemeCsvRecord(layout, ['s', 'S', 'Yes', '0', 'TRUE', '', ' Local_Authority_or_CCG ', '2.5', 'Unknown'])._unsafeUnwrap();
    expect(p.linking.personalisedPlan).toBe(true);
    expect(p.funding.activitiesFunded).toBe(false);
    expect(p.funding.referralProcessFunded).toBe(true);
    expect(p.assetBased.coProduction).toBe('unknown');
    expect(p.coverage.scale).toBe('local_authority_or_ccg');
    expect(p.funding.committedYears).toBe(2.5);
    expect(p.activities.menuSize).toBe('unknown');
    expect(p.linking.contact).toBe('unknown'); // no column
    expect(p.pathways).toBe('unknown'); // no groups filled
  });

  it('reads pathway groups in order, skipping empty groups, with default ids', () => {
    const layout = header(['id', 'name', 'pathway1.setting', 'pathway2.setting', 'pathway3.setting', 'pathway3.clearlyDelineated', 'pathway3.id']);
    const p = parseSchemeCsvRecord(layout, ['s', 'S', 'gp_practice', '', 'statutory_mental_health', 'yes', ''])._unsafeUnwrap();
    expect(p.pathways).toEqual([
      { id: 'pathway1', setting: 'gp_practice', clearlyDelineated: 'unknown' },
      { id: 'pathway3', setting: 'statutory_mental_health', clearlyDelineated: true },
    ]);
    const none = parseSchemeCsvRecord(header(['id', 'name', 'pathways', 'pathway1.setting']), ['s', 'S', 'none', ''])._unsafeUnwrap();
    expect(none.pathways).toEqual([]);
  });

  it('reports every bad cell with its profile path, the CSV column in the message, and a stable code', () => {
    const layout = header(['id', 'name', 'linking.personalisedPlan', 'funding.committedYears', 'coverage.scale', 'pathway2.setting', 'pathways']);
    const e = parseSchemeCsvRecord(layout, ['', 'S', 'maybe', 'three', 'planet', 'moon', 'unknown'])._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_scheme_csv_row');
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['linking.personalisedPlan', 'invalid_value'],
      ['funding.committedYears', 'invalid_type'],
      ['pathways', 'invalid'],
      ['id', 'missing_field'],
      ['coverage.scale', 'invalid_value'],
    ]);
    const listed = parseSchemeCsvRecord(layout, ['s', 'S', 'true', '1', 'unknown', 'moon', 'listed'])._unsafeUnwrapErr();
    expect(listed.issues[0]!.path).toEqual(['pathways', 0, 'setting']);
    expect(listed.issues[0]!.message.startsWith('pathway2.setting:')).toBe(true);
  });

  it('rejects a row with the wrong number of cells', () => {
    const layout = header(['id', 'name']);
    expect(parseSchemeCsvRecord(layout, ['a'])._unsafeUnwrapErr().issues[0]!.code).toBe('too_small');
    expect(parseSchemeCsvRecord(layout, ['a', 'b', 'c'])._unsafeUnwrapErr().issues[0]!.code).toBe('too_big');
  });

  it('law: round-trip - formatSchemeCsv then reading the CSV gives the same profiles', () => {
    fc.assert(
      fc.property(fc.array(schemeProfileArb(), { minLength: 1, maxLength: 4 }), fc.string({ minLength: 1, maxLength: 20 }), (profiles, name) => {
        const withNames = profiles.map((p, i) => ({ ...p, id: `s${i}`, name }));
        const csv = formatSchemeCsv(withNames)._unsafeUnwrap();
        const back = readProfiles(csv).map((r) => (r as ReturnType<typeof parseSchemeCsvRecord>)._unsafeUnwrap());
        expect(back).toEqual(withNames.map((p) => normalise(SchemeProfileSchema.parse(p))));
      }),
      { numRuns: 150 },
    );
  });

  it('law: never throws on arbitrary cells', () => {
    const layout = header(schemeCsvColumns({ pathwayGroups: 2 }).map((c) => c.name));
    // A row reads as a valid profile, or fails with invalid_scheme_csv_row and at least one issue.
    const readsOrFails = (cells: string[]): void => {
      const r = parseSchemeCsvRecord(layout, cells);
      if (r.isOk()) expect(parseSchemeProfile(r.value)._unsafeUnwrap()).toEqual(r.value);
      else {
        expect(r.error.code).toBe('invalid_scheme_csv_row');
        expect(r.error.issues.length).toBeGreaterThan(0);
      }
    };
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: layout.columns.length + 2 }), readsOrFails));
    fc.assert(fc.property(fc.array(fc.constantFrom('', 'unknown', 'yes', '1', 'gp_practice', 'listed', '-1', 'x'), { minLength: layout.columns.length, maxLength: layout.columns.length }), readsOrFails));
    // Anything but a layout and a list of strings: one issue at the root.
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const e = parseSchemeCsvRecord(a as never, b as never)._unsafeUnwrapErr();
        expect(e.code).toBe('invalid_scheme_csv_row');
        expect(e.issues).toHaveLength(1);
        expect(e.issues[0]!.path).toEqual([]);
      }),
    );
  });

  it('law: no PII - no cell value ever appears in an error', () => {
    const layout = header(schemeCsvColumns({ pathwayGroups: 1 }).map((c) => c.name));
    fc.assert(
      fc.property(fc.array(fc.oneof(sentinelText(), fc.constant('')), { minLength: layout.columns.length, maxLength: layout.columns.length }), (cells) => {
        const r = parseSchemeCsvRecord(layout, cells);
        if (r.isErr()) expect(JSON.stringify(r.error)).not.toContain(SENTINEL);
      }),
    );
  });

  it('law: determinism and no mutation of the cells', () => {
    const layout = header(schemeCsvColumns().map((c) => c.name));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', 'unknown', 'true', 'no', 'dedicated_link_worker', '3', 'zz'), { minLength: layout.columns.length, maxLength: layout.columns.length }), (cells) => {
        const before = [...cells];
        const a = parseSchemeCsvRecord(layout, cells);
        const b = parseSchemeCsvRecord(layout, cells);
        expect(a).toEqual(b);
        expect(cells).toEqual(before);
      }),
    );
  });
});

describe('formatSchemeCsv', () => {
  it('is the empty template for no profiles, and adds pathway groups when a profile needs more', () => {
    const template = formatSchemeCsv([])._unsafeUnwrap();
    expect(template.trimEnd().split('\n')).toHaveLength(1);
    expect(template.trimEnd().split(',')).toEqual(schemeCsvColumns().map((c) => c.name));
    const many = { ...createUnknownProfile({ id: 'm', name: 'M' })._unsafeUnwrap(), pathways: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, setting: 'gp_practice' as const, clearlyDelineated: true as const })) };
    const csv = formatSchemeCsv([many])._unsafeUnwrap();
    expect(csv.split('\n')[0]).toContain('pathway7.clearlyDelineated');
  });

  it('rejects invalid profiles, naming each by index', () => {
    const e = formatSchemeCsv([ROTHERHAM, { id: 'x' }])._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_scheme_profiles');
    expect(e.issues.every((i) => i.path[0] === 1)).toBe(true);
  });
});

/** Text that often starts with what a spreadsheet reads as a formula, possibly after single quotes. */
const formulaTextArb = fc.oneof(
  fc.string(),
  fc.tuple(fc.stringMatching(/^'{0,3}$/), fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map(([q, c, rest]) => `${q}${c}${rest}`),
  fc.constantFrom('-1', '+3', '-2.5e3', '3', "'-1", "'", "''", '=HYPERLINK("http://x","y")', '-1+2', '@SUM(A1:A2)'),
);
const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

describe('formatCsvRow', () => {
  it('law: round-trip through a CSV parser, once the guard against formulas is removed', () => {
    fc.assert(
      fc.property(fc.array(formulaTextArb, { minLength: 1, maxLength: 6 }), (cells) => {
        fc.pre(!(cells.length === 1 && cells[0] === ''));
        expect(readCsv(`${formatCsvRow(cells)}\n`)[0]!.map(unguardCsvCell)).toEqual(cells);
      }),
    );
  });

  it('law: no written cell starts with a formula character, unless it is a number', () => {
    fc.assert(
      fc.property(fc.array(formulaTextArb, { minLength: 1, maxLength: 6 }), (cells) => {
        fc.pre(!(cells.length === 1 && cells[0] === ''));
        for (const written of readCsv(`${formatCsvRow(cells)}\n`)[0]!) {
          if (NUMBER.test(written)) continue;
          expect(FORMULA_CHARS).not.toContain(written[0]);
        }
      }),
    );
  });

  it('neutralises formulas with a single quote (OWASP), leaving numbers as numbers', () => {
    // Failed before the guard: the cells were written as they came.
    expect(formatCsvRow(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])).toBe(`'=1+1,'+SUM(A1),'-2+3,'@cmd,'\tx,"'\rx"`);
    expect(formatCsvRow(['-1', '+3', '3', '-2.5', 'a-b', "'=x"])).toBe(`-1,+3,3,-2.5,a-b,''=x`);
  });
});

describe('CSV injection and the scheme CSV', () => {
  it('law: round-trip - any name, notes and pathway label read back exactly, and no written text cell starts with a formula character', () => {
    fc.assert(
      fc.property(formulaTextArb, formulaTextArb, formulaTextArb, (name, notes, label) => {
        // eslint-disable-next-line no-control-regex
        fc.pre(name.length >= 1 && name.length <= 200 && !/[\u0000-\u001f\u007f]/.test(name));
        const base = createUnknownProfile({ id: 's1', name })._unsafeUnwrap();
        const profile = { ...base, notes, pathways: [{ id: 'p1', label, setting: 'gp_practice' as const, clearlyDelineated: true as const }] };
        const csv = formatSchemeCsv([profile])._unsafeUnwrap();
        const [, row] = readCsv(csv);
        for (const written of row!) {
          if (NUMBER.test(written)) continue;
          expect(FORMULA_CHARS).not.toContain(written[0]);
        }
        const [back] = readProfiles(csv) as ReturnType<typeof parseSchemeCsvRecord>[];
        expect(back!._unsafeUnwrap()).toEqual(normalise(profile));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a guarded cell without its quote, and keeps a quote that guards nothing', () => {
    const layout = header(['id', 'name', 'notes', 'funding.committedYears']);
    const p = parseSchemeCsvRecord(layout, ['s', "'=cmd|' /C calc'!A0", "'quoted", '3'])._unsafeUnwrap();
    expect(p.name).toBe("=cmd|' /C calc'!A0");
    expect(p.notes).toBe("'quoted");
    expect(p.funding.committedYears).toBe(3);
  });
});

describe('evidence columns', () => {
  const evidence = {
    'linking.contact': { source: 'Service specification 2019', locator: 's. 3.2', note: 'six to twelve sessions', coder: 'AB' },
    pathways: { source: 'https://example.org/referral-form.pdf' },
  };

  it('law: a profile with evidence reads back exactly as it was written', () => {
    fc.assert(
      fc.property(schemeProfileArb(), (p) => {
        const withEvidence = { ...p, evidence };
        const [read] = readProfiles(formatSchemeCsv([withEvidence])._unsafeUnwrap()) as [ReturnType<typeof parseSchemeCsvRecord>];
        expect(read._unsafeUnwrap()).toEqual(normalise(withEvidence));
      }),
      { numRuns: 30 },
    );
  });

  it('the template gains four evidence columns after each fact with evidence: true, and none without', () => {
    const names = schemeCsvColumns({ pathwayGroups: 0, evidence: true }).map((c) => c.name);
    const i = names.indexOf('linking.contact');
    expect(names.slice(i, i + 5)).toEqual([
      'linking.contact',
      'evidence.linking.contact.source',
      'evidence.linking.contact.locator',
      'evidence.linking.contact.note',
      'evidence.linking.contact.coder',
    ]);
    expect(names).toContain('evidence.pathways.source');
    expect(schemeCsvColumns().some((c) => c.name.startsWith('evidence.'))).toBe(false);
    expect(formatSchemeCsv([], { evidence: true })._unsafeUnwrap().split('\n')[0]).toContain('evidence.linking.contact.source');
  });

  it('evidence without a source is an error naming the source column, never echoing the text', () => {
    const layout = createSchemeCsvLayout(['id', 'name', 'evidence.linking.contact.locator'])._unsafeUnwrap();
    const e = parseSchemeCsvRecord(layout, ['s1', 'Scheme', `p. 4 ${SENTINEL}`])._unsafeUnwrapErr();
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['evidence.linking.contact.source', 'missing_field']]);
    expect(JSON.stringify(e)).not.toContain(SENTINEL);
  });
});
