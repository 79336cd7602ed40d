// The guide's field lists cannot drift from the schemas (issue 13): every
// table between `<!-- fields: X -->` and `<!-- /fields -->` names exactly the
// fields of schema X, and every `{ a, b }` it gives for a nested object names
// only fields that object has.
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { BidSchema, GrantRoundSchema } from '../../src/index';
import { RoundEventInputSchema } from '../../src/commissioning/transitionRound';

const guide = readFileSync('docs/running-a-micro-commissioning-round.md', 'utf8');
const SCHEMAS: Record<string, z.ZodObject> = { GrantRoundSchema, BidSchema, RoundEventInputSchema };

/** The object schema under optional/default/nullable/array wrappers, if any. */
function objectOf(schema: z.core.$ZodType): z.ZodObject | undefined {
  let s: z.core.$ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodObject) return s;
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.core.$ZodType;
    else if (s instanceof z.ZodArray) s = s.element as z.core.$ZodType;
    else return undefined;
  }
}

function tables(): { schema: string; rows: { names: string[]; meaning: string }[] }[] {
  return [...guide.matchAll(/<!-- fields: (\w+) -->\n([\s\S]*?)<!-- \/fields -->/g)].map((m) => ({
    schema: m[1]!,
    rows: m[2]!
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => {
        const [, first, meaning] = l.split('|');
        return { names: [...first!.matchAll(/`(\w+)`/g)].map((x) => x[1]!), meaning: meaning!.trim() };
      }),
  }));
}

describe('the commissioning guide matches the schemas', () => {
  it('has a field table for a round, a bid and a round event', () => {
    expect(tables().map((t) => t.schema)).toEqual(['GrantRoundSchema', 'RoundEventInputSchema', 'BidSchema']);
  });

  for (const { schema, rows } of tables()) {
    it(`the ${schema} table names every field of the schema, and no other`, () => {
      const shape = SCHEMAS[schema]!.shape as Record<string, z.core.$ZodType>;
      const named = rows.flatMap((r) => r.names);
      expect([...named].sort()).toEqual(Object.keys(shape).sort());
      for (const row of rows) {
        // `{ a, b }` in the meaning lists the fields of the row's (first) field's object.
        for (const braces of row.meaning.matchAll(/`\{ ([\w, ]+) \}`/g)) {
          const inner = objectOf(shape[row.names[0]!]!);
          if (inner === undefined) continue;
          const listed = braces[1]!.split(', ');
          const own = Object.keys(inner.shape);
          // A table row lists an object's fields exactly, or (for a second object named in the row) a nested one.
          const nested = Object.values(inner.shape as Record<string, z.core.$ZodType>)
            .map((v) => objectOf(v))
            .filter((o): o is z.ZodObject => o !== undefined)
            .map((o) => Object.keys(o.shape));
          const siblings = row.names.slice(1).map((n) => objectOf(shape[n]!)).filter((o): o is z.ZodObject => o !== undefined).map((o) => Object.keys(o.shape));
          const candidates = [own, ...nested, ...siblings].map((k) => [...k].sort().join(','));
          expect(candidates, `${schema}.${row.names[0]}: { ${braces[1]} }`).toContain([...listed].sort().join(','));
        }
      }
    });
  }
});
