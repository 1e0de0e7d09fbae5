/**
 * loadDataset: validates a data set folder, then writes it into Neo4j. Constraints and indexes
 * first (created while the folder is read and validated); then sources, entities, relationships and funding flows in UNWIND batches, each batch
 * one write transaction (`executeWrite`, which retries transient errors), so that a failed or
 * interrupted load leaves whole batches only and a rerun converges to the same graph. Records
 * whose stored hash matches are left untouched: a second load changes nothing.
 *
 * Speed: when the database already holds records of a kind, each batch is first probed with
 * ids and hashes only, and full rows are sent for new or changed records alone; the next batch
 * is prepared while the database works on the current one.
 *
 * Curated records: a record edited or deleted through the curation API since it was loaded is
 * not overwritten (see curated.ts for how the change log tells). Each batch's new and changed
 * rows are checked against the change log inside the transaction that writes them; the ones in
 * conflict are left out and reported (`conflicts`), or, with `overwriteEdits`, written with a
 * Change that records the replaced version (`overwritten`).
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { readDataset } from '../read/read-dataset.ts';
import type { Location } from '../../domain/problems.ts';
import { findConflicts, recordOverwrites, storedStates, type Candidate, type Conflict } from './curated.ts';
import { validateDataset } from '../../domain/validate/validate-dataset.ts';
import { formatProblem, type Problem } from '../../domain/problems.ts';
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import { type Dataset } from '../../domain/records.ts';
import { knownIdsFor } from '../../store/known-ids.ts';
import { resetDatabase } from './reset.ts';
import { KEY_INDEXES, SERVING_SCHEMA, startSchema } from '../../store/schema.ts';
import { plan, storedCounts, type Row, type Step } from './steps.ts';
import { addCounts, zeroCounts, type Counts, type LoadSummary } from './summary.ts';

/** Progress after each batch. */
export interface LoadProgress {
  kind: RecordKind;
  /** Records done so far, over all kinds. */
  done: number;
  total: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

export interface LoadOptions {
  /** Database name; default 'neo4j'. Named on every call. */
  database?: string;
  /** Wipe the database (in batches) before loading. */
  reset?: boolean;
  /** Validate (and, with a driver, count what would change) without writing. */
  dryRun?: boolean;
  /** Rows per transaction; default 5,000. */
  batchSize?: number;
  /** Replace records curated through the API with the files' version (default: keep them and report). */
  overwriteEdits?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Receives the creation of the relationship key indexes (KEY_INDEXES) that were missing,
   * which then comes online after the load returns (the driver must stay open until it
   * settles). Without it the load waits for them. Records are written and readable either way;
   * only a reload's look-ups by key use these indexes.
   */
  keyIndexesInBackground?: (online: Promise<void>) => void;
}

export const DEFAULT_BATCH_SIZE = 5_000;

/** The data set has problems; nothing was written. */
export class InvalidDatasetError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the data set has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidDatasetError';
  }
}

/**
 * Validates `source` (a folder, or an already validated Dataset) and loads it into `database`.
 * Throws InvalidDatasetError, before writing anything, when the data set has problems.
 * References to ids that the folder does not define may point at records already in the
 * database. With `driver` null, only validates (a dry run without a database).
 */
