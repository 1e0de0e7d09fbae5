/**
 * bulkLoad: a first load through Neo4j's offline importer. The rows of a validated data set (and
 * a change log) become CSV files (write-csv.ts), the importer builds the store from them while
 * the database is stopped, then the database is opened and the constraints, indexes and empty
 * lists are added (finish.ts). Only for an empty database on this machine: the importer replaces
 * the whole store. The caller provides how to run the importer and how to open the database
 * (the embedded launcher, neo4j/), so this room does not depend on how Neo4j is run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import type { Dataset } from '../../domain/records.ts';
import type { ChangeProps } from '../export/change-log.ts';
import type { LoadSummary, Counts } from '../loader/summary.ts';
import { finishBulkLoad } from './finish.ts';
import { writeBulkFiles } from './write-csv.ts';

export interface BulkHooks {
  /** Runs the offline import of the CSV folder into the stopped database. */
  importCsv(dir: string): Promise<void>;
  /** Opens the database once the import is done. */
  connect(): Promise<{ driver: Driver; close(): Promise<void> }>;
}

export interface BulkOptions {
  database?: string;
  log?: (line: string) => void;
  /** Where the CSV files go (removed afterwards); default a temp folder. */
  workDir?: string;
}

/** What a bulk load did: the loader's summary, plus the importer's phases. */
export interface BulkSummary extends LoadSummary {
  bulk: { nodes: number; relationships: number; changes: number; csvMs: number; importMs: number; startMs: number; listsMs: number };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Loads `dataset` (validated, with no reference outside itself) into the empty, stopped database. */
export async function bulkLoad(dataset: Dataset, changes: readonly ChangeProps[], hooks: BulkHooks, options: BulkOptions = {}): Promise<BulkSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const database = options.database ?? 'neo4j';
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'aidgraph-bulk-'));
  try {
    log(`bulk: writing the import files into ${work}`);
    const files = await writeBulkFiles(dataset, changes, work);
    const csvMs = Date.now() - started;
    log(`bulk: ${files.nodes.toLocaleString('en-US')} nodes and ${files.relationships.toLocaleString('en-US')} relationships written in ${secs(csvMs)}; running neo4j-admin database import full`);
    let mark = Date.now();
    await hooks.importCsv(work);
    const importMs = Date.now() - mark;
    log(`bulk: import done in ${secs(importMs)}; starting the database for the constraints and indexes`);
    mark = Date.now();
    const db = await hooks.connect();
    const startMs = Date.now() - mark;
    let finished: { schemaMs: number; listsMs: number };
    try {
      finished = await finishBulkLoad(db.driver, database, files.emptyLists);
    } finally {
      await db.close();
    }
    const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, { created: dataset[k].length, updated: 0, unchanged: 0 }])) as Record<RecordKind, Counts>;
    const rows = RECORD_KINDS.reduce((n, k) => n + dataset[k].length, 0);
    const elapsedMs = Date.now() - started;
    return {
      counts,
      total: { created: rows, updated: 0, unchanged: 0 },
      rows,
      elapsedMs,
      rowsPerSecond: (rows * 1000) / Math.max(1, elapsedMs),
      dryRun: false,
      phases: { readValidateMs: 0, schemaMs: finished.schemaMs, resetMs: 0, writeMs: csvMs + importMs + startMs + finished.listsMs },
      bulk: { nodes: files.nodes, relationships: files.relationships, changes: changes.length, csvMs, importMs, startMs, listsMs: finished.listsMs },
    };
  } finally {
    if (!options.workDir) rmSync(work, { recursive: true, force: true });
  }
}

/** One line on the bulk phases, for the command's output. */
export function formatBulk(s: BulkSummary): string {
  const b = s.bulk;
  return `bulk import: ${b.nodes.toLocaleString('en-US')} nodes, ${b.relationships.toLocaleString('en-US')} relationships${b.changes > 0 ? ` (${b.changes} changes of the curation log)` : ''}; CSV ${secs(b.csvMs)}, neo4j-admin import ${secs(b.importMs)}, database start ${secs(b.startMs)}, schema ${secs(s.phases.schemaMs)}, empty lists ${secs(b.listsMs)}`;
}
