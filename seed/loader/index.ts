/** The loader: schema, batches, reset, checksum. */
export { loadDataset, InvalidDatasetError, DEFAULT_BATCH_SIZE, type LoadOptions, type LoadProgress } from './load.ts';
export { formatSummary, type LoadSummary, type Counts } from './summary.ts';
export { ensureSchema, SCHEMA_STATEMENTS } from '../../store/schema.ts';
export { resetDatabase } from './reset.ts';
export { graphChecksum, graphDigest, type GraphDigest } from './checksum.ts';