export async function loadDataset(driver: Driver | null, source: string | Dataset, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = Date.now();
  const database = options.database ?? 'neo4j';
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const dryRun = options.dryRun ?? false;

  const phases = { readValidateMs: 0, schemaMs: 0, resetMs: 0, writeMs: 0 };
  let mark = Date.now();
  const lap = (): number => {
    const now = Date.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  // The constraints and indexes do not depend on the files: Neo4j creates them while Node reads
  // and validates (on a first start both are seconds of cold work), and populates the indexes
  // while the records are written. They are schema, not records: a data set refused below
  // still writes none of its records.
  const schema = driver && !dryRun ? startSchema(driver, database, SERVING_SCHEMA) : null;
  // Reading and validating block this thread: let the statements reach Neo4j first.
  await schema?.sent;
  let dataset: Dataset;
  let locations: Record<RecordKind, Location[]> | undefined;
  try {
    if (typeof source === 'string') {
      const raw = readDataset(source);
      const known = driver && !options.reset ? await knownIdsFor(driver, database, raw) : undefined;
      const result = validateDataset(raw, known ? { known } : {});
      if (!result.ok) throw new InvalidDatasetError(result.problems);
      dataset = result.dataset;
      // Only the locations are kept (for conflict reports), so the raw records can be freed.
      locations = Object.fromEntries(RECORD_KINDS.map((k) => [k, [] as Location[]])) as Record<RecordKind, Location[]>;
      for (const record of raw.records) locations[record.kind].push(record.loc);
    } else {
      dataset = source;
    }
  } catch (error) {
    // Not left running behind the caller's back (it may close the driver next).
    await schema?.committed.catch(() => undefined);
    throw error;
  }
  const locate = locator(dataset, locations);
  const conflicts: Conflict[] = [];
  const overwritten: Conflict[] = [];

  const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, zeroCounts()])) as Record<RecordKind, Counts>;
  const steps = plan(dataset);
  phases.readValidateMs = lap();
  const total = steps.reduce((n, s) => n + s.records.length, 0);
  let deleted: LoadSummary['deleted'];
  let done = 0;
  const progress = (kind: RecordKind) => {
    const elapsedMs = Date.now() - started;
    options.onProgress?.({ kind, done, total, elapsedMs, rowsPerSecond: (done * 1000) / Math.max(1, elapsedMs) });
  };

  if (!driver || (dryRun && options.reset)) {
    // Nothing to compare with: every record would be created.
    for (const step of steps) {
      counts[step.kind].created += step.records.length;
      done += step.records.length;
    }
    progress(steps[steps.length - 1]?.kind ?? 'sources');
  } else {
    if (schema) {
      await schema.committed;
      // Only the wait after validation: the schema was created alongside it.
      phases.schemaMs = lap();
      if (options.reset) {
        deleted = await resetDatabase(driver, database);
        phases.resetMs = lap();
      }
    }
    const session: Session = driver.session({ database, defaultAccessMode: dryRun ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      // Read once: ids are unique across the data set, so a kind empty before the load stays free of collisions.
      const stored = await storedCounts(session);
      // Without any Change nothing was curated, and a first load keeps its lean path. With
      // changes, every batch probes, so that only new and changed rows are checked.
      const curation: Curation | null = stored.changes > 0 ? { overwrite: options.overwriteEdits ?? false, locate } : null;
      for (const step of steps) {
        const probing = dryRun || stored[step.stored] > 0 || curation !== null;
        const build = (from: number): Row[] => step.records.slice(from, from + batchSize).map((r) => step.toRow(r as never));
        let next = build(0);
        for (let at = 0; at < step.records.length; at += batchSize) {
          const rows = next;
          const work = runBatch(session, step, rows, probing, dryRun, curation);
          // Prepare the next batch while the database works on this one.
          next = at + batchSize < step.records.length ? build(at + batchSize) : [];
          const result = await work;
          addCounts(counts[step.kind], result.counts);
          conflicts.push(...result.kept);
          overwritten.push(...result.overwritten);
          done += rows.length;
          progress(step.kind);
        }
      }
    } finally {
      await session.close();
    }
  }

  phases.writeMs = lap();
  if (schema && driver) {
    // Indexes populate while records are written; callers (a server about to start) need them online.
    await schema.online;
    // Missing key indexes come after the writes: a first load then populates them once instead
    // of maintaining them row by row, and does not wait for their creation before writing.
    const keys = startSchema(driver, database, KEY_INDEXES).online;
    if (options.keyIndexesInBackground) options.keyIndexesInBackground(keys);
    else await keys;
    phases.schemaMs += lap();
  }
  const totalCounts = zeroCounts();
  for (const kind of RECORD_KINDS) addCounts(totalCounts, counts[kind]);
  const elapsedMs = Date.now() - started;
  const summary: LoadSummary = {
    counts,
    total: totalCounts,
    rows: total,
    elapsedMs,
    rowsPerSecond: (total * 1000) / Math.max(1, elapsedMs),
    dryRun,
    phases,
  };
  if (deleted) summary.deleted = deleted;
  if (conflicts.length > 0) summary.conflicts = conflicts;
  if (overwritten.length > 0) summary.overwritten = overwritten;
  return summary;
}

/** What a batch needs to know about curation (null: the graph has no change log). */
interface Curation {
  overwrite: boolean;
  locate: (kind: RecordKind, key: string) => Location | undefined;
}

/** A batch's counts and the curated records it kept or replaced. */
interface BatchResult {
  counts: Counts;
  kept: Conflict[];
  overwritten: Conflict[];
}

/** Finds a record's place in the files by its id (relationships: key); built per kind on first use. */
function locator(dataset: Dataset, locations: Record<RecordKind, Location[]> | undefined): Curation['locate'] {
  const maps = new Map<RecordKind, Map<string, Location>>();
  return (kind, key) => {
    if (!locations) return undefined;
    let map = maps.get(kind);
    if (!map) {
      map = new Map();
      const records = dataset[kind] as readonly { id?: string; key?: string }[];
      const locs = locations[kind];
      // Validation keeps file order, one record per raw record; a mismatch would pair wrong rows.
      if (records.length === locs.length) records.forEach((r, i) => map!.set(String(kind === 'relationships' ? r.key : r.id), locs[i]!));
      maps.set(kind, map);
    }
    return map.get(key);
  };
}

