/**
 * What the command line uses from the research module and the library does
 * not publish: the terminal table and building a failure for an input that
 * could not be read. Only `src/cli/` imports this file.
 *
 * @internal
 * @packageDocumentation
 */
export { createBatchFailure, type BatchFailureError, type BatchFailureOptions } from './createBatchFailure';
export { createBatchInputError } from './errors';
export { formatBatchHeading } from './formatBatchHeading';
export { formatBatchRow } from './formatBatchRow';
export { issueText, textTable } from './textCells';
export { readSchemeCsvRecord } from './parseSchemeCsvRecord';
export { LONG_CSV_COLUMNS, longCsvRows } from './longCsvRows';
