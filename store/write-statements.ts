/**
 * The loading queries. Each takes `$rows` (see rows.ts), decides per row whether the record is
 * new (`created`), differs from what is stored (`updated`, by `hash`) or is the same
 * (`unchanged`, left untouched), writes only the first two, and returns the counts.
 * Labels and relationship types are spliced only from constants of the allow-list.
 */
import { ACTOR_KINDS } from '../domain/kinds.ts';
import { isRelationshipType, type RelationshipType } from '../domain/relationship-types.ts';

/** Every label an entity may carry; an update removes them all and sets the record's own. */
const ENTITY_KIND_LABELS = ['Actor', 'Authority', 'Event', ...ACTOR_KINDS].join(':');

/** Per-row status from the stored node (or relationship) `old`. */
const STATUS = `CASE WHEN old IS NULL THEN 'created' WHEN old.hash = row.props.hash THEN 'unchanged' ELSE 'updated' END AS status`;
const COUNTS = `RETURN sum(CASE status WHEN 'created' THEN 1 ELSE 0 END) AS created,
       sum(CASE status WHEN 'updated' THEN 1 ELSE 0 END) AS updated,
       sum(CASE status WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged`;

/**
 * Upserts entities. Each row carries its kind labels (`labels`: ['Actor', 'State'], ['Authority'],
 * ['Event']), set dynamically so that one statement serves every kind: a cold database plans it
 * once instead of once per kind.
 */
export const ENTITY_UPSERT = `UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.props.id})
WITH row, ${STATUS}
CALL (row, status) {
  WITH row WHERE status <> 'unchanged'
  MERGE (n:Entity {id: row.props.id})
  REMOVE n:${ENTITY_KIND_LABELS}
  SET n = row.props, n:$(row.labels)
}
${COUNTS}`;

/** Upserts sources. */
export const SOURCE_UPSERT = `UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.props.id})
WITH row, ${STATUS}
CALL (row, status) {
  WITH row WHERE status <> 'unchanged'
  MERGE (s:Source {id: row.props.id})
  SET s = row.props
}
${COUNTS}`;

/**
 * Upserts funding flows with their PROVIDED, TO and UNDER edges; an updated flow loses its old
 * edges first. After every row is written (the aggregation is the barrier), changed flows are
 * linked to their wider flow, which is in this batch or an earlier one (rows are parents-first).
 */
export const FUNDING_UPSERT = `UNWIND $rows AS row
OPTIONAL MATCH (old:Funding {id: row.props.id})
WITH row, old, ${STATUS}
CALL (old, status) {
  WITH old WHERE status = 'updated'
  OPTIONAL MATCH (old)-[out:TO|UNDER|PART_OF]->()
  DELETE out
  WITH DISTINCT old
  OPTIONAL MATCH ()-[provided:PROVIDED]->(old)
  DELETE provided
}
CALL (row, status) {
  WITH row WHERE status <> 'unchanged'
  MERGE (f:Funding {id: row.props.id})
  SET f = row.props
  WITH row, f
  MATCH (donor:Entity {id: row.props.donorId})
  MATCH (recipient:Entity {id: row.props.recipientId})
  CREATE (donor)-[:PROVIDED]->(f)-[:TO]->(recipient)
  WITH row, f
  MATCH (authority:Entity {id: row.props.authorityId})
  CREATE (f)-[:UNDER]->(authority)
}
WITH collect(status) AS statuses,
     collect(CASE WHEN status <> 'unchanged' AND row.props.partOf IS NOT NULL THEN row END) AS linking
CALL (linking) {
  UNWIND linking AS row
  MATCH (f:Funding {id: row.props.id})
  MATCH (wider:Funding {id: row.props.partOf})
  MERGE (f)-[:PART_OF]->(wider)
}
RETURN size([s IN statuses WHERE s = 'created']) AS created,
       size([s IN statuses WHERE s = 'updated']) AS updated,
       size([s IN statuses WHERE s = 'unchanged']) AS unchanged`;

export function checkedType(type: RelationshipType): string {
  if (!isRelationshipType(type)) throw new Error(`not an allowed relationship type: ${String(type)}`);
  return type;
}

/**
 * Upserts relationships of one type, found by `key` (indexed per type). A changed relationship
 * is deleted and created again, so that changed endpoints move it.
 */
export function relationshipUpsert(type: RelationshipType): string {
  const t = checkedType(type);
  return `UNWIND $rows AS row
OPTIONAL MATCH ()-[old:${t} {key: row.props.key}]->()
WITH row, old, ${STATUS}
CALL (row, old, status) {
  WITH row, old WHERE status <> 'unchanged'
  FOREACH (stale IN CASE WHEN old IS NULL THEN [] ELSE [old] END | DELETE stale)
  WITH row
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  CREATE (a)-[r:${t}]->(b)
  SET r = row.props
}
${COUNTS}`;
}


/** Node labels a probe may look in (constants). */
export type ProbeLabel = 'Entity' | 'Source' | 'Funding';

/**
 * Probe before writing: which rows (`{i, id, hash}`) are new or differ from what is stored.
 * Lets a reload send full rows only for what changed, and a dry run count without writing.
 */
