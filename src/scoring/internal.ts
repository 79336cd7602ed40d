/**
 * What other modules of the library use from the classifier and the library
 * does not publish. Only `src/` imports this file.
 *
 * @internal
 * @packageDocumentation
 */
export { classifyValidProfile } from './classifyScheme';
export { loadRubric } from './parseRubric';
