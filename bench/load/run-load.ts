/**
 * Loading benchmark: the import command (seed/loader loadDataset) beside the bare-driver ceiling
 * (bench/baselines/bare-load.ts) and the bulk first load (bulk-run.ts), each in its own process
 * on a freshly reset database. The bare load runs first, then the bulk load, then the loader; the
 * checksums of the bulk and the loader's graphs are compared, and the loader's graph is left in
 * place for the API benchmark. `--loads` chooses fewer (L's bare and transactional loads take
 * most of an hour on this machine).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchNeo4j } from '../lib/bench-neo4j.ts';
import { runTsChild } from '../lib/child.ts';
import type { BareLoadResult } from '../baselines/bare-load.ts';
import { bulkRun, checksumOf, type BulkDetail } from './bulk-run.ts';
import { censusDiff, graphCensus, type GraphCensus } from './graph-census.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the loader's time went. */
export interface LoaderPhases {
  readValidateMs: number;
  schemaMs: number;
  writeMs: number;
}

/** One load run as reported. */
export interface LoadRun {
  name: 'loader' | 'bare' | 'bulk';
  rows: number;
  wallMs: number;
  rowsPerSec: number;
  /** Bare only: the send phase alone (the database ceiling). */
  sendMs?: number;
  rowsPerSecSend?: number;
  parseMs?: number;
  peakRssMb: number | null;
  /** Peak RSS of the bench's Neo4j JVM during this run (bulk: the JVM the load started for its schema). */
  neo4jPeakRssMb?: number | null;
  /** CPU seconds of the loading process and of the Neo4j JVM during the load (own instance). */
  clientCpuSeconds: number | null;
  neo4jCpuSeconds: number | null;
  census: GraphCensus;
  /** Loader only: read + validate, schema, and write time (ms). */
  phases?: LoaderPhases | null;
  /** Bulk only: its steps and the importer's JVM. */
  bulk?: BulkDetail;
  /** Loader and bulk: the loader's checksum of the whole graph (seed/loader/checksum.ts). */
  checksum?: string | null;
  error?: string;
  detail?: unknown;
}

/** The loading section of the report. */
export interface LoadReport {
  dataset: string;
  rows: number;
  runs: LoadRun[];
  /** loader rows/s divided by the bare ceiling (send only, and end to end). */
  ratioToCeiling: number | null;
  ratioToBareEndToEnd: number | null;
  /** Label/type counts that differ between the two graphs (should be empty). */
  censusDiff: Record<string, [number, number]>;
  /** Bulk rows/s over the loader's, and whether both built the graph with the same checksum. */
  bulkSpeedup: number | null;
  bulkChecksumEqual: boolean | null;
  /** Label/type counts that differ between the bulk and the loader's graphs (should be empty). */
  bulkCensusDiff: Record<string, [number, number]>;
}

/** The load runs a bench can measure. */
export const LOAD_RUNS = ['bare', 'bulk', 'loader'] as const;
export type LoadRunName = (typeof LOAD_RUNS)[number];

/** The bare-driver ceiling on a fresh database. */
async function bareRun(db: BenchNeo4j, dir: string, rows: number, log: (line: string) => void): Promise<LoadRun> {
  log(`load: bare-driver baseline on a fresh database (${rows} rows)`);
  await db.reset();
  db.beginPhase();
  const cpu0 = db.cpuSeconds();
  const bare = await runTsChild<{ bareLoad: BareLoadResult }>(path.join(here, '../baselines/bare-load.ts'), [dir], db.env());
  const cpu1 = db.cpuSeconds();
  const b = bare.result.bareLoad;
  return {
    name: 'bare',
    rows: b.rows,
    wallMs: b.totalMs,
    rowsPerSec: b.rowsPerSecTotal,
    sendMs: b.sendMs,
    rowsPerSecSend: b.rowsPerSecSend,
    parseMs: b.parseMs,
    peakRssMb: b.maxRssMb,
    neo4jPeakRssMb: db.phasePeakRssMb(),
    clientCpuSeconds: bare.cpuSeconds,
    neo4jCpuSeconds: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
    census: await graphCensus(db),
    detail: b.perKind,
  };
}

