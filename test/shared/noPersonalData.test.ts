// Issue 13: no message ever repeats what a person typed. Valid inputs of every
// parser are taken, and text a person might type (a sentinel) is put where a
// person types: as the value of a field, and as an unknown key at any depth.
// Whatever the result, the sentinel never appears in an error: not in a
// message, not in a path, not anywhere in the error value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as sp from '../../src/index';
import { instanceArb } from '../arbitraries/commissioning';
import { menuArb } from '../arbitraries/menu';
import { ruleArb } from '../arbitraries/pathway';
import { eventLogArb } from '../arbitraries/referral';
import { schemeProfileArb } from '../arbitraries/scheme';

const SENTINEL = 'Pii§Sentinel 9434765919';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every place in a JSON value: the path to each object (for new keys) and to each leaf (for new values). */
function places(value: Json, at: (string | number)[] = [], out: { objects: (string | number)[][]; leaves: (string | number)[][] } = { objects: [], leaves: [] }) {
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    out.objects.push(at);
    for (const [k, v] of Object.entries(value)) places(v, [...at, k], out);
  } else out.leaves.push(at);
  return out;
}

function set(root: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, Json>;
  copy[path[0]!] = set(copy[path[0]!] as Json, path.slice(1), value);
  return copy as Json;
}

/** A valid input with the sentinel typed into it: a value replaced, a key added, or both. */
const typedInto = (valid: unknown): fc.Arbitrary<Json> => {
  const json = JSON.parse(JSON.stringify(valid)) as Json;
  const { objects, leaves } = places(json);
  const sentinelValue = fc.constantFrom<Json>(SENTINEL, `${SENTINEL}@example.org`, [SENTINEL], { name: SENTINEL });
  const asValue = leaves.length === 0 ? fc.constant(json) : fc.tuple(fc.constantFrom(...leaves), sentinelValue).map(([p, v]) => set(json, p, v));
  const asKey =
    objects.length === 0
      ? fc.constant(json)
      : fc.tuple(fc.constantFrom(...objects), sentinelValue, fc.constantFrom(SENTINEL, `${SENTINEL}_typo`, 'idd' + SENTINEL)).map(([p, v, key]) => {
          const target = p.reduce<Json>((node, k) => (node as Record<string | number, Json>)[k]!, json) as Record<string, Json>;
          return set(json, p, { ...target, [key]: v });
        });
  return fc.oneof(asValue, asKey);
};

const [round] = fc.sample(instanceArb({ minBids: 2, maxBids: 3 }), { numRuns: 1, seed: 3 });
const [menu] = fc.sample(menuArb({ maxActivities: 3 }), { numRuns: 1, seed: 3 });
const [log] = fc.sample(eventLogArb, { numRuns: 1, seed: 3 });

const parsers: [string, fc.Arbitrary<unknown>, (input: unknown) => { isErr(): boolean; error?: unknown }][] = [
  ['parseSchemeProfile', schemeProfileArb(), (x) => sp.parseSchemeProfile(x)],
  ['classifyScheme', schemeProfileArb(), (x) => sp.classifyScheme(x)],
  ['parseEligibilityRule', ruleArb, (x) => sp.parseEligibilityRule(x)],
  ['parsePathway', fc.constant(sp.ROTHERHAM_PATHWAYS[0]), (x) => sp.parsePathway(x)],
  ['parseMenu', fc.constant(menu), (x) => sp.parseMenu(x)],
  ['parseGrantRound', fc.constant(round!.round), (x) => sp.parseGrantRound(x)],
  ['parseReferralEvent', fc.constantFrom(...log!.valid.slice(0, 20)), (x) => sp.parseReferralEvent(x)],
];

describe('no personal data in errors', () => {
  for (const [name, valid, parse] of parsers) {
    it(`law: ${name} never repeats text typed into a value or a key, in any part of its error`, () => {
      let errors = 0;
      fc.assert(
        fc.property(
          valid.chain((v) => typedInto(v)),
          (input) => {
            const result = parse(input);
            if (result.isErr()) {
              errors++;
              expect(JSON.stringify((result as { error: unknown }).error)).not.toContain('Sentinel');
            }
          },
        ),
        { numRuns: 200 },
      );
      // The law is only worth something if typed text does make errors.
      expect(errors).toBeGreaterThan(50);
    });
  }
});
