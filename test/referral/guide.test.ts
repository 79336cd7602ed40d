import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReferralEventSchema } from '../../src/index';

const guide = readFileSync('docs/referral-pathways-and-lifecycle.md', 'utf8');
const block = guide.slice(guide.indexOf('<!-- BEGIN referral event fields'), guide.indexOf('<!-- END referral event fields'));

type Def = { type: string; shape: Record<string, { _zod: { def: { type: string; values?: unknown[] } } }> };
const shapes = (ReferralEventSchema._zod.def.options as unknown as { _zod: { def: Def } }[]).map((o) => o._zod.def.shape);

describe('the per-event field table of the guide matches ReferralEventSchema (issue 13)', () => {
  it('every field of every event type is listed, required or optional as the schema says, and nothing else', () => {
    const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''));
    const rows = block.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| field') && !l.startsWith('| event'));
    const common = new Map(rows.filter((l) => cells(l).length === 3).map((l) => [cells(l)[0]!, cells(l)[1]!]));
    const own = rows.filter((l) => cells(l).length === 4).map(cells);
    expect(common.size).toBeGreaterThan(0);
    for (const shape of shapes) {
      const type = shape['type']!._zod.def.values![0] as string;
      const listed = new Map([...common, ...own.filter((c) => c[0] === type && c[1] !== '(none)').map((c) => [c[1]!, c[2]!] as const)]);
      const expected = new Map(
        Object.entries(shape)
          .filter(([k]) => k !== 'type')
          .map(([k, s]) => [k, s._zod.def.type === 'optional' ? 'optional' : 'required']),
      );
      expect([type, listed]).toEqual([type, expected]);
    }
    expect(new Set(own.map((c) => c[0]))).toEqual(new Set(shapes.map((s) => s['type']!._zod.def.values![0])));
  });
});
