export { classifyScheme, type ClassifyOptions } from './classifyScheme';
export { explainClassification, formatCitation, type ExplainOptions } from './explainClassification';
export { parseRubric } from './parseRubric';
export { RUBRIC_V1 } from './rubrics/v1';
export { RUBRIC_V2 } from './rubrics/v2';
export { RubricSchema, ConditionSchema, type Rubric, type Condition, type NumberOrParam } from './rubricSchema';
export {
  ASSET_BASED_LEVELS,
  type AssetBasedLevel,
  type AssetBasedResult,
  type Classification,
  type CriterionResult,
  type DecisiveFact,
  type DecisiveFactOutcome,
  type InnovationResult,
  type Outcome,
  type SensitivityRow,
  type StageResult,
} from './types';
export type { ClassifyError, ClassifyOptionsError, RubricError } from './errors';
