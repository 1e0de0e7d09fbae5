/** The domain: record kinds, enumerations, the lineage and counting vocabulary, schemas, validation. */
export * from './kinds.ts';
export * from './relationship-types.ts';
export * from './lineage.ts';
export * from './counting.ts';
export * from './records.ts';
export { formatProblem, type Problem } from './problems.ts';
export { derivedRelationshipKey } from './schemas/relationship.ts';
export { validateDataset } from './validate/validate-dataset.ts';
