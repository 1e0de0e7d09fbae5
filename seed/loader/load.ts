/**
 * loadDataset: validates a data set folder, then writes it into Neo4j. Constraints and indexes
 * first; then sources, entities, relationships and funding flows in UNWIND batches, each batch
 * one write transaction (`executeWrite`, which retries transient errors), so that a failed or
 * interrupted load leaves whole batches only and a rerun converges to the same graph. Records
 * whose stored hash matches are left untouched: a second load changes nothing.
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { readDataset, validateDataset } from '../model/dataset.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { ACTOR_KINDS, RELATIONSHIP_TYPES } from '../model/relationship-types.ts';
import { RECORD_KINDS, type Dataset, type RecordKind } from '../model/types.ts';
import { knownIdsFor } from './known-ids.ts';
import { ENTITY_DIFF, FUNDING_DIFF, FUNDING_UPSERT, SOURCE_DIFF, SOURCE_UPSERT, entityUpsert, relationshipDiff, relationshipUpsert } from './queries.ts';
import { resetDatabase } from './reset.ts';
import { actorRow, authorityRow, eventRow, fundingRow, parentsFirst, relationshipRow, sourceRow } from './rows.ts';
import { ensureSchema } from './schema.ts';
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
  /** Rows per transaction; default 2,000. */
  batchSize?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 2_000;

/** The data set has problems; nothing was written. */
export class InvalidDatasetError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the data set has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidDatasetError';
  }
}

/** One step of the load: a query and its rows. */
interface Step {
  kind: RecordKind;
  query: string;
  diff: string;
  rows: unknown[];
}

function plan(dataset: Dataset): Step[] {
  const steps: Step[] = [];
  steps.push({ kind: 'sources', query: SOURCE_UPSERT, diff: SOURCE_DIFF, rows: dataset.sources.map(sourceRow) });
  for (const kind of ACTOR_KINDS) {
    const rows = dataset.actors.filter((a) => a.kind === kind).map(actorRow);
    if (rows.length) steps.push({ kind: 'actors', query: entityUpsert(kind), diff: ENTITY_DIFF, rows });
  }
  steps.push({ kind: 'authorities', query: entityUpsert('Authority'), diff: ENTITY_DIFF, rows: dataset.authorities.map(authorityRow) });
  steps.push({ kind: 'events', query: entityUpsert('Event'), diff: ENTITY_DIFF, rows: dataset.events.map(eventRow) });
  for (const type of RELATIONSHIP_TYPES) {
    const rows = dataset.relationships.filter((r) => r.type === type).map(relationshipRow);
    if (rows.length) steps.push({ kind: 'relationships', query: relationshipUpsert(type), diff: relationshipDiff(type), rows });
  }
  steps.push({ kind: 'funding', query: FUNDING_UPSERT, diff: FUNDING_DIFF, rows: parentsFirst(dataset.funding).map(fundingRow) });
  return steps.filter((s) => s.rows.length > 0);
}

function countsOf(record: { get(key: string): unknown }): Counts {
  return { created: Number(record.get('created')), updated: Number(record.get('updated')), unchanged: Number(record.get('unchanged')) };
}

/**
 * Validates `source` (a folder, or an already validated Dataset) and loads it into `database`.
 * Throws InvalidDatasetError, before writing anything, when the data set has problems.
 * References to ids that the folder does not define may point at records already in the database.
 */
export async function loadDataset(driver: Driver | null, source: string | Dataset, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = Date.now();
  const database = options.database ?? 'neo4j';
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const dryRun = options.dryRun ?? false;

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
  const total = steps.reduce((n, s) => n + s.rows.length, 0);
  let deleted: LoadSummary['deleted'];
  let done = 0;

  if (driver && !dryRun) {
    await ensureSchema(driver, database);
    if (options.reset) deleted = await resetDatabase(driver, database);
  }
  if (driver) {
    const session: Session = driver.session({ database, defaultAccessMode: dryRun ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      for (const step of steps) {
        for (let i = 0; i < step.rows.length; i += batchSize) {
          const rows = step.rows.slice(i, i + batchSize);
          const query = dryRun ? step.diff : step.query;
          const run = (tx: { run: Session['run'] }) => tx.run(query, { rows });
          const result = dryRun ? await session.executeRead(run) : await session.executeWrite(run);
          addCounts(counts[step.kind], countsOf(result.records[0]));
          done += rows.length;
          const elapsedMs = Date.now() - started;
          options.onProgress?.({ kind: step.kind, done, total, elapsedMs, rowsPerSecond: (done * 1000) / Math.max(1, elapsedMs) });
        }
      }
    } finally {
      await session.close();
    }
  } else {
    // No database: a dry run that only validates; every record counts as to be created.
    for (const step of steps) counts[step.kind].created += step.rows.length;
    done = total;
  }
  if (options.reset && dryRun) {
    for (const kind of RECORD_KINDS) counts[kind] = { created: counts[kind].created + counts[kind].updated + counts[kind].unchanged, updated: 0, unchanged: 0 };
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
  };
  if (deleted) summary.deleted = deleted;
  return summary;
}
