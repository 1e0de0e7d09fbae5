/**
 * Shortest paths between two entities over typed relationships and funding flows (a flow is
 * walked donor - flow - recipient and shown as one FUNDED step).
 *
 * The k-shortest search (Cypher's SHORTEST k) can take seconds between two well-connected nodes
 * of a large graph, so it runs under a short budget; past it, the answer comes from Neo4j's
 * bidirectional shortest-path search instead (milliseconds): the routes of the fewest
 * relationships only. A second round trip happens only then.
 */
import { DatabaseUnavailableError, isTimedOut, type Database } from '../db/database.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { graphNodeProjection, relationshipEdgeProjection, fundedEdgeProjection } from './projection.ts';
import { fixedEdgeRefs, flowOk, relOk, TYPED } from './edge-filter.ts';
import { readRows } from './read.ts';
import type { PathQuery, PathsPlan, ProvenancePlan } from './plan.ts';
import type { EdgeRow, GraphNodeRow } from './rows.ts';

/** A path: its entities in walking order and its steps. */
export interface PathRow {
  length: number;
  nodes: GraphNodeRow[];
  steps: { edge: EdgeRow; forward: boolean }[];
}

/** Time the k-shortest search may take before the fallback answers. */
export const PATHS_SEARCH_BUDGET_MS = 1_500;

/** The walkable relationship types as a pattern (a code constant): an authority's UNDER links are never expanded. */
const WALKABLE = `${TYPED}|PROVIDED|TO`;

/**
 * Cypher wants literals for SHORTEST's count and a path length bound, so both are picked from
 * these constant tables by the (validated) limit and hop count. Candidates: the engine's paths
 * before de-duplication of parallel edges; bounds: graph hops, a FUNDED step taking two.
 */
const CANDIDATES: Record<number, string> = { 5: 'SHORTEST 20', 25: 'SHORTEST 100' };
const HOPS: Record<number, number> = { 1: 2, 2: 4, 3: 6, 4: 8, 5: 10, 6: 12 };

/** The two searches: Cypher's k-shortest, or the routes of the fewest relationships (fast). */
export type PathSearch = 'k-shortest' | 'fewest-hops';

/**
 * Up to `limit` shortest paths from `from` to `to` of at most `maxHops` steps, shortest first:
 * the k-shortest search within its budget, else the fewest-hops one. Null when either end does
 * not exist.
 */
export async function shortestPaths(db: Database, plan: PathsPlan): Promise<PathRow[] | null> {
  const started = performance.now();
  const { provenance, ...q } = plan;
  try {
    return await searchPaths(db, 'k-shortest', q, provenance, Math.min(PATHS_SEARCH_BUDGET_MS, db.queryTimeoutMs));
  } catch (error) {
    // Over budget (Neo4j's timeout, or our deadline when its answer is late): the fast search,
    // in what is left of the request's time, so that an outage still ends within the timeout.
    if (!isTimedOut(error) && !(error instanceof DatabaseUnavailableError)) throw error;
    const left = db.queryTimeoutMs - (performance.now() - started);
    if (left < 100) throw error;
    return searchPaths(db, 'fewest-hops', q, provenance, Math.floor(left));
  }
}

/** One search, one round trip. */
export async function searchPaths(db: Database, search: PathSearch, q: PathQuery, provenance: ProvenancePlan, timeoutMs?: number): Promise<PathRow[] | null> {
  const [row] = await readRows<{ found: boolean; paths: PathRow[] }>(db, pathsStatement(search, q, provenance), timeoutMs === undefined ? undefined : { timeoutMs });
  return row?.found ? row.paths : null;
}

/** The statement of one search. */
export function pathsStatement(search: PathSearch, q: PathQuery, provenance: ProvenancePlan): CypherStatement {
  const selector = q.limit <= 5 ? CANDIDATES[5] : CANDIDATES[25];
  const hops = HOPS[q.maxHops];
  if (!selector || !hops) throw new RangeError(`maxHops ${q.maxHops} or limit ${q.limit} out of range`);
  const st = new Statement();
  const p = fixedEdgeRefs(st, q.filter);
  const fromRef = st.param(q.from);
  const toRef = st.param(q.to);
  // A flow is walked donor - flow - recipient: both of its links pass when the flow does.
  const funded = st.param(q.filter.funded);
  const flowStep = `(${funded} AND type(r) IN ['PROVIDED', 'TO'] AND ((y:Funding AND ${flowOk('y', p)}) OR (x:Funding AND ${flowOk('x', p)})))`;
  // Both searches bind p; the rest (steps, de-duplication, projection) is shared.
  const match = search === 'k-shortest'
    ? `MATCH p = ${selector} (a) ((x)-[r:${WALKABLE}]-(y)
          WHERE ((x:Entity AND y:Entity AND ${relOk('r', p)}) OR ${flowStep})
        ){1,${hops}} (b)`
    : `MATCH p = allShortestPaths((a)-[:${WALKABLE}*1..${hops}]-(b))
      WHERE all(r IN relationships(p) WHERE CASE WHEN type(r) IN ['PROVIDED', 'TO'] THEN ${funded} ELSE ${relOk('r', p)} END)
        AND all(n IN nodes(p) WHERE NOT n:Funding OR (${flowOk('n', p)}))
      WITH p LIMIT 200`;
  const cypher = `
    OPTIONAL MATCH (a:Entity {id: ${fromRef}})
    OPTIONAL MATCH (b:Entity {id: ${toRef}})
    WITH a, b
    CALL (a, b) {
      WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
      ${match}
      WITH p, nodes(p) AS ns, relationships(p) AS rs
      WITH p, ns, rs, length(p) - size([n IN ns WHERE n:Funding]) AS steps
      // A path visits each entity once; parallel edges of the same types give one path.
      WHERE steps <= ${st.param(q.maxHops)} AND all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
      WITH p, ns, rs, steps, [n IN ns WHERE n:Entity | n.id] + [x IN rs | type(x)] AS signature
      ORDER BY steps, length(p)
      WITH signature, head(collect({p: p, ns: ns, rs: rs, steps: steps})) AS best
      WITH best.p AS p, best.ns AS ns, best.rs AS rs, best.steps AS steps
      ORDER BY steps, length(p) LIMIT ${st.param(q.limit)}
      RETURN collect({
        length: steps,
        nodes: [n IN ns WHERE n:Entity | ${graphNodeProjection('n')}],
        steps: [i IN range(0, size(rs) - 1) WHERE type(rs[i]) <> 'TO' |
          CASE WHEN type(rs[i]) = 'PROVIDED'
            THEN { edge: head([fl IN [endNode(rs[i])] | ${fundedEdgeProjection('fl')}]), forward: startNode(rs[i]) = ns[i] }
            ELSE { edge: head([rl IN [rs[i]] | ${relationshipEdgeProjection('rl')}]), forward: startNode(rs[i]) = ns[i] }
          END]
      }) AS paths
    }
    RETURN a IS NOT NULL AND b IS NOT NULL AS found, paths`;
  return st.build(cypher, provenance);
}
