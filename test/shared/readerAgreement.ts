// The law every specialised reader keeps with its zod schema (the scheme profile's
// generated reader, the referral event's validator), written once.
import type { Result } from 'neverthrow';
import { expect } from 'vitest';
import * as z from 'zod';

/** A value as JSON would carry it (no undefined, no -0, no class instances). */
const asJson = (x: unknown): unknown => {
  const text = JSON.stringify(x);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};

/** A specialised reader, its schema and the public parser built on it. */
export interface SpecialisedReader {
  /** The reader: the parsed value, or undefined when it leaves the value to zod. */
  readonly read: (x: unknown) => unknown;
  readonly schema: z.ZodType;
  /** The public parser (the reader, then zod for the issues). */
  readonly parse: (x: unknown) => Result<unknown, unknown>;
  /** The library's zod path, whose result the public parser must give. */
  readonly library: (x: unknown) => z.ZodSafeParseResult<unknown>;
  /** The error the public parser gives for zod's issues on `x`. */
  readonly error: (e: z.ZodError, x: unknown) => unknown;
}

/** What a specialised reader promises, on one value. */
export function expectReaderAgrees(x: unknown, r: SpecialisedReader): void {
  const fast = r.read(x);
  const plain = z.safeParse(r.schema, x);
  if (fast !== undefined) {
    // Accepted here: zod accepts, with the same value, keys in the same order.
    expect(plain.success).toBe(true);
    expect(fast).toStrictEqual(plain.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain.data));
  }
  // Every valid value as JSON carries it is accepted here, and nothing else.
  const json = asJson(x);
  expect(r.read(json) !== undefined).toBe(z.safeParse(r.schema, json).success);
  // The public parser accepts and rejects exactly what the library's zod path does,
  // with the same issue codes, paths and messages.
  const pub = r.parse(x);
  const library = r.library(x);
  if (library.success) expect(pub._unsafeUnwrap()).toStrictEqual(library.data);
  else expect(pub._unsafeUnwrapErr()).toStrictEqual(r.error(library.error, x));
}
