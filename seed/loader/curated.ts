/**
 * Records curated through the API, as the loader sees them.
 *
 * Which records are curated is read from the change log (:Change nodes), not from a marker
 * property on the records: a delete leaves no record to mark, every curation already writes a
 * Change in the same transaction as the record (so the log cannot disagree with the graph), and a
 * marker would show up in the API's record properties, exports and graph checksums.
 *
 * The rule: a record is curated when the latest Change of its id (relationships: its key) is a
 * curation operation. When a load overwrites it (`--overwrite-edits`), the loader writes a Change
 * of its own (operation `reloadOverwrite`), which becomes the latest: the record belongs to the
 * files again, and the edit it replaced stays readable in the log. A curated record whose file
 * version equals the stored one is no conflict (nothing would change), but stays curated.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Location } from '../../domain/problems.ts';
import type { RecordKind } from '../../domain/kinds.ts';
import type { RelationshipType } from '../../domain/relationship-types.ts';
import { relationshipStates } from '../../store/write-statements.ts';

/** The operations of the curation API (server/repositories/curation.ts) that edit a record. */
export const CURATION_OPERATIONS = [
  'upsertActor',
  'upsertAuthority',
  'upsertRelationship',
  'upsertFunding',
  'deleteActor',
  'deleteAuthority',
  'deleteRelationship',
  'deleteFunding',
] as const;
const DELETES: readonly string[] = ['deleteActor', 'deleteAuthority', 'deleteFunding'];

/** The operation of the Change the loader writes when it replaces a curated record. */
export const OVERWRITE_OPERATION = 'reloadOverwrite';
/** Who that Change names. */
export const LOADER_NAME = 'loader (--overwrite-edits)';

/** The latest change of a record. */
export interface LastChange {
  operation: string;
  who: string;
  at: string;
}

/** A record of the files that would replace (or bring back) a curated one. */
export interface Conflict {
  kind: RecordKind;
  /** The record's id (relationships: their key). */
  key: string;
  /** Where the record is in the files (unknown when loading a Dataset rather than a folder). */
  loc?: Location;
  /** The curation behind the conflict: of the record itself, or of a record it needs. */
  change: LastChange;
  /** Set when the conflict comes from a record this one needs (a relationship's end, a flow's donor). */
  via?: string;
  /** What the load would have done: create the record again, or update it. */
  action: 'create' | 'update';
}

/** The latest change of each target, among the curation and overwrite operations. */
export async function lastChanges(tx: ManagedTransaction, targets: string[]): Promise<Map<string, LastChange>> {
  const out = new Map<string, LastChange>();
  if (targets.length === 0) return out;
  const res = await tx.run(
    `MATCH (c:Change) WHERE c.targetId IN $targets AND c.operation IN $operations
     WITH c ORDER BY c.at DESC, c.id DESC
     WITH c.targetId AS target, collect(c)[0] AS last
     RETURN target, last.operation AS operation, last.who AS who, last.at AS at`,
    { targets: [...new Set(targets)], operations: [...CURATION_OPERATIONS, OVERWRITE_OPERATION] },
  );
  for (const r of res.records) out.set(r.get('target') as string, { operation: r.get('operation') as string, who: r.get('who') as string, at: r.get('at') as string });
  return out;
}

const isCuration = (c: LastChange | undefined): c is LastChange => c !== undefined && c.operation !== OVERWRITE_OPERATION;
const isDelete = (c: LastChange | undefined): c is LastChange => c !== undefined && DELETES.includes(c.operation);

/** What the conflict check needs of a row: its key and the ids of the records it hangs on. */
export interface Candidate {
  key: string;
  /** Ids of records the row needs (relationship ends; a flow's donor, recipient, authority and wider flow). */
  needs: string[];
  action: 'create' | 'update';
}

/**
 * Of rows the load is about to create or update, which ones conflict with a curation: the record
 * itself was edited or deleted through the API, or it needs a record that was deleted through
 * the API (writing it would either fail silently or bring back half of what was deleted).
 */
