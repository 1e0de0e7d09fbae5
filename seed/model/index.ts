/** The data model of a data set: schemas, reading, validation. */
export { readDataset, validateDataset, countRecords, type ValidationResult } from './dataset.ts';
export { formatProblem, type Problem } from './problems.ts';
export type { KnownKind, CrossCheckOptions } from './cross-checks.ts';
export { ENDPOINT_RULES, type EndpointKind } from './endpoint-rules.ts';
export { derivedRelationshipKey } from './schemas/relationship.ts';
export * from './types.ts';
