/** Entity look-ups and the paginated actor and authority lists. */
import type { Database } from '../db/database.ts';
import { readWithProvenance, Statement, type ProvenanceWants } from './cypher.ts';
import { entityProjection } from './projection.ts';
import type { Want } from '../graphql/selection.ts';

/** A raw projected entity (see entityProjection); read by the GraphQL resolvers. */
export type EntityRow = Record<string, unknown> & { id: string; labels: string[] };

/** Which label a look-up requires. */
export type EntityLabel = 'Entity' | 'Actor' | 'Authority';

/** One entity by id, with what `want` asks below it; null when absent. */
export async function findEntity(db: Database, label: EntityLabel, id: string, want: Want, prov: ProvenanceWants): Promise<EntityRow | null> {
  const st = new Statement(prov);
  const idRef = st.param(id);
  // The label comes from a fixed union type, never from request text.
  // Always through :Entity, whose id constraint is the index: `(n:Actor {id})` would scan every actor.
  const match = { Entity: 'MATCH (n:Entity {id: ', Actor: 'MATCH (n:Entity:Actor {id: ', Authority: 'MATCH (n:Entity:Authority {id: ' }[label];
  const rows = await readWithProvenance<{ node: EntityRow }>(db, st, `${match}${idRef}}) RETURN ${entityProjection(st, 'n', want)} AS node`);
  return rows[0]?.node ?? null;
}

/** Filters of the actor list (validated). */
export interface ActorListFilter {
  kinds: string[] | null;
  country: string | null;
  text: string | null;
}

/** Filters of the authority list (validated). */
export interface AuthorityListFilter {
  kinds: string[] | null;
  title: number | null;
  text: string | null;
}

/** Keyset cursor: the (name, id) of the last row of the previous page. */
export interface NameCursor {
  name: string;
  id: string;
}

/** One page of a list and the count of all matches. */
export interface Page<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
}

const TEXT_MATCH = (v: string, text: string) =>
  `(${text} IS NULL OR toLower(${v}.name) CONTAINS ${text} OR any(a IN coalesce(${v}.aliases, []) WHERE toLower(a) CONTAINS ${text}))`;

async function page(db: Database, st: Statement, label: 'Actor' | 'Authority', where: string, want: Want, first: number, after: NameCursor | null): Promise<Page<EntityRow>> {
  const afterName = st.param(after?.name ?? null);
  const afterId = st.param(after?.id ?? null);
  const limit = st.param(first + 1);
  const head = label === 'Actor' ? 'MATCH (n:Actor)' : 'MATCH (n:Authority)';
  const cypher = `
    CALL () { ${head} WHERE ${where} RETURN count(n) AS total }
    CALL () {
      ${head} WHERE ${where} AND (${afterName} IS NULL OR n.name > ${afterName} OR (n.name = ${afterName} AND n.id > ${afterId}))
      WITH n ORDER BY n.name, n.id LIMIT ${limit}
      RETURN collect(${entityProjection(st, 'n', want)}) AS rows
    }
    RETURN total, rows`;
  const [row] = await readWithProvenance<{ total: number; rows: EntityRow[] }>(db, st, cypher);
  const rows = row?.rows ?? [];
  return { rows: rows.slice(0, first), totalCount: row?.total ?? 0, hasNextPage: rows.length > first };
}

/** Actors ordered by name, filtered, keyset-paginated. */
export function listActors(db: Database, filter: ActorListFilter, first: number, after: NameCursor | null, want: Want, prov: ProvenanceWants): Promise<Page<EntityRow>> {
  const st = new Statement(prov);
  const kinds = st.param(filter.kinds);
  const country = st.param(filter.country);
  const text = st.param(filter.text?.toLowerCase() ?? null);
  const where = `(${kinds} IS NULL OR n.kind IN ${kinds}) AND (${country} IS NULL OR n.country = ${country} OR n.id = ${country}) AND ${TEXT_MATCH('n', text)}`;
  return page(db, st, 'Actor', where, want, first, after);
}

/** Authorities ordered by name, filtered, keyset-paginated. */
export function listAuthorities(db: Database, filter: AuthorityListFilter, first: number, after: NameCursor | null, want: Want, prov: ProvenanceWants): Promise<Page<EntityRow>> {
  const st = new Statement(prov);
  const kinds = st.param(filter.kinds);
  const title = st.param(filter.title);
  const text = st.param(filter.text?.toLowerCase() ?? null);
  const where = `(${kinds} IS NULL OR n.kind IN ${kinds}) AND (${title} IS NULL OR n.title = ${title}) AND ${TEXT_MATCH('n', text)}`;
  return page(db, st, 'Authority', where, want, first, after);
}
