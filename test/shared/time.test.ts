import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsOfSchema, DAY_MS, momentOf, startOfUtcDay } from '../../src/shared/time';

// Instants from year 1 to 9999 (ISO dates have four-digit years).
const instant = fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') });

describe('shared time', () => {
  it('law: an instant falls in the UTC day that starts at startOfUtcDay of its date', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const start = startOfUtcDay(momentOf(t).date);
        expect(start <= t && t < start + DAY_MS).toBe(true);
        expect(momentOf(start).date).toBe(momentOf(t).date);
      }),
    );
  });

  it('law: a date as an asOf is the start of its UTC day, years 0-99 included', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const { date } = momentOf(t);
        expect(AsOfSchema.parse(date).instant).toBe(startOfUtcDay(date));
      }),
    );
    expect(momentOf(startOfUtcDay('0042-03-01')).dateTime).toBe('0042-03-01T00:00:00.000Z');
  });
});
