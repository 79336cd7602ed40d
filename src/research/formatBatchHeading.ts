import { fit } from './textCells';
import type { BatchTextFormat } from './schema';

/** @internal The widths of the table format's columns. */
export const TABLE_WIDTHS = [30, 22, 35, 21] as const;

/**
 * The heading lines of a batch's results in a human-readable format, to
 * print before the lines of `formatBatchRow`.
 *
 * @example
 * ```ts
 * import { formatBatchHeading } from 'social-prescribing';
 *
 * formatBatchHeading('markdown')[0]; // '| Source | Scheme | Tier | Highest possible tier | Level | \'Plus\' features | Problems |'
 * ```
 */
export function formatBatchHeading(format: BatchTextFormat): readonly string[] {
  switch (format) {
    case 'markdown':
      return ["| Source | Scheme | Tier | Kimberlee level | 'Plus' features | Problems |", '|---|---|---|---|---|---|'];
    case 'table': {
      const [a, b, c, d] = TABLE_WIDTHS;
      const head = `${fit('source', a)}  ${fit('scheme', b)}  ${fit('tier', c)}  ${fit('level', d)}  plus features`;
      return [head, '-'.repeat(head.length)];
    }
    default:
      format satisfies never;
      return [];
  }
}
