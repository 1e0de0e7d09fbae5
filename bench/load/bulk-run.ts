/**
 * The bulk first load as a run of the loading benchmark: the bench's Neo4j is stopped and its
 * store emptied (the importer builds a new store and needs the files to itself), bulk-child.ts
 * loads the folder the way `npm run import -- DIR --bulk` does, and the bench's Neo4j is started
 * again on the imported store for the census and the checksum.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchNeo4j } from '../lib/bench-neo4j.ts';
import { runTsChild } from '../lib/child.ts';
import type { ChildUsage } from '../lib/proc.ts';
import { graphCensus } from './graph-census.ts';
import type { LoadRun } from './run-load.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The steps of a bulk load (ms) and the JVMs it ran. */
export interface BulkDetail {
  readValidateMs: number;
  csvMs: number;
  importMs: number;
  startMs: number;
  schemaMs: number;
  listsMs: number;
  nodes: number;
  relationships: number;
  /** Rows per second of neo4j-admin import alone (the importer's own speed, without JVM starts). */
  rowsPerSecImport: number;
  importerJvm: ChildUsage | null;
  databaseJvm: ChildUsage | null;
}

interface BulkChildOutput {
  bulk: {
    ms: number;
    rows: number;
    readValidateMs: number;
    steps: { nodes: number; relationships: number; csvMs: number; importMs: number; startMs: number; listsMs: number };
    schemaMs: number;
    maxRssMb: number;
    importerJvm: ChildUsage | null;
    databaseJvm: ChildUsage | null;
  };
}

/** The loader's checksum of the graph now in the bench database, computed in a child process. */
export async function checksumOf(db: BenchNeo4j, log: (line: string) => void): Promise<string | null> {
  try {
    const out = await runTsChild<{ digest: { checksum: string; nodes: number; relationships: number; ms: number } }>(path.join(here, 'checksum-child.ts'), [], db.env());
    const d = out.result.digest;
    log(`load: checksum ${d.checksum.slice(0, 12)} (${d.nodes} nodes, ${d.relationships} relationships, ${(d.ms / 1000).toFixed(1)} s)`);
    return d.checksum;
  } catch (err) {
    log(`load: the checksum failed: ${(err as Error).message.slice(0, 300)}`);
    return null;
  }
}

/** Runs the bulk load on an emptied store; a failure is reported in the run, not thrown. */
export async function bulkRun(db: BenchNeo4j, dir: string, rows: number, log: (line: string) => void): Promise<LoadRun> {
  const failed = (error: string): LoadRun => ({
    name: 'bulk', rows, wallMs: Number.NaN, rowsPerSec: Number.NaN, peakRssMb: null, clientCpuSeconds: null,
    neo4jCpuSeconds: null, census: { nodes: {}, relationships: {} }, error,
  });
  if (!db.own) return failed('needs the bench\'s own Neo4j (NEO4J_URI is set)');
  let child;
  try {
    child = await db.replaceStore((store) =>
      runTsChild<BulkChildOutput>(path.join(here, 'bulk-child.ts'), [dir, store.dataDir, String(store.port), String(store.heapMb), String(store.pageCacheMb)]),
    );
  } catch (err) {
    log(`load: the bulk load failed: ${(err as Error).message.slice(0, 500)}`);
    return failed((err as Error).message.slice(0, 2000));
  }
  const b = child.result.bulk;
  const jvmCpu = [b.importerJvm, b.databaseJvm].reduce<number | null>((sum, j) => (j?.cpuSeconds != null ? (sum ?? 0) + j.cpuSeconds : sum), null);
  return {
    name: 'bulk',
    rows: b.rows,
    wallMs: b.ms,
    rowsPerSec: b.rows / (b.ms / 1000),
    peakRssMb: b.maxRssMb,
    neo4jPeakRssMb: Math.max(b.importerJvm?.peakRssMb ?? 0, b.databaseJvm?.peakRssMb ?? 0) || null,
    clientCpuSeconds: child.cpuSeconds,
    neo4jCpuSeconds: jvmCpu,
    census: await graphCensus(db),
    bulk: {
      readValidateMs: b.readValidateMs,
      csvMs: b.steps.csvMs,
      importMs: b.steps.importMs,
      startMs: b.steps.startMs,
      schemaMs: b.schemaMs,
      listsMs: b.steps.listsMs,
      nodes: b.steps.nodes,
      relationships: b.steps.relationships,
      rowsPerSecImport: b.rows / (b.steps.importMs / 1000),
      importerJvm: b.importerJvm,
      databaseJvm: b.databaseJvm,
    },
    checksum: await checksumOf(db, log),
  };
}
