let codegen = true;

/** @internal For tests: compile later rubrics as if `new Function` were forbidden. */
export function disableCodegenForTests(): void {
  codegen = false;
}

/**
 * @internal A function generated from source with `new Function`, or
 * `undefined` where the platform forbids it (a Content Security Policy
 * without `unsafe-eval`): the caller then falls back to closures. The source
 * is built by the rubric compiler from the fact catalogue's paths (checked to
 * be identifiers) and numbers, never from text a person typed. After one
 * refusal no generation is tried again.
 */
export function compileFunction<F>(source: string, ...args: readonly [string, unknown][]): F | undefined {
  if (!codegen) return undefined;
  try {
    // The source returns the function; `args` are the constants it closes over.
    return new Function(...args.map(([name]) => name), source)(...args.map(([, value]) => value)) as F;
  } catch {
    codegen = false;
    return undefined;
  }
}
