/** Entity look-ups and the paginated actor and authority lists. */
import type { Database } from '../db/database.ts';
import { all, Statement, type CypherStatement } from './cypher.ts';
import { entityProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { ActorListPlan, AuthorityListPlan, EntityLookupPlan, EntityPlan, NameCursor, ProvenancePlan } from './plan.ts';
import type { EntityRow, Page } from './rows.ts';

/**
 * Always through :Entity, whose id constraint is the index: `(n:Actor {id})` would scan every
 * actor. The label comes from a fixed union type, never from request text.
 */
const LOOKUP = { Entity: 'n:Entity', Actor: 'n:Entity:Actor', Authority: 'n:Entity:Authority' } as const;

/** The statement of node, actor and authority. */
export function entityStatement(plan: EntityLookupPlan): CypherStatement {
  const st = new Statement();
  const id = st.param(plan.id);
  return st.build(`MATCH (${LOOKUP[plan.label]} {id: ${id}}) RETURN ${entityProjection(st, 'n', plan.entity)} AS node`, plan.provenance);
}

/** One entity by id; null when absent. */
export async function findEntity(db: Database, plan: EntityLookupPlan): Promise<EntityRow | null> {
  const rows = await readRows<{ node: EntityRow }>(db, entityStatement(plan));
  return rows[0]?.node ?? null;
}

/** Case-insensitive substring of the name or an alias (`text` is lower-cased). */
const textMatch = (text: string) => `(toLower(n.name) CONTAINS ${text} OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS ${text}))`;

interface ListShape {
  label: 'Actor' | 'Authority';
  conds: string[];
  first: number;
  after: NameCursor | null;
  entity: EntityPlan;
  provenance: ProvenancePlan;
}

function pageStatement(st: Statement, s: ListShape): CypherStatement {
  const head = s.label === 'Actor' ? 'MATCH (n:Actor)' : 'MATCH (n:Authority)';
  const name = s.after && st.param(s.after.name);
  const after = s.after && `(n.name > ${name} OR (n.name = ${name} AND n.id > ${st.param(s.after.id)}))`;
  const cypher = `
    CALL () { ${head} WHERE ${all(s.conds)} RETURN count(n) AS total }
    CALL () {
      ${head} WHERE ${all([...s.conds, after])}
      WITH n ORDER BY n.name, n.id LIMIT ${st.param(s.first + 1)}
      RETURN collect(${entityProjection(st, 'n', s.entity)}) AS rows
    }
    RETURN total, rows`;
  return st.build(cypher, s.provenance);
}

async function page(db: Database, statement: CypherStatement, first: number): Promise<Page<EntityRow>> {
  const [row] = await readRows<{ total: number; rows: EntityRow[] }>(db, statement);
  const rows = row?.rows ?? [];
  return { rows: rows.slice(0, first), totalCount: row?.total ?? 0, hasNextPage: rows.length > first };
}

/** The statement of actors: filters that are set become conditions, the others none. */
export function actorsStatement(plan: ActorListPlan): CypherStatement {
  const st = new Statement();
  const { kinds, country, text } = plan.filter;
  const conds: string[] = [];
  if (kinds) conds.push(`n.kind IN ${st.param(kinds)}`);
  if (country) {
    const c = st.param(country);
    conds.push(`(n.country = ${c} OR n.id = ${c})`);
  }
  if (text) conds.push(textMatch(st.param(text.toLowerCase())));
  return pageStatement(st, { label: 'Actor', conds, ...plan });
}

/** Actors ordered by name, filtered, keyset-paginated. */
export function listActors(db: Database, plan: ActorListPlan): Promise<Page<EntityRow>> {
  return page(db, actorsStatement(plan), plan.first);
}

/** The statement of authorities. */
export function authoritiesStatement(plan: AuthorityListPlan): CypherStatement {
  const st = new Statement();
  const { kinds, title, text } = plan.filter;
  const conds: string[] = [];
  if (kinds) conds.push(`n.kind IN ${st.param(kinds)}`);
  if (title !== null) conds.push(`n.title = ${st.param(title)}`);
  if (text) conds.push(textMatch(st.param(text.toLowerCase())));
  return pageStatement(st, { label: 'Authority', conds, ...plan });
}

/** Authorities ordered by name, filtered, keyset-paginated. */
export function listAuthorities(db: Database, plan: AuthorityListPlan): Promise<Page<EntityRow>> {
  return page(db, authoritiesStatement(plan), plan.first);
}