/**
 * Writes one batch; returns its counts. Without probing (nothing of the kind stored yet) every
 * row is new. With probing, ids and hashes go first: new rows are inserted, changed rows are
 * upserted (in one transaction: the batch stays all-or-nothing), unchanged rows are not sent.
 */
async function runBatch(session: Session, step: Step, rows: Row[], probing: boolean, dryRun: boolean, curation: Curation | null): Promise<BatchResult> {
  const none: Conflict[] = [];
  if (!probing) {
    const counts = await session.executeWrite(async (tx: ManagedTransaction) => countsOf((await tx.run(step.insert, { rows })).records[0]));
    return { counts, kept: none, overwritten: none };
  }
  const probed = await session.executeRead((tx) => step.probe(tx, rows));
  const unchanged = rows.length - probed.created.length - probed.updated.length;
  if (probed.created.length + probed.updated.length === 0) {
    return { counts: { created: 0, updated: 0, unchanged }, kept: none, overwritten: none };
  }
  if (dryRun) {
    const conflicts = curation ? await session.executeRead((tx) => conflictsOf(tx, step, probed.created, probed.updated, curation)) : new Map<Row, Conflict>();
    const kept = curation?.overwrite ? none : [...conflicts.values()];
    const counted = (list: Row[]) => list.filter((r) => curation?.overwrite || !conflicts.has(r)).length;
    return { counts: { created: counted(probed.created), updated: counted(probed.updated), unchanged }, kept, overwritten: curation?.overwrite ? [...conflicts.values()] : none };
  }
  const result = await session.executeWrite(async (tx: ManagedTransaction): Promise<BatchResult> => {
    // Checked in the writing transaction, so that an edit made while the load ran is seen too.
    const conflicts = curation ? await conflictsOf(tx, step, probed.created, probed.updated, curation) : new Map<Row, Conflict>();
    const overwrite = curation?.overwrite ?? false;
    const keep = (list: Row[]) => (overwrite ? list : list.filter((r) => !conflicts.has(r)));
    const created = keep(probed.created);
    const updated = keep(probed.updated);
    const replacing = overwrite ? [...conflicts.keys()].map((row) => ({ key: step.identify(row).key, type: row.type })) : [];
    const before = await storedStates(tx, step.state, replacing);
    const counts = zeroCounts();
    // New rows first: a changed flow may now be part of a new one (and an updated flow keeps
    // the PART_OF edges that point at it).
    if (created.length > 0) addCounts(counts, countsOf((await tx.run(step.insert, { rows: created })).records[0]));
    for (const upsert of updated.length > 0 ? step.upsert(updated) : []) {
      addCounts(counts, countsOf((await tx.run(upsert.cypher, { rows: upsert.rows })).records[0]));
    }
    if (replacing.length > 0) {
      const after = await storedStates(tx, step.state, replacing);
      await recordOverwrites(tx, [...conflicts.values()].map((c) => ({ key: c.key, before: before.get(c.key) ?? null, after: after.get(c.key) ?? null, replaces: c.change })));
    }
    return { counts, kept: overwrite ? none : [...conflicts.values()], overwritten: overwrite ? [...conflicts.values()] : none };
  });
  return { ...result, counts: { ...result.counts, unchanged: result.counts.unchanged + unchanged } };
}

/** The conflicts among a batch's new and changed rows, by row. */
async function conflictsOf(tx: ManagedTransaction, step: Step, created: Row[], updated: Row[], curation: Curation): Promise<Map<Row, Conflict>> {
  const candidates: { row: Row; candidate: Candidate }[] = [
    ...created.map((row) => ({ row, candidate: { ...step.identify(row), action: 'create' as const } })),
    ...updated.map((row) => ({ row, candidate: { ...step.identify(row), action: 'update' as const } })),
  ];
  const found = await findConflicts(tx, step.kind, candidates.map((c) => c.candidate));
  const out = new Map<Row, Conflict>();
  for (const { row, candidate } of candidates) {
    const conflict = found.get(candidate.key);
    if (!conflict) continue;
    const loc = curation.locate(step.kind, candidate.key);
    out.set(row, loc ? { ...conflict, loc } : conflict);
  }
  return out;
}


function countsOf(record: { get(key: string): unknown }): Counts {
  return { created: Number(record.get('created')), updated: Number(record.get('updated')), unchanged: Number(record.get('unchanged')) };
}
