/**
 * loadDataset: validates a data set folder, then writes it into Neo4j. Constraints and indexes
 * first; then sources, entities, relationships and funding flows in UNWIND batches, each batch
 * one write transaction (`executeWrite`, which retries transient errors), so that a failed or
 * interrupted load leaves whole batches only and a rerun converges to the same graph. Records
 * whose stored hash matches are left untouched: a second load changes nothing.
 *
 * Speed: when the database already holds records of a kind, each batch is first probed with
 * ids and hashes only, and full rows are sent for new or changed records alone; the next batch
 * is prepared while the database works on the current one.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { readDataset } from '../read/read-dataset.ts';
import { validateDataset } from '../../domain/validate/validate-dataset.ts';
import { formatProblem, type Problem } from '../../domain/problems.ts';
import { ACTOR_KINDS } from '../../domain/kinds.ts';
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { RECORD_KINDS, type RecordKind } from '../../domain/kinds.ts';
import { type Dataset } from '../../domain/records.ts';
import { knownIdsFor } from '../../store/known-ids.ts';
import {
  FUNDING_INSERT,
  FUNDING_UPSERT,
  SOURCE_INSERT,
  SOURCE_UPSERT,
  entityInsert,
  entityUpsert,
  nodeCount,
  nodeProbe,
  relationshipCount,
  relationshipInsert,
  relationshipProbe,
  relationshipUpsert,
  type ProbeLabel,
} from '../../store/write-statements.ts';
import { resetDatabase } from './reset.ts';
import { actorRow, authorityRow, eventRow, fundingRow, parentsFirst, relationshipRow, sourceRow, type Props } from '../../store/rows.ts';
import { ensureSchema } from '../../store/schema.ts';
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
  onProgress?: (progress: LoadProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 5_000;

/** The data set has problems; nothing was written. */
export class InvalidDatasetError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the data set has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidDatasetError';
  }
}

/** A row as sent: properties, plus the ends for relationships. */
type Row = { props: Props; from?: string; to?: string };

/** One step of the load: records of one kind (and label group or type) and their queries. */
interface Step {
  kind: RecordKind;
  records: readonly unknown[];
  toRow: (record: never) => Row;
  /** For rows known to be new. */
  insert: string;
  /** For rows that may exist: compares hashes, rewrites what changed. */
  upsert: string;
  probe: string;
  /** Counts what is stored already (a probe is pointless when it is 0). */
  count: string;
}

function plan(dataset: Dataset): Step[] {
  const steps: Step[] = [];
  const node = (kind: RecordKind, label: ProbeLabel, records: readonly unknown[], toRow: Step['toRow'], insert: string, upsert: string) =>
    steps.push({ kind, records, toRow, insert, upsert, probe: nodeProbe(label), count: nodeCount(label) });
  node('sources', 'Source', dataset.sources, sourceRow, SOURCE_INSERT, SOURCE_UPSERT);
  for (const kind of ACTOR_KINDS) {
    node('actors', 'Entity', dataset.actors.filter((a) => a.kind === kind), actorRow, entityInsert(kind), entityUpsert(kind));
  }
  node('authorities', 'Entity', dataset.authorities, authorityRow, entityInsert('Authority'), entityUpsert('Authority'));
  node('events', 'Entity', dataset.events, eventRow, entityInsert('Event'), entityUpsert('Event'));
  for (const type of RELATIONSHIP_TYPES) {
    steps.push({
      kind: 'relationships',
      records: dataset.relationships.filter((r) => r.type === type),
      toRow: relationshipRow,
      insert: relationshipInsert(type),
      upsert: relationshipUpsert(type),
      probe: relationshipProbe(type),
      count: relationshipCount(type),
    });
  }
  node('funding', 'Funding', parentsFirst(dataset.funding), fundingRow, FUNDING_INSERT, FUNDING_UPSERT);
  return steps.filter((s) => s.records.length > 0);
}

/** The probe's view of a row: its position, identity and hash. */
function probeRow(row: Row, i: number): { i: number; id?: unknown; key?: unknown; hash: unknown } {
  return row.props.key !== undefined ? { i, key: row.props.key, hash: row.props.hash } : { i, id: row.props.id, hash: row.props.hash };
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
  let dataset: Dataset;
  if (typeof source === 'string') {
    const raw = readDataset(source);
    const known = driver && !options.reset ? await knownIdsFor(driver, database, raw) : undefined;
    const result = validateDataset(raw, known ? { known } : {});
    if (!result.ok) throw new InvalidDatasetError(result.problems);
    dataset = result.dataset;
  } else {
    dataset = source;
  }

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
    if (!dryRun) {
      await ensureSchema(driver, database);
      phases.schemaMs = lap();
      if (options.reset) {
        deleted = await resetDatabase(driver, database);
        phases.resetMs = lap();
      }
    }
    const session: Session = driver.session({ database, defaultAccessMode: dryRun ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      for (const step of steps) {
        const stored = await session.executeRead(async (tx) => Number((await tx.run(step.count)).records[0].get('n')));
        const probing = dryRun || stored > 0;
        const build = (from: number): Row[] => step.records.slice(from, from + batchSize).map((r) => step.toRow(r as never));
        let next = build(0);
        for (let at = 0; at < step.records.length; at += batchSize) {
          const rows = next;
          const work = runBatch(session, step, rows, probing, dryRun);
          // Prepare the next batch while the database works on this one.
          next = at + batchSize < step.records.length ? build(at + batchSize) : [];
          addCounts(counts[step.kind], await work);
          done += rows.length;
          progress(step.kind);
        }
      }
    } finally {
      await session.close();
    }
  }

  phases.writeMs = lap();
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
  return summary;
}

/**
 * Writes one batch; returns its counts. Without probing (nothing of the kind stored yet) every
 * row is new. With probing, ids and hashes go first: new rows are inserted, changed rows are
 * upserted (in one transaction: the batch stays all-or-nothing), unchanged rows are not sent.
 */
async function runBatch(session: Session, step: Step, rows: Row[], probing: boolean, dryRun: boolean): Promise<Counts> {
  if (!probing) {
    return session.executeWrite(async (tx: ManagedTransaction) => countsOf((await tx.run(step.insert, { rows })).records[0]));
  }
  const result = await session.executeRead((tx) => tx.run(step.probe, { rows: rows.map(probeRow) }));
  const created = (result.records[0].get('created') as number[]).map((i) => rows[i]);
  const updated = (result.records[0].get('updated') as number[]).map((i) => rows[i]);
  const unchanged = rows.length - created.length - updated.length;
  if (dryRun || created.length + updated.length === 0) return { created: created.length, updated: updated.length, unchanged };
  const written = await session.executeWrite(async (tx: ManagedTransaction) => {
    const counts = zeroCounts();
    // New rows first: a changed flow may now be part of a new one (and an updated flow keeps
    // the PART_OF edges that point at it).
    if (created.length > 0) addCounts(counts, countsOf((await tx.run(step.insert, { rows: created })).records[0]));
    if (updated.length > 0) addCounts(counts, countsOf((await tx.run(step.upsert, { rows: updated })).records[0]));
    return counts;
  });
  return { ...written, unchanged: written.unchanged + unchanged };
}

function countsOf(record: { get(key: string): unknown }): Counts {
  return { created: Number(record.get('created')), updated: Number(record.get('updated')), unchanged: Number(record.get('unchanged')) };
}