export async function findConflicts(tx: ManagedTransaction, kind: RecordKind, candidates: Candidate[]): Promise<Map<string, Conflict>> {
  const conflicts = new Map<string, Conflict>();
  if (candidates.length === 0) return conflicts;
  const last = await lastChanges(tx, candidates.flatMap((c) => [c.key, ...c.needs]));
  if (last.size === 0) return conflicts;
  for (const c of candidates) {
    const own = last.get(c.key);
    if (isCuration(own)) {
      conflicts.set(c.key, { kind, key: c.key, change: own, action: c.action });
      continue;
    }
    const end = c.needs.find((id) => isDelete(last.get(id)));
    if (end !== undefined) conflicts.set(c.key, { kind, key: c.key, change: last.get(end)!, via: end, action: c.action });
  }
  return conflicts;
}

/** Plain JSON of stored properties (integers as numbers), without the loader's hash. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k !== 'hash') out[k] = plain(v);
    return out;
  }
  return value;
}

/** How to read the stored state of the records of one step (by id, or relationships by type and key). */
export type StateLookup = { label: 'Entity' | 'Funding' | 'Source' } | { relationships: true };

/** The stored state of records, as the curation log shows it (properties; entities with labels, relationships with type and ends). */
export async function storedStates(tx: ManagedTransaction, lookup: StateLookup, rows: { key: string; type?: string }[]): Promise<Map<string, unknown>> {
  if (rows.length === 0) return new Map();
  if ('relationships' in lookup) {
    // One statement per type: only a typed pattern finds a relationship through its key index.
    const keysByType = new Map<RelationshipType, string[]>();
    for (const row of rows) {
      const type = row.type as RelationshipType;
      keysByType.set(type, [...(keysByType.get(type) ?? []), row.key]);
    }
    const states = new Map<string, unknown>();
    for (const [type, keys] of keysByType) {
      for (const r of (await tx.run(relationshipStates(type), { keys })).records) states.set(r.get('key') as string, plain(r.get('state')));
    }
    return states;
  }
  const res = await tx.run(
    `UNWIND $keys AS key
     MATCH (n:${lookup.label} {id: key})
     RETURN key, n { .*, labels: labels(n) } AS state`,
    { keys: rows.map((r) => r.key) },
  );
  return new Map(res.records.map((r) => [r.get('key') as string, plain(r.get('state'))]));
}

/**
 * Writes the Change that says the loader replaced a curated record (in the transaction that
 * replaced it). Its time is never before the curation it replaces, even when this machine's clock
 * is behind the server's: the log is ordered by `at`, and an overwrite sorted before its edit
 * would leave the record counted as curated.
 */
export async function recordOverwrites(tx: ManagedTransaction, entries: { key: string; before: unknown; after: unknown; replaces: LastChange }[]): Promise<void> {
  if (entries.length === 0) return;
  const now = Date.now();
  const changes = entries.map((e) => ({
    id: randomUUID(),
    who: LOADER_NAME,
    at: new Date(Math.max(now, (Date.parse(e.replaces.at) || 0) + 1)).toISOString(),
    operation: OVERWRITE_OPERATION,
    targetId: e.key,
    before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
    after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
  }));
  await tx.run('UNWIND $changes AS change CREATE (c:Change) SET c = change', { changes });
}

/** Counts the change log, and names its latest curation (for --reset's refusal). */
export async function curationSummary(tx: ManagedTransaction): Promise<{ changes: number; latest: LastChange | null }> {
  const res = await tx.run(
    `CALL () { MATCH (c:Change) RETURN count(c) AS changes }
     CALL () { OPTIONAL MATCH (c:Change) WHERE c.operation IN $operations
               WITH c ORDER BY c.at DESC LIMIT 1
               RETURN c { .operation, .who, .at } AS latest }
     RETURN changes, latest`,
    { operations: [...CURATION_OPERATIONS] },
  );
  const r = res.records[0]!;
  return { changes: Number(r.get('changes')), latest: (r.get('latest') as LastChange | null) ?? null };
}
