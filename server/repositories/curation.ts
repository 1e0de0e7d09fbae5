/**
 * Curation writes. Each mutation is one write transaction that validates the record exactly as
 * the loader does (domain/: the same zod schemas and cross-checks, with referenced ids looked
 * up in the graph), writes it with the loader's own statements (store/write-statements.ts), and
 * records a :Change (who, when, before, after) in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { validateDataset, formatProblem, derivedRelationshipKey } from '../../domain/index.ts';
import type { KnownKind } from '../../domain/validate/cross-checks.ts';
import type { RawRecord, ActorRecord, AuthorityRecord, FundingRecord, RelationshipRecord } from '../../domain/records.ts';
import type { RecordKind } from '../../domain/kinds.ts';
import { KNOWN_IDS_LOOKUP, knownKinds, undefinedReferences } from '../../store/known-ids.ts';
import { ENTITY_UPSERT, relationshipStates, relationshipUpsert, FUNDING_UPSERT } from '../../store/write-statements.ts';
import { actorRow, authorityRow, fundingRow, relationshipRow } from '../../store/rows.ts';
import { isRelationshipType, type RelationshipType } from '../../domain/relationship-types.ts';
import type { ChangeRow } from './changes.ts';

/** A refused change: the caller's input is wrong (shown as BAD_USER_INPUT). */
export class CurationInputError extends Error {}
/** The target of a delete does not exist (NOT_FOUND). */
export class CurationNotFoundError extends Error {}

async function knownIds(tx: ManagedTransaction, ids: string[]): Promise<Map<string, KnownKind>> {
  if (ids.length === 0) return new Map();
  const res = await tx.run(KNOWN_IDS_LOOKUP, { ids });
  return knownKinds(res.records);
}

/** Citations without a source get the graph's default source, as the loader's default does. */
async function withDefaultSource(tx: ManagedTransaction, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const cite = fields.cite as Record<string, unknown>[] | undefined;
  if (!cite?.some((c) => c.source === undefined || c.source === null)) return fields;
  const res = await tx.run('MATCH (s:Source) WHERE s.isDefault = true RETURN s.id AS id ORDER BY s.id LIMIT 1');
  const def = res.records[0]?.get('id') as string | undefined;
  if (!def) throw new CurationInputError('cite: a citation without "source" needs a default source in the graph, and there is none');
  return { ...fields, cite: cite.map((c) => (c.source === undefined || c.source === null ? { ...c, source: def } : c)) };
}

/** Validates one record as the loader would, against the ids already in the graph. */
async function validateOne<T>(tx: ManagedTransaction, kind: RecordKind, fields: Record<string, unknown>): Promise<T> {
  const clean = Object.fromEntries(Object.entries(await withDefaultSource(tx, fields)).filter(([, v]) => v !== null && v !== undefined));
  const raw: RawRecord = { kind, loc: { file: 'input' }, fields: clean, format: 'yaml' };
  const ids = undefinedReferences({ dir: '.', records: [raw], problems: [], unreadableKinds: [] });
  const known = await knownIds(tx, ids);
  const result = validateDataset({ dir: '.', records: [raw], problems: [], unreadableKinds: [] }, { known });
  if (!result.ok) throw new CurationInputError(result.problems.map((p) => formatProblem(p).replace(/^input(:\d+)?\s*/, '')).join('; '));
  const list = result.dataset[kind] as unknown as T[];
  if (list.length !== 1) throw new CurationInputError('the record did not validate');
  return list[0]!;
}

const strip = (props: Record<string, unknown> | null): Record<string, unknown> | null => {
  if (!props) return null;
  const { hash: _hash, ...rest } = props;
  return rest;
};

async function record(tx: ManagedTransaction, who: string, operation: string, targetId: string, before: unknown, after: unknown): Promise<ChangeRow> {
  const change: ChangeRow = {
    id: randomUUID(),
    who,
    at: new Date().toISOString(),
    operation,
    targetId,
    before: before === null || before === undefined ? null : JSON.stringify(before),
    after: after === null || after === undefined ? null : JSON.stringify(after),
  };
  await tx.run('CREATE (c:Change) SET c = $change', { change });
  return change;
}

async function entityState(tx: ManagedTransaction, id: string): Promise<Record<string, unknown> | null> {
  const res = await tx.run('MATCH (n:Entity {id: $id}) RETURN n { .*, labels: labels(n) } AS n', { id });
  return strip((res.records[0]?.get('n') as Record<string, unknown> | undefined) ?? null);
}

async function fundingState(tx: ManagedTransaction, id: string): Promise<Record<string, unknown> | null> {
  const res = await tx.run('MATCH (f:Funding {id: $id}) RETURN f { .* } AS f', { id });
  return strip((res.records[0]?.get('f') as Record<string, unknown> | undefined) ?? null);
}

async function relationshipState(tx: ManagedTransaction, type: RelationshipType, key: string): Promise<Record<string, unknown> | null> {
  const res = await tx.run(relationshipStates(type), { keys: [key] });
  return strip((res.records[0]?.get('state') as Record<string, unknown> | undefined) ?? null);
}

