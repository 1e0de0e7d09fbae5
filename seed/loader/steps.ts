/**
 * The load plan: one step per record kind with the statements that write it, and how a batch is
 * probed for what is new or changed. Insert statements serve every label and type at once
 * (dynamic labels and types), so a first load into a cold database plans a handful of statements.
 */
import type { ManagedTransaction, Session } from 'neo4j-driver';
import type { RecordKind } from '../../domain/kinds.ts';
import type { RelationshipType } from '../../domain/relationship-types.ts';
import type { Dataset } from '../../domain/records.ts';
import {
  ENTITY_INSERT,
  ENTITY_UPSERT,
  FUNDING_INSERT,
  FUNDING_UPSERT,
  RELATIONSHIP_ENDS_PROBE,
  RELATIONSHIP_INSERT,
  SOURCE_INSERT,
  SOURCE_UPSERT,
  STORED_COUNTS,
  nodeProbe,
  relationshipProbe,
  relationshipUpsert,
  type ProbeLabel,
} from '../../store/write-statements.ts';
import { actorRow, authorityRow, eventRow, fundingRow, parentsFirst, relationshipRow, sourceRow, type Props } from '../../store/rows.ts';
import type { StateLookup } from './curated.ts';

/** A row as sent: properties, plus kind labels for entities, type and ends for relationships. */
export type Row = { props: Props; labels?: string[]; type?: RelationshipType; from?: string; to?: string };

/** What the database holds already (see STORED_COUNTS); `changes` counts the change log. */
export type Stored = Record<'entities' | 'sources' | 'funding' | 'relationships' | 'changes', number>;

/** One statement of a batch, with the rows it takes. */
export interface Batch {
  cypher: string;
  rows: unknown[];
}

/**
 * One step of the load: the records of one kind and their statements. Insert statements serve
 * every label and type at once (dynamic labels and types), so that a first load into a cold
 * database plans a handful of statements; probes and upserts of relationships go per type,
 * because only a typed pattern finds a relationship by its indexed key.
 */
export interface Step {
  kind: RecordKind;
  records: readonly unknown[];
  toRow: (record: never) => Row;
  /** Which stored count decides whether rows may exist already. */
  stored: Exclude<keyof Stored, 'changes'>;
  /** For rows known to be new. */
  insert: string;
  /** Finds which rows of a batch are new and which changed (the rest are stored unchanged). */
  probe: (tx: ManagedTransaction, rows: Row[]) => Promise<{ created: Row[]; updated: Row[] }>;
  /** For rows that exist and changed: compares hashes, rewrites what changed. */
  upsert: (rows: Row[]) => Batch[];
  /** The row's record id (relationships: key) and the ids of the records it needs. */
  identify: (row: Row) => { key: string; needs: string[] };
  /** How to read the stored state of a record (for the Change of an overwrite). */
  state: StateLookup;
}

/** The rows at the positions a probe returned. */
export function pick(rows: Row[], positions: unknown): Row[] {
  return (positions as number[]).map((i) => rows[i]);
}

/**
 * Relationships are probed at their ends first (one statement for every type); only rows not
 * found there are looked up by key, per type, to tell a new record from one whose ends moved.
 */
export async function probeRelationships(tx: ManagedTransaction, rows: Row[]): Promise<{ created: Row[]; updated: Row[] }> {
  const atEnds = (
    await tx.run(RELATIONSHIP_ENDS_PROBE, {
      rows: rows.map((row, i) => ({ i, type: row.type, from: row.from, to: row.to, key: row.props.key, hash: row.props.hash })),
    })
  ).records[0];
  const updated = pick(rows, atEnds.get('updated'));
  const created: Row[] = [];
  const missing = pick(rows, atEnds.get('missing'));
  for (const [type, group] of byType(missing)) {
    const byKey = (await tx.run(relationshipProbe(type), { rows: group.map(({ row, i }) => ({ i, key: row.props.key, hash: row.props.hash })) })).records[0];
    // Positions are those in `missing` (byType numbers the list it is given), not the batch's.
    created.push(...pick(missing, byKey.get('created')));
    // Found by key but not at its ends: the record moved, which is an update.
    updated.push(...pick(missing, byKey.get('updated')));
  }
  return { created, updated };
}

/** Splits a batch by relationship type, keeping each row's position in the batch. */
function byType(rows: Row[]): Map<RelationshipType, { row: Row; i: number }[]> {
  const groups = new Map<RelationshipType, { row: Row; i: number }[]>();
  rows.forEach((row, i) => {
    const type = row.type as RelationshipType;
    const group = groups.get(type) ?? [];
    group.push({ row, i });
    groups.set(type, group);
  });
  return groups;
}

const idOf = (row: Row) => String(row.props.id);
/** Props that name another record, as strings (absent ones left out). */
const idsAt = (row: Row, fields: string[]) => fields.map((f) => row.props[f]).filter((v): v is string => typeof v === 'string');

export function plan(dataset: Dataset): Step[] {
  const nodeStep = (
    kind: RecordKind,
    label: ProbeLabel,
    stored: Step['stored'],
    records: readonly unknown[],
    toRow: Step['toRow'],
    insert: string,
    upsert: string,
    needs: string[] = [],
  ): Step => ({
    kind,
    records,
    toRow,
    stored,
    insert,
    probe: async (tx, rows) => {
      const found = (await tx.run(nodeProbe(label), { rows: rows.map((row, i) => ({ i, id: row.props.id, hash: row.props.hash })) })).records[0];
      return { created: pick(rows, found.get('created')), updated: pick(rows, found.get('updated')) };
    },
    upsert: (rows) => [{ cypher: upsert, rows }],
    identify: (row) => ({ key: idOf(row), needs: idsAt(row, needs) }),
    state: { label },
  });
  const steps: Step[] = [
    nodeStep('sources', 'Source', 'sources', dataset.sources, sourceRow, SOURCE_INSERT, SOURCE_UPSERT),
    nodeStep('actors', 'Entity', 'entities', dataset.actors, actorRow, ENTITY_INSERT, ENTITY_UPSERT),
    nodeStep('authorities', 'Entity', 'entities', dataset.authorities, authorityRow, ENTITY_INSERT, ENTITY_UPSERT),
    nodeStep('events', 'Entity', 'entities', dataset.events, eventRow, ENTITY_INSERT, ENTITY_UPSERT),
    {
      kind: 'relationships',
      records: dataset.relationships,
      toRow: relationshipRow,
      stored: 'relationships',
      insert: RELATIONSHIP_INSERT,
      probe: probeRelationships,
      upsert: (rows) => [...byType(rows)].map(([type, group]) => ({ cypher: relationshipUpsert(type), rows: group.map(({ row }) => row) })),
      identify: (row) => ({ key: String(row.props.key), needs: [row.from!, row.to!] }),
      state: { relationships: true },
    },
    nodeStep('funding', 'Funding', 'funding', parentsFirst(dataset.funding), fundingRow, FUNDING_INSERT, FUNDING_UPSERT, ['donorId', 'recipientId', 'authorityId', 'partOf']),
  ];
  return steps.filter((s) => s.records.length > 0);
}


/** Reads what is stored already, per kind. */
export async function storedCounts(session: Session): Promise<Stored> {
  const record = await session.executeRead(async (tx) => (await tx.run(STORED_COUNTS)).records[0]);
  return {
    entities: Number(record.get('entities')),
    sources: Number(record.get('sources')),
    funding: Number(record.get('funding')),
    relationships: Number(record.get('relationships')),
    changes: Number(record.get('changes')),
  };
}
