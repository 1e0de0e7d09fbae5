/**
 * The k shortest simple paths between two entities over typed relationships and funding flows
 * (a flow is one FUNDED step donor - recipient), in one statement with a bounded amount of work:
 *
 * 1. Breadth-first from the end with fewer relationships ("far" end), layer by layer up to
 *    maxHops - 1, while the relationships of the layers expanded (stored degrees) stay within
 *    SEARCH_BUDGET: every node's distance to the far end is then known up to the last layer.
 * 2. Paths are grown from the other end one step at a time, a step going only to a node from
 *    which the far end is still reachable in the steps left, so that every prefix kept can still
 *    finish. Each step keeps at most PREFIX_CAP prefixes (in a fixed order).
 *
 * If the first part stopped early at layer R, every path of at most R + 1 steps is still found
 * (each of its nodes is within R of the far end); if the second part cut prefixes at step j,
 * every path of at most j steps is. The answer is complete when that covers maxHops or already
 * holds `limit` paths. Ties are broken by the ids and types along the path, from `from` to `to`,
 * so the same question gets the same paths in the same order. Parallel relationships of one type
 * (or flows) between two nodes give one path; the flow shown is the largest (then by id).
 */
import type { Database } from '../db/database.ts';
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { graphNodeProjection, relationshipEdgeProjection, fundedEdgeProjection } from './projection.ts';
import { flowOk, relOk, TYPED, type EdgeRefs } from './edge-filter.ts';
import { readRows } from './read.ts';
import type { PathQuery, PathsPlan } from './plan.ts';
import type { EdgeRow, GraphNodeRow } from './rows.ts';

/** Stored relationships the breadth-first part may read (sum of the degrees of the nodes it expands). */
export const SEARCH_BUDGET = 200_000;
/** Prefixes kept per step of the second part. */
export const PREFIX_CAP = 5_000;
/** The most hops the statement is written for (LIMITS.pathsHops.max): one statement text for every request. */
const MAX_HOPS = 6;

/** A path: its entities in walking order and its steps. */
export interface PathRow {
  length: number;
  nodes: GraphNodeRow[];
  steps: { edge: EdgeRow; forward: boolean }[];
}

/** What the search covered. */
export interface PathSearchRow {
  maxHops: number;
  exhaustiveTo: number;
  expandedNodes: number;
  work: number;
  budget: number;
  stoppedBy: 'WORK_BUDGET' | 'PREFIX_CAP' | null;
}

/** The answer of paths. */
export interface PathResultRow {
  paths: PathRow[];
  complete: boolean;
  search: PathSearchRow;
}

/**
 * The neighbours of `x` the walk may step to, as `(y, ty, rel, fl)` rows: one per node and type,
 * a typed relationship or a flow (the largest, then by id). One pattern for both keeps the
 * statement small: planning it is what a cold request pays for.
 */
function steps(p: EdgeRefs, funded: string, scope: string, x: string, allowed: (id: string) => string): string {
  return `CALL (${scope}) {
        MATCH (${x})-[r:${TYPED}|PROVIDED|TO]-(m)
        WHERE (m:Entity AND ${relOk('r', p)}) OR (m:Funding AND ${funded} AND ${flowOk('m', p)})
        WITH r, m, CASE WHEN m:Funding THEN CASE WHEN m.donorId = ${x}.id THEN m.recipientId ELSE m.donorId END ELSE m.id END AS yid,
          CASE WHEN m:Funding THEN 'FUNDED' ELSE type(r) END AS ty
        WITH r, m, yid, ty WHERE ${allowed('yid')}
        WITH yid, ty, r, m ORDER BY CASE WHEN m:Funding THEN -m.amountUsd ELSE 0 END, CASE WHEN m:Funding THEN m.id ELSE coalesce(r.key, elementId(r)) END
        WITH yid, ty, head(collect(CASE WHEN m:Funding THEN m ELSE r END)) AS pick
        MATCH (y:Entity {id: yid})
        RETURN y, ty, CASE WHEN ty = 'FUNDED' THEN null ELSE pick END AS rel, CASE WHEN ty = 'FUNDED' THEN pick END AS fl
      }`;
}

