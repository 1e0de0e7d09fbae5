/** The domain: record kinds, enumerations, the lineage and counting vocabulary, schemas, validation. */
export * from './kinds.ts';
export * from './relationship-types.ts';
export * from './lineage.ts';
export * from './counting.ts';
export * from './records.ts';
export { formatProblem, type Problem, type Location } from './problems.ts';
export { ENDPOINT_RULES, type EndpointKind } from './endpoint-rules.ts';
export { derivedRelationshipKey } from './schemas/relationship.ts';
export { validateDataset, type ValidationResult } from './validate/validate-dataset.ts';
export type { KnownKind, CrossCheckOptions } from './validate/cross-checks.ts';