/**
 * Serialises concurrent mutations of the same records: each transaction first MERGEs one
 * :CurationLock per record (unique key, so a second transaction waits on the first until it
 * commits) and deletes them before it commits, so nothing stays in the graph. Keys are taken in
 * sorted order to avoid deadlocks; reads of the "before" state come after the locks.
 */
async function lockRecords(tx: ManagedTransaction, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  for (const key of sorted) await tx.run('MERGE (l:CurationLock {key: $key}) SET l.at = timestamp()', { key });
}

/** Releases the lock nodes (the locks themselves are held until the transaction ends). */
async function unlockRecords(tx: ManagedTransaction, keys: string[]): Promise<void> {
  await tx.run('MATCH (l:CurationLock) WHERE l.key IN $keys DELETE l', { keys: [...new Set(keys)] });
}

/** Runs `work` with the records' locks held, in the caller's transaction. */
async function locked<T>(tx: ManagedTransaction, keys: string[], work: () => Promise<T>): Promise<T> {
  await lockRecords(tx, keys);
  const result = await work();
  await unlockRecords(tx, keys);
  return result;
}

/** A raw input field as a lock key part (validation comes after the lock). */
const text = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const year = (value: unknown): number | null => (typeof value === 'number' ? value : null);

const entityKey = (id: unknown) => `entity:${text(id)}`;
const fundingKey = (id: unknown) => `funding:${text(id)}`;
const relationshipLockKey = (type: unknown, from: unknown, to: unknown, start: unknown) =>
  `rel:${derivedRelationshipKey(text(type), text(from), text(to), year(start))}`;

/** Input of an actor or authority upsert, in the data files' field names. */
export type EntityFields = Record<string, unknown> & { id: string };

/** Creates or updates an actor. */
export function upsertActor(db: Database, who: string, fields: EntityFields): Promise<ChangeRow> {
  return db.executeWrite(async (tx) => {
    return locked(tx, [entityKey(fields.id)], async () => {
      const rec = await validateOne<ActorRecord>(tx, 'actors', fields);
      const existing = await entityState(tx, rec.id);
      if (existing && !(existing.labels as string[]).includes('Actor')) throw new CurationInputError(`id '${rec.id}' is already used by a record that is not an actor`);
      await tx.run(ENTITY_UPSERT, { rows: [actorRow(rec)] });
      return record(tx, who, 'upsertActor', rec.id, existing, await entityState(tx, rec.id));
    });
  });
}

/** Creates or updates an authority. */
export function upsertAuthority(db: Database, who: string, fields: EntityFields): Promise<ChangeRow> {
  return db.executeWrite(async (tx) => {
    return locked(tx, [entityKey(fields.id)], async () => {
      const rec = await validateOne<AuthorityRecord>(tx, 'authorities', fields);
      const existing = await entityState(tx, rec.id);
      if (existing && !(existing.labels as string[]).includes('Authority')) throw new CurationInputError(`id '${rec.id}' is already used by a record that is not an authority`);
      await tx.run(ENTITY_UPSERT, { rows: [authorityRow(rec)] });
      return record(tx, who, 'upsertAuthority', rec.id, existing, await entityState(tx, rec.id));
    });
  });
}

/** Creates or updates a relationship (found by its derived key TYPE:from:to:start). */
export function upsertRelationship(db: Database, who: string, fields: Record<string, unknown>): Promise<ChangeRow> {
  return db.executeWrite(async (tx) => {
    // The endpoints are locked too, so neither can be deleted while the edge is written.
    return locked(tx, [relationshipLockKey(fields.type, fields.from, fields.to, fields.start), entityKey(fields.from), entityKey(fields.to)], async () => {
      const rec = await validateOne<RelationshipRecord>(tx, 'relationships', fields);
      if (!isRelationshipType(rec.type)) throw new CurationInputError(`type: '${rec.type}' is not an allowed relationship type`);
      const before = await relationshipState(tx, rec.type, rec.key);
      await tx.run(relationshipUpsert(rec.type), { rows: [relationshipRow(rec)] });
      return record(tx, who, 'upsertRelationship', rec.key, before, await relationshipState(tx, rec.type, rec.key));
    });
  });
}

