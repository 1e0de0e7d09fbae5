/**
 * Size `seed`: the project's own seed/data, loaded by the bench's usual path (load/loader-child.ts,
 * i.e. seed/loader). It has no generated query targets, so only the browser part runs on it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchTargets } from '../generate.ts';

export const SEED_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed/data');

/** What load/loader-child.ts prints (the part the report keeps). */
export interface SeedLoaderOutput {
  loader: {
    ms: number;
    /** Until the records are written and readable (the key indexes come online after). */
    readyMs: number;
    phases: { readValidateMs: number; schemaMs: number; writeMs: number };
    result: { rows: number; counts: Record<string, { created: number; updated: number; unchanged: number }> };
  };
}

/** Empty targets (`size` is read by nothing but the generator): the counts come from the loader (seedCounts). */
export function seedTargets(seed: number): BenchTargets {
  return { size: 'S', seed, hubActors: [], typicalActors: [], pathPairs: [], lineageRoots: [], fundingAuthorities: [], searchTerms: [], counts: {} };
}

/** Records per kind as the loader counted them, and the total. */
export function seedCounts(out: SeedLoaderOutput): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [kind, c] of Object.entries(out.loader.result.counts)) counts[kind] = c.created + c.updated + c.unchanged;
  return { ...counts, total: out.loader.result.rows };
}
