/** What the engine reads of a transition table's row: in state `from`, event `event` applies (where it leads is the module's own). */
export interface TransitionRow<S extends string, E extends string> {
  readonly from: S;
  readonly event: E;
}

/**
 * @internal The one engine behind every lifecycle of the library (the
 * referral lifecycle, a grant round's): a transition table is data, and this
 * indexes it once (state, then event: two lookups and no key to build) and
 * answers which row, if any, a state and an event name. Guards stay with each
 * module, as they read its own records.
 *
 * @example
 * ```ts
 * const find = indexTransitions([{ from: 'open', event: 'close', to: 'closed' }] as const);
 * find('open', 'close')?.to; // 'closed'
 * find('closed', 'close'); // undefined
 * ```
 */
export function indexTransitions<S extends string, E extends string, R extends TransitionRow<S, E>>(
  rows: readonly R[],
): (from: S, event: E) => R | undefined {
  const index = new Map<S, Map<E, R>>();
  for (const row of rows) {
    let byEvent = index.get(row.from);
    if (byEvent === undefined) index.set(row.from, (byEvent = new Map()));
    // The first row for a state and event wins, as a linear search of the table would find it.
    if (!byEvent.has(row.event)) byEvent.set(row.event, row);
  }
  return (from, event) => index.get(from)?.get(event);
}
