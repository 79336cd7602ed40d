export {
  SchemeProfileSchema,
  EVIDENCE_KEYS,
  EvidenceSchema,
  type Evidence,
  SchemePathwaySchema,
  SCHEME_PROFILE_VERSION,
  LINKERS,
  NEEDS_BREADTHS,
  CONTACT_INTENSITIES,
  EVALUATION_KINDS,
  type SchemeProfile,
  type SchemePathway,
} from './schema';
export { SCHEME_FACTS, FACT_GROUPS, type FactDescriptor, type FactGroup, type FactGroupDescriptor } from './facts';
export { parseSchemeProfile } from './parseSchemeProfile';
export { createUnknownProfile } from './createUnknownProfile';
export { applySchemeFacts, type SchemeFacts, type SchemeFactsError, type DeepPartial, type FactConflict, type AppliedSchemeFacts } from './applySchemeFacts';
export { ROTHERHAM } from './rotherham';
export { schemeProfileJsonSchema } from './schemeProfileJsonSchema';
export type { SchemeProfileError } from './errors';