/** The statement of paths (one text for every filter and hop count). */
export function pathsStatement(q: PathQuery & { excludeIds: string[] }, provenance?: PathsPlan['provenance']): CypherStatement {
  const st = new Statement();
  // Every filter value travels in one map parameter whose entries always have the same types:
  // Neo4j keys its plan cache on the parameters' types (null, an empty list and a list of
  // strings differ, inside a map too; top-level strings and lists also by size), and planning this statement takes seconds, so one plan
  // must serve every filter (and the warm-up). An open bound is a flag and a placeholder number,
  // read back as null; no types means every type; '' (never an id) keeps the list one of strings.
  const f = st.param({
    relTypes: q.filter.relTypes ?? RELATIONSHIP_TYPES,
    funded: q.filter.funded,
    hasFrom: q.filter.yearFrom !== null,
    yearFrom: q.filter.yearFrom ?? 0,
    hasTo: q.filter.yearTo !== null,
    yearTo: q.filter.yearTo ?? 0,
    hasMin: q.filter.minAmountUsd !== null,
    minAmountUsd: q.filter.minAmountUsd ?? 0,
    excludeIds: ['', ...q.excludeIds],
    // Ends and sizes here too: the plan cache also buckets top-level strings and lists by size.
    from: q.from,
    to: q.to,
    maxHops: q.maxHops,
    limit: q.limit,
  });
  const orNull = (flag: string, value: string) => `(CASE WHEN ${f}.${flag} THEN ${f}.${value} END)`;
  const p: EdgeRefs = {
    types: `${f}.relTypes`,
    funded: true,
    window: { from: orNull('hasFrom', 'yearFrom'), to: orNull('hasTo', 'yearTo') },
    min: orNull('hasMin', 'minAmountUsd'),
    filtered: true,
    fixedText: true,
    kinds: null,
    typedReach: true,
  };
  const funded = `${f}.funded`;
  const excl = `${f}.excludeIds`;
  const maxHops = `toInteger(${f}.maxHops)`;
  const budget = st.param(SEARCH_BUDGET);
  const cap = st.param(PREFIX_CAP);
  const limit = `toInteger(${f}.limit)`;
  const carry = 's, t, swap, layers, seen, frontier, work, expanded, stopped';
  const bfs = (k: number) => `
    WITH ${carry}, NOT stopped AND size(frontier) > 0 AND ${k} <= ${maxHops} - 1 AS go
    WITH ${carry}, go, CASE WHEN go THEN reduce(c = 0, x IN frontier | c + COUNT { (x)--() }) ELSE 0 END AS cost
    WITH ${carry}, go AND work + cost <= ${budget} AS ok, go AND work + cost > ${budget} AS over, cost
    CALL (frontier, seen, ok) {
      WITH frontier, seen, ok WHERE ok
      UNWIND frontier AS x
      ${steps(p, funded, 'x, seen', 'x', (id) => `NOT ${id} IN seen AND NOT ${id} IN ${excl}`)}
      WITH DISTINCT y
      RETURN collect(y) AS found
    }
    WITH s, t, swap,
      CASE WHEN ok THEN layers + [[y IN found | y.id]] ELSE layers END AS layers,
      CASE WHEN ok THEN seen + [y IN found | y.id] ELSE seen END AS seen,
      CASE WHEN ok THEN found ELSE [] END AS frontier,
      work + CASE WHEN ok THEN cost ELSE 0 END AS work,
      expanded + CASE WHEN ok THEN size(frontier) ELSE 0 END AS expanded,
      stopped OR over AS stopped`;
  const grow = (i: number) => `
    // Step i finds every path of i steps: once the shorter ones fill the limit, longer ones are not needed.
    WITH s, t, swap, lmax, within, work, expanded, stopped, done, open, capped, ${i} <= lmax AND size(done) < ${limit} AS more
    CALL (t, open, within, lmax, more) {
      WITH t, open, within, lmax, more WHERE more
      UNWIND open AS pre
      WITH t, pre, pre.vs[-1] AS x, within[lmax - ${i}] AS ok
      ${steps(p, funded, 'x, ok, pre', 'x', (id) => `${id} IN ok AND NOT ${id} IN pre.ns AND NOT ${id} IN ${excl}`)}
      WITH t, y, { ns: pre.ns + y.id, vs: pre.vs + y, es: pre.es + { ty: ty, rel: rel, fl: fl } } AS q
      WITH t, y, q, reduce(a = '', k IN range(0, size(q.es) - 1) | a + q.ns[k] + ' ' + q.es[k].ty + ' ') + q.ns[-1] AS sig
      ORDER BY sig
      RETURN collect(CASE WHEN y = t THEN q END) AS arrived, collect(CASE WHEN y <> t THEN q END) AS going
    }
    WITH s, t, swap, lmax, within, work, expanded, stopped, done + [q IN arrived | q { .*, length: ${i} }] AS done,
      going[0..${cap}] AS open, CASE WHEN capped IS NULL AND size(going) > ${cap} THEN ${i} ELSE capped END AS capped`;
  const cypher = `
    OPTIONAL MATCH (a:Entity {id: ${f}.from})
    OPTIONAL MATCH (b:Entity {id: ${f}.to})
    WITH a, b
    CALL (a, b) {
      WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
      // The far end (searched breadth-first) is the one with fewer relationships.
      WITH a, b, COUNT { (a)--() } < COUNT { (b)--() } AS swap
      WITH CASE WHEN swap THEN b ELSE a END AS s, CASE WHEN swap THEN a ELSE b END AS t, swap
      WITH s, t, swap, [[t.id]] AS layers, [t.id] AS seen, [t] AS frontier, 0 AS work, 0 AS expanded, false AS stopped
      ${Array.from({ length: MAX_HOPS - 1 }, (_, k) => bfs(k + 1)).join('')}
      WITH s, t, swap, work, expanded, stopped,
        CASE WHEN stopped THEN size(layers) ELSE ${maxHops} END AS lmax,
        [r IN range(0, ${MAX_HOPS}) | reduce(acc = [], l IN layers[0..r + 1] | acc + l)] AS within
      WITH s, t, swap, work, expanded, stopped, lmax, within, [{ ns: [s.id], vs: [s], es: [] }] AS open, [] AS done, null AS capped
      ${Array.from({ length: MAX_HOPS }, (_, i) => grow(i + 1)).join('')}
      WITH swap, work, expanded, stopped, capped, done,
        coalesce(capped, CASE WHEN size(done) >= ${limit} THEN reduce(m = 0, d IN done | CASE WHEN d.length > m THEN d.length ELSE m END) ELSE lmax END) AS exhaustive
      UNWIND (CASE WHEN size(done) = 0 THEN [null] ELSE done END) AS d
      WITH swap, work, expanded, stopped, capped, exhaustive, d,
        CASE WHEN d IS NULL THEN '' WHEN swap THEN reduce(a = '', k IN range(size(d.ns) - 1, 0, -1) | a + d.ns[k] + ' ' + CASE WHEN k > 0 THEN d.es[k - 1].ty ELSE '' END + ' ') ELSE reduce(a = '', k IN range(0, size(d.ns) - 1) | a + d.ns[k] + ' ' + coalesce(d.es[k].ty, '') + ' ') END AS sig
      ORDER BY d.length, sig
      WITH swap, work, expanded, stopped, capped, exhaustive, collect(d) AS ranked
      RETURN swap, work, expanded, stopped, capped, exhaustive,
        size([d IN ranked WHERE d.length <= exhaustive]) AS within,
        [d IN ranked[0..${limit}] | {
          length: d.length,
          nodes: [v IN d.vs | ${graphNodeProjection('v')}],
          edges: [e IN d.es | CASE WHEN e.rel IS NULL
            THEN head([fe IN [e.fl] | ${fundedEdgeProjection('fe')}])
            ELSE head([re IN [e.rel] | ${relationshipEdgeProjection('re')}]) END]
        }] AS paths
    }
    RETURN a IS NOT NULL AND b IS NOT NULL AS found, swap, work, expanded, stopped, capped, exhaustive, within, paths`;
  return st.build(cypher, provenance);
}

