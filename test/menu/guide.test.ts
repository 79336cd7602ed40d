// Issue 13, guides that cannot drift: every field list in "Building and
// maintaining an activity menu" is checked against the schemas.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as menu from '../../src/menu/index';
import { SchemeProfileSchema } from '../../src/index';

const guide = readFileSync('docs/building-an-activity-menu.md', 'utf8');

type Shape = Record<string, z.ZodType>;
const shapeOf = (schema: unknown): Shape => (schema as { shape: Shape }).shape;
const required = (field: z.ZodType): boolean => !field.safeParse(undefined).success;

/** The schema at a path of field names, looking through optional fields and lists; undefined when there is none. */
function schemaAt(schema: unknown, path: readonly string[]): unknown {
  let node = schema;
  for (const key of path) {
    for (;;) {
      const def = (node as { _zod: { def: { type: string; innerType?: unknown; element?: unknown } } })._zod.def;
      if (def.type === 'optional') node = def.innerType;
      else if (def.type === 'array') node = def.element;
      else break;
    }
    const shape = (node as { shape?: Shape }).shape;
    if (shape === undefined || !Object.hasOwn(shape, key)) return undefined;
    node = shape[key];
  }
  return node;
}

/** The rows of each `<!-- fields: XSchema -->` table: field name and whether it says required. */
function fieldTables(markdown: string): Map<string, [string, boolean][]> {
  const out = new Map<string, [string, boolean][]>();
  for (const m of markdown.matchAll(/<!-- fields: (\w+) -->\n([\s\S]*?)<!-- \/fields -->/g)) {
    const rows = m[2]!.split('\n').filter((l) => /^\| `/.test(l));
    out.set(m[1]!, rows.map((r) => {
      const [, name, req] = /^\| `(\w+)` \| (yes|no) \|/.exec(r) ?? [];
      return [name ?? r, req === 'yes'] as [string, boolean];
    }));
  }
  return out;
}

describe('the activity-menu guide', () => {
  const tables = fieldTables(guide);

  it('has a field table for every object of the menu model', () => {
    expect([...tables.keys()].sort()).toEqual(
      ['ActivitySchema', 'CapacitySchema', 'CostSchema', 'FundingArrangementSchema', 'MenuSchema', 'ProviderSchema', 'ScheduleSchema', 'SessionSchema'].sort(),
    );
  });

  for (const [name, rows] of fieldTables(guide)) {
    it(`lists exactly the fields of ${name}, in order, and which are required`, () => {
      const shape = shapeOf((menu as Record<string, unknown>)[name]);
      expect(rows).toEqual(Object.entries(shape).map(([k, v]) => [k, required(v)]));
    });
  }

  it('the HSDS mapping table covers every activity and provider field, and names no field that does not exist', () => {
    const table = guide.slice(guide.indexOf('### Mapping table'), guide.indexOf('## Speed'));
    const roots: Record<string, unknown> = { Activity: menu.ActivitySchema, Provider: menu.ProviderSchema };
    const covered = new Map<string, Set<string>>([['Activity', new Set()], ['Provider', new Set()]]);
    let checked = 0;
    for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
      // `Activity.cost.amountPence`, `unit`: a bare name is a sibling of the full path before it.
      let parent: string[] = [];
      for (const [, token] of row.split('|')[1]!.matchAll(/`([\w.]+)[^`]*`/g)) {
        const segments = token!.split('.');
        const path = segments[0] === 'Activity' || segments[0] === 'Provider' ? segments : [...parent, ...segments];
        parent = path.slice(0, -1);
        if (path[0] !== 'Activity' && path[0] !== 'Provider') continue;
        covered.get(path[0])!.add(path[1]!);
        expect(schemaAt(roots[path[0]], path.slice(1)), path.join('.')).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect([...covered.get('Activity')!].sort()).toEqual(Object.keys(shapeOf(menu.ActivitySchema)).sort());
    expect([...covered.get('Provider')!].sort()).toEqual(Object.keys(shapeOf(menu.ProviderSchema)).sort());
  });

  it('every profile path in the table of what the menu proves exists in SchemeProfileSchema', () => {
    const table = guide.slice(guide.indexOf('| profile path | set when |'), guide.indexOf('`funding.activitiesFunded` ("funded'));
    const paths = [...table.matchAll(/^\| `([\w.<>]+)` \|/gm)].map((m) => m[1]!);
    expect(paths.length).toBe(4);
    for (const path of paths) {
      let node: unknown = SchemeProfileSchema;
      for (const key of path.split('.')) {
        const shape = shapeOf(node);
        node = key === '<type>' ? Object.values(shape)[0] : shape[key];
        expect(node, path).toBeDefined();
      }
    }
  });
});
