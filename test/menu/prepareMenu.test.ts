import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMenu, prepareMenu } from '../../src/index';
import { menuArb } from '../arbitraries/menu';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('prepareMenu', { timeout: 60_000 }, () => {
  it('law: prepares exactly the menus parseMenu accepts, holding the menu parseMenu returns, frozen', () => {
    fc.assert(
      fc.property(fc.oneof(menuArb(), menuArb().map((m) => ({ ...m, activities: [...m.activities, { id: 'broken' }] }))), (menu) => {
        const parsed = parseMenu(clone(menu));
        const prepared = prepareMenu(clone(menu));
        if (parsed.isErr()) {
          expect(prepared._unsafeUnwrapErr()).toEqual(parsed.error);
          return;
        }
        const p = prepared._unsafeUnwrap();
        expect(p.type).toBe('prepared_menu');
        expect(p.menu).toEqual(parsed.value);
        expect(Object.isFrozen(p)).toBe(true);
        expect(Object.isFrozen(p.menu)).toBe(true);
      }),
    );
  });

  it('returns a prepared menu as it is, and prepares a menu parseMenu returned without copying it', () => {
    const menu = parseMenu(fc.sample(menuArb(), { numRuns: 1, seed: 1 })[0]!)._unsafeUnwrap();
    const prepared = prepareMenu(menu)._unsafeUnwrap();
    expect(prepared.menu).toBe(menu);
    expect(prepareMenu(prepared)._unsafeUnwrap()).toBe(prepared);
    // A copy (through JSON) is prepared again from its menu.
    expect(prepareMenu(clone(prepared))._unsafeUnwrap().menu).toEqual(menu);
  });

  it('law: never throws, whatever it is given: a getter that throws, a proxy, a cycle', () => {
    const throwing = { menuVersion: 1, providers: [], get activities(): never { throw new Error('boom'); } };
    const proxy = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    const cycle: Record<string, unknown> = { menuVersion: 1, providers: [] };
    cycle['activities'] = [cycle];
    for (const input of [throwing, proxy, cycle, { type: 'prepared_menu', get menu(): never { throw new Error('boom'); } }]) {
      expect(prepareMenu(input)._unsafeUnwrapErr().code).toBe('invalid_menu');
    }
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(prepareMenu(x).isOk()).toBe(false);
      }),
    );
  });
});
