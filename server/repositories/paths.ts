/**
 * Shortest paths between two entities over typed relationships and funding flows (a flow is
 * walked donor - flow - recipient and shown as one FUNDED step).
 */
import type { Database } from '../db/database.ts';
import { readWithProvenance, Statement, overlaps, flowOverlaps, type ProvenanceWants } from './cypher.ts';
import { graphNodeProjection, relationshipEdgeProjection, fundedEdgeProjection } from './projection.ts';
import { TYPED, type EdgeFilter } from './subgraph.ts';

/** The walkable relationship types as a pattern (a code constant): an authority's UNDER links are never expanded. */
const WALKABLE = `${TYPED}|PROVIDED|TO`;

/** A raw path: its entities in walking order and its steps. */
export interface PathRow {
  length: number;
  nodes: Record<string, unknown>[];
  steps: { edge: Record<string, unknown>; forward: boolean }[];
}

/**
 * Cypher wants literals for SHORTEST's count and a quantifier's bound, so both are picked from
 * these constant tables by the (validated) limit and hop count. Candidates: the engine's paths
 * before de-duplication of parallel edges; bound: graph hops, a FUNDED step taking two.
 */
const CANDIDATES: Record<number, string> = { 5: 'SHORTEST 20', 25: 'SHORTEST 100' };
const BOUNDS: Record<number, string> = { 1: '{1,2}', 2: '{1,4}', 3: '{1,6}', 4: '{1,8}', 5: '{1,10}', 6: '{1,12}' };

/**
 * Up to `limit` shortest paths from `from` to `to` of at most `maxHops` steps, shortest first.
 * Returns null when either end does not exist.
 */
export async function shortestPaths(db: Database, from: string, to: string, maxHops: number, limit: number, filter: EdgeFilter, prov: ProvenanceWants): Promise<PathRow[] | null> {
  const st = new Statement(prov);
  const types = st.param(filter.relTypes);
  const funded = st.param(filter.funded);
  const yFrom = st.param(filter.yearFrom);
  const yTo = st.param(filter.yearTo);
  const min = st.param(filter.minAmountUsd);
  const fromRef = st.param(from);
  const toRef = st.param(to);
  const flowOk = (f: string) => `${flowOverlaps(f, yFrom, yTo)} AND (${min} IS NULL OR ${f}.amountUsd >= ${min})`;
  const selector = limit <= 5 ? CANDIDATES[5] : CANDIDATES[25];
  const bound = BOUNDS[maxHops];
  if (!selector || !bound) throw new RangeError(`maxHops ${maxHops} or limit ${limit} out of range`);
  const cypher = `
    OPTIONAL MATCH (a:Entity {id: ${fromRef}})
    OPTIONAL MATCH (b:Entity {id: ${toRef}})
    WITH a, b
    CALL (a, b) {
      WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
      MATCH p = ${selector} (a) ((x)-[r:${WALKABLE}]-(y)
          WHERE ((x:Entity AND y:Entity AND (${types} IS NULL OR type(r) IN ${types}) AND ${overlaps('r', yFrom, yTo)})
             OR (${funded} AND type(r) IN ['PROVIDED', 'TO'] AND ((y:Funding AND ${flowOk('y')}) OR (x:Funding AND ${flowOk('x')}))))
        )${bound} (b)
      WITH p, nodes(p) AS ns, relationships(p) AS rs
      WITH p, ns, rs, length(p) - size([n IN ns WHERE n:Funding]) AS steps
      // A path visits each entity once; parallel edges of the same types give one path.
      WHERE steps <= ${st.param(maxHops)} AND all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
      WITH p, ns, rs, steps, [n IN ns WHERE n:Entity | n.id] + [x IN rs | type(x)] AS signature
      ORDER BY steps, length(p)
      WITH signature, head(collect({p: p, ns: ns, rs: rs, steps: steps})) AS best
      WITH best.p AS p, best.ns AS ns, best.rs AS rs, best.steps AS steps
      ORDER BY steps, length(p) LIMIT ${st.param(limit)}
      RETURN collect({
        length: steps,
        nodes: [n IN ns WHERE n:Entity | ${graphNodeProjection(st, 'n')}],
        steps: [i IN range(0, size(rs) - 1) WHERE type(rs[i]) <> 'TO' |
          CASE WHEN type(rs[i]) = 'PROVIDED'
            THEN { edge: head([fl IN [endNode(rs[i])] | ${fundedEdgeProjection(st, 'fl')}]), forward: startNode(rs[i]) = ns[i] }
            ELSE { edge: head([rl IN [rs[i]] | ${relationshipEdgeProjection(st, 'rl')}]), forward: startNode(rs[i]) = ns[i] }
          END]
      }) AS paths
    }
    RETURN a IS NOT NULL AND b IS NOT NULL AS found, paths`;
  const [row] = await readWithProvenance<{ found: boolean; paths: PathRow[] }>(db, st, cypher);
  if (!row?.found) return null;
  return row.paths;
}