interface RawPaths {
  found: boolean;
  swap: boolean | null;
  work: number | null;
  expanded: number | null;
  stopped: boolean | null;
  capped: number | null;
  exhaustive: number | null;
  within: number | null;
  paths: { length: number; nodes: GraphNodeRow[]; edges: EdgeRow[] }[] | null;
}

/** A path as found, turned to walk from `from`; forward = the edge points the way of the walk. */
function walk(raw: { length: number; nodes: GraphNodeRow[]; edges: EdgeRow[] }, reverse: boolean): PathRow {
  const nodes = reverse ? [...raw.nodes].reverse() : raw.nodes;
  const edges = reverse ? [...raw.edges].reverse() : raw.edges;
  return { length: raw.length, nodes, steps: edges.map((edge, i) => ({ edge, forward: edge.source === nodes[i]!.id })) };
}

/** Up to `limit` shortest paths, shortest first, and what the search covered; null when an end does not exist. */
export async function shortestPaths(db: Database, plan: PathsPlan): Promise<PathResultRow | null> {
  const { provenance, ...q } = plan;
  const [row] = await readRows<RawPaths>(db, pathsStatement(q, provenance));
  if (!row?.found) return null;
  const exhaustiveTo = Math.min(row.exhaustive ?? q.maxHops, q.maxHops);
  const paths = (row.paths ?? []).map((p) => walk(p, row.swap === true));
  const stoppedBy = row.capped !== null ? 'PREFIX_CAP' : row.stopped ? 'WORK_BUDGET' : null;
  return {
    paths,
    complete: exhaustiveTo >= q.maxHops || (row.within ?? 0) >= q.limit,
    search: { maxHops: q.maxHops, exhaustiveTo, expandedNodes: row.expanded ?? 0, work: row.work ?? 0, budget: SEARCH_BUDGET, stoppedBy },
  };
}
