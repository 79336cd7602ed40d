// The guide "Outcomes and FHIR" prints the SWEMWBS conversion table and the
// thresholds: they must be the code's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEANINGFUL_CHANGE, SWEMWBS_CONVERSION } from '../../src/index';

const guide = readFileSync('docs/outcomes-and-fhir.md', 'utf8');

describe('the guide "Outcomes and FHIR"', () => {
  it('prints the SWEMWBS conversion table of the code, all 29 raw values', () => {
    const start = guide.indexOf('| raw | metric | raw | metric |');
    const lines = guide.slice(start).split('\n').slice(2);
    const rows = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
    const pairs = new Map<number, number>();
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map((c) => c.trim());
      for (let i = 0; i < cells.length; i += 2) if (cells[i] !== '') pairs.set(Number(cells[i]), Number(cells[i + 1]));
    }
    expect(pairs.size).toBe(29);
    expect(Object.fromEntries(pairs)).toEqual(Object.fromEntries(Object.entries(SWEMWBS_CONVERSION).map(([k, v]) => [Number(k), v])));
  });

  it('states the default thresholds of the code', () => {
    expect(guide).toContain(`| WEMWBS | ${MEANINGFUL_CHANGE.wemwbs} |`);
    expect(guide).toContain(`| SWEMWBS | ${MEANINGFUL_CHANGE.swemwbs} (metric points) |`);
    expect(MEANINGFUL_CHANGE.ons4_happiness).toBeNull();
  });
});