/** Creates or updates a funding flow with its PROVIDED, TO, UNDER and PART_OF edges. */
export function upsertFunding(db: Database, who: string, fields: Record<string, unknown>): Promise<ChangeRow> {
  return db.executeWrite(async (tx) => {
    // The flow, its donor and recipient, and the wider flow are locked before validation reads
    // them: a donor cannot vanish mid-write, and two opposite PART_OF links cannot both pass.
    const keys = [fundingKey(fields.id), entityKey(fields.donor), entityKey(fields.recipient), ...(fields.partOf ? [fundingKey(fields.partOf)] : [])];
    return locked(tx, keys, async () => {
      const rec = await validateOne<FundingRecord>(tx, 'funding', fields);
      if (rec.partOf === rec.id) throw new CurationInputError('partOf: a flow cannot be part of itself');
      if (rec.partOf) {
        // The wider flow must not already be (a part of a part of ...) this flow.
        const res = await tx.run('MATCH (w:Funding {id: $wider}) RETURN EXISTS { (w)-[:PART_OF*1..50]->(:Funding {id: $id}) } AS cycle', { wider: rec.partOf, id: rec.id });
        if (res.records[0]?.get('cycle') === true) throw new CurationInputError(`partOf: '${rec.partOf}' is already part of '${rec.id}' (a cycle)`);
      }
      const before = await fundingState(tx, rec.id);
      await tx.run(FUNDING_UPSERT, { rows: [fundingRow(rec)] });
      return record(tx, who, 'upsertFunding', rec.id, before, await fundingState(tx, rec.id));
    });
  });
}

/** Deletes an actor or authority (refused while flows or actors still refer to it). */
export function deleteEntity(db: Database, who: string, label: 'Actor' | 'Authority', id: string): Promise<ChangeRow> {
  return db.executeWrite((tx) => locked(tx, [entityKey(id)], async () => {
    const before = await entityState(tx, id);
    if (!before || !(before.labels as string[]).includes(label)) throw new CurationNotFoundError(`No ${label === 'Actor' ? 'actor' : 'authority'} with id "${id}"`);
    const refs = await tx.run(
      `RETURN COUNT { MATCH (f:Funding) WHERE f.donorId = $id OR f.recipientId = $id OR f.authorityId = $id } AS flows,
              COUNT { MATCH (a:Actor) WHERE a.country = $id } AS members`,
      { id },
    );
    const flows = neo4j.integer.toNumber(refs.records[0]?.get('flows') ?? 0);
    const members = neo4j.integer.toNumber(refs.records[0]?.get('members') ?? 0);
    if (flows > 0) throw new CurationInputError(`id: ${flows} funding flow(s) refer to '${id}'; delete or change them first`);
    if (members > 0) throw new CurationInputError(`id: ${members} actor(s) have '${id}' as their country; change them first`);
    const rels = await tx.run(
      'MATCH (n:Entity {id: $id})-[r]-(o) RETURN collect(r { .*, type: type(r), from: startNode(r).id, to: endNode(r).id }) AS rels',
      { id },
    );
    const relationships = ((rels.records[0]?.get('rels') as Record<string, unknown>[]) ?? []).map((r) => strip(r));
    await tx.run('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
    return record(tx, who, label === 'Actor' ? 'deleteActor' : 'deleteAuthority', id, { ...before, relationships }, null);
  }));
}

/** Deletes the relationships of a type between two records with a start year (null = none). */
export function deleteRelationship(db: Database, who: string, type: string, from: string, to: string, start: number | null): Promise<ChangeRow> {
  if (!isRelationshipType(type)) return Promise.reject(new CurationInputError(`type: '${type}' is not an allowed relationship type`));
  return db.executeWrite((tx) => locked(tx, [relationshipLockKey(type, from, to, start), entityKey(from), entityKey(to)], async () => {
    const res = await tx.run(
      `MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
       WHERE type(r) = $type AND (r.start = $start OR ($start IS NULL AND r.start IS NULL))
       WITH r, r { .*, type: type(r), from: a.id, to: b.id } AS state
       DELETE r
       RETURN collect(state) AS deleted`,
      { from, to, type, start: start === null ? null : neo4j.int(start) },
    );
    const deleted = ((res.records[0]?.get('deleted') as Record<string, unknown>[]) ?? []).map((r) => strip(r));
    if (deleted.length === 0) throw new CurationNotFoundError(`No ${type} relationship from "${from}" to "${to}" with start ${start ?? '(none)'}`);
    const key = deleted.length === 1 ? String(deleted[0]!.key) : derivedRelationshipKey(type, from, to, start);
    return record(tx, who, 'deleteRelationship', key, deleted.length === 1 ? deleted[0] : deleted, null);
  }));
}

/** Deletes a funding flow (refused while other flows are parts of it). */
export function deleteFunding(db: Database, who: string, id: string): Promise<ChangeRow> {
  return db.executeWrite((tx) => locked(tx, [fundingKey(id)], async () => {
    const before = await fundingState(tx, id);
    if (!before) throw new CurationNotFoundError(`No funding flow with id "${id}"`);
    const parts = await tx.run('MATCH (p:Funding)-[:PART_OF]->(:Funding {id: $id}) RETURN collect(p.id) AS ids', { id });
    const ids = (parts.records[0]?.get('ids') as string[]) ?? [];
    if (ids.length > 0) throw new CurationInputError(`id: flows ${ids.join(', ')} are parts of '${id}'; delete or change them first`);
    await tx.run('MATCH (f:Funding {id: $id}) DETACH DELETE f', { id });
    return record(tx, who, 'deleteFunding', id, before, null);
  }));
}