/** The import command on a fresh database; on failure the bare load leaves a graph for the API. */
async function loaderRun(db: BenchNeo4j, dir: string, rows: number, log: (line: string) => void): Promise<LoadRun> {
  log('load: the import command (seed/loader loadDataset) on a fresh database');
  await db.reset();
  db.beginPhase();
  const cpu0 = db.cpuSeconds();
  try {
    const loader = await runTsChild<{ loader: { ms: number; phases: LoaderPhases | null; result: unknown; maxRssMb: number } }>(path.join(here, 'loader-child.ts'), [dir], db.env());
    const cpu1 = db.cpuSeconds();
    const l = loader.result.loader;
    return {
      name: 'loader',
      rows,
      wallMs: l.ms,
      rowsPerSec: rows / (l.ms / 1000),
      peakRssMb: l.maxRssMb,
      neo4jPeakRssMb: db.phasePeakRssMb(),
      clientCpuSeconds: loader.cpuSeconds,
      neo4jCpuSeconds: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
      census: await graphCensus(db),
      phases: l.phases,
      detail: l.result,
      checksum: await checksumOf(db, log),
    };
  } catch (err) {
    log(`load: the loader failed: ${(err as Error).message.slice(0, 500)}`);
    await db.reset();
    await runTsChild(path.join(here, '../baselines/bare-load.ts'), [dir], db.env());
    return {
      name: 'loader', rows, wallMs: Number.NaN, rowsPerSec: Number.NaN, peakRssMb: null, clientCpuSeconds: null,
      neo4jCpuSeconds: null, census: { nodes: {}, relationships: {} }, error: (err as Error).message.slice(0, 2000),
    };
  }
}

/**
 * Runs the chosen loads (default all three) in the order bare, bulk, loader; leaves the database
 * holding the last one's graph (the loader's when it runs).
 */
export async function benchLoad(db: BenchNeo4j, dir: string, rows: number, log: (line: string) => void, which: readonly LoadRunName[] = LOAD_RUNS): Promise<LoadReport> {
  const runs: LoadRun[] = [];
  if (which.includes('bare')) runs.push(await bareRun(db, dir, rows, log));
  if (which.includes('bulk')) {
    log('load: the bulk first load (neo4j-admin import through the launcher) on an emptied, stopped store');
    runs.push(await bulkRun(db, dir, rows, log));
  }
  if (which.includes('loader')) runs.push(await loaderRun(db, dir, rows, log));
  return compareRuns(dir, rows, runs);
}

/** The ratios and graph comparisons between the runs made (null where a partner did not run). */
function compareRuns(dir: string, rows: number, runs: LoadRun[]): LoadReport {
  const bare = runs.find((r) => r.name === 'bare' && !r.error);
  const loader = runs.find((r) => r.name === 'loader' && !r.error);
  const bulk = runs.find((r) => r.name === 'bulk' && !r.error);
  return {
    dataset: dir,
    rows,
    runs,
    ratioToCeiling: loader && bare?.rowsPerSecSend ? loader.rowsPerSec / bare.rowsPerSecSend : null,
    ratioToBareEndToEnd: loader && bare ? loader.rowsPerSec / bare.rowsPerSec : null,
    censusDiff: loader && bare ? censusDiff(bare.census, loader.census) : {},
    bulkSpeedup: loader && bulk ? bulk.rowsPerSec / loader.rowsPerSec : null,
    bulkChecksumEqual: loader && bulk?.checksum && loader.checksum ? bulk.checksum === loader.checksum : null,
    bulkCensusDiff: loader && bulk ? censusDiff(bulk.census, loader.census) : {},
  };
}
