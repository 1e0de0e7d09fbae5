/** The loader's entry points: load a data set, wipe a database, digest a graph. */
export { loadDataset, InvalidDatasetError } from './load.ts';
export { resetDatabase } from './reset.ts';
export { graphDigest, type GraphDigest } from './checksum.ts';
