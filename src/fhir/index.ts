export {
  FHIR_SYSTEMS,
  SNOMED,
  FHIR_PROFILES,
  SDOH_CATEGORIES_OF_NEED,
  FHIR_CAPACITY_STATUSES,
  type FhirCapacityStatus,
  type FhirCoding,
  type FhirCodeableConcept,
  type FhirIdentifier,
  type FhirReference,
  type FhirExtension,
  type FhirPatient,
  type FhirServiceRequest,
  type FhirTask,
  type FhirReferralBundle,
  type FhirBundleEntry,
  type SnomedConcept,
} from './schema';
export { toFhirReferral, type ToFhirReferralOptions } from './toFhirReferral';
export { fromFhirTask, type FromFhirTaskOptions, type FhirTaskImport } from './fromFhirTask';
export { toFhirCapacityStatuses, type ActivityCapacityStatus } from './toFhirCapacityStatuses';
export { FHIR_TASK_ERROR_CODES, type ToFhirReferralError, type FhirTaskStatusError, type FromFhirTaskError } from './errors';