export function nodeProbe(label: ProbeLabel): string {
  const l = ({ Entity: 'Entity', Source: 'Source', Funding: 'Funding' } as const)[label];
  return `UNWIND $rows AS row
OPTIONAL MATCH (old:${l} {id: row.id})
RETURN collect(CASE WHEN old IS NULL THEN row.i END) AS created,
       collect(CASE WHEN old IS NOT NULL AND old.hash <> row.hash THEN row.i END) AS updated`;
}

/**
 * Probe for relationships of any type at their ends (`{i, type, from, to, key, hash}` rows): one
 * statement for every type, through the ends' id index. A row not found there is new, or a
 * record whose ends changed: `missing` rows go on to the per-type key probe below.
 */
export const RELATIONSHIP_ENDS_PROBE = `UNWIND $rows AS row
OPTIONAL MATCH (:Entity {id: row.from})-[old:$(row.type) {key: row.key}]->(:Entity {id: row.to})
RETURN collect(CASE WHEN old IS NULL THEN row.i END) AS missing,
       collect(CASE WHEN old IS NOT NULL AND old.hash <> row.hash THEN row.i END) AS updated`;

/** Probe for relationships of one type by key (`{i, key, hash}` rows), wherever their ends are. */
export function relationshipProbe(type: RelationshipType): string {
  const t = checkedType(type);
  return `UNWIND $rows AS row
OPTIONAL MATCH ()-[old:${t} {key: row.key}]->()
RETURN collect(CASE WHEN old IS NULL THEN row.i END) AS created,
       collect(CASE WHEN old IS NOT NULL AND old.hash <> row.hash THEN row.i END) AS updated`;
}

/**
 * What is stored already, in one round trip (count store: constant time). A kind with nothing
 * stored needs no probe; relationships are probed once any exists; without any Change nothing
 * was curated.
 */
export const STORED_COUNTS = `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Funding) RETURN count(n) AS funding }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (n:Change) RETURN count(n) AS changes }
RETURN entities, sources, funding, relationships, changes`;

/*
 * Insert queries: for rows the database does not hold yet (a kind with nothing stored, or rows
 * a probe found new). Plain MERGE + SET, as lean as a bare load; still MERGE, so that a row
 * that appeared in the meantime is overwritten rather than duplicated.
 */

/** Inserts new entities of any kind (labels from the row, as in ENTITY_UPSERT). */
export const ENTITY_INSERT = `UNWIND $rows AS row
MERGE (n:Entity {id: row.props.id})
SET n = row.props, n:$(row.labels)
RETURN count(*) AS created, 0 AS updated, 0 AS unchanged`;

export const SOURCE_INSERT = `UNWIND $rows AS row
MERGE (s:Source {id: row.props.id})
SET s = row.props
RETURN count(*) AS created, 0 AS updated, 0 AS unchanged`;

/** Inserts new flows with their edges; links to wider flows after every row is written. */
export const FUNDING_INSERT = `UNWIND $rows AS row
MERGE (f:Funding {id: row.props.id})
SET f = row.props
WITH row, f
MATCH (donor:Entity {id: row.props.donorId})
MATCH (recipient:Entity {id: row.props.recipientId})
MERGE (donor)-[:PROVIDED]->(f)
MERGE (f)-[:TO]->(recipient)
WITH row, f
CALL (row, f) {
  MATCH (authority:Entity {id: row.props.authorityId})
  MERGE (f)-[:UNDER]->(authority)
}
WITH collect(CASE WHEN row.props.partOf IS NOT NULL THEN row END) AS linking, count(*) AS created
CALL (linking) {
  UNWIND linking AS row
  MATCH (f:Funding {id: row.props.id})
  MATCH (wider:Funding {id: row.props.partOf})
  MERGE (f)-[:PART_OF]->(wider)
}
RETURN created, 0 AS updated, 0 AS unchanged`;

/**
 * Inserts new relationships of any type (`row.type`, checked against the allow-list when the
 * row is built): one statement serves every type. A MERGE with a dynamic type is planned as a
 * scan of every relationship in the store for each row (quadratic in a first load), so the
 * relationship is looked for between its two ends (Expand(Into), through the id index) and
 * created only when absent. The ends are matched with locks (this is a write), so a row that
 * appears in the meantime is overwritten rather than duplicated.
 */
export const RELATIONSHIP_INSERT = `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old]->(b) WHERE old.key = row.props.key AND type(old) = row.type
CALL (a, b, row, old) {
  WITH * WHERE old IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
}
CALL (row, old) {
  WITH * WHERE old IS NOT NULL
  SET old = row.props
}
RETURN count(*) AS created, 0 AS updated, 0 AS unchanged`;

/**
 * The stored state of relationships of one type, by key (`$keys`), as the change log shows it.
 * The type is spliced (from the allow-list) because only a typed pattern uses the type's key
 * index: with a dynamic type Neo4j reads every relationship in the store.
 */
export function relationshipStates(type: RelationshipType): string {
  const t = checkedType(type);
  return `UNWIND $keys AS key
MATCH (a)-[r:${t} {key: key}]->(b)
RETURN key, r { .*, type: type(r), from: a.id, to: b.id } AS state`;
}
