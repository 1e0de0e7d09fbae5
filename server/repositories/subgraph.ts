/**
 * Subgraphs for the canvas: the neighbourhood of a node (depth 1-3) and the bounded overview.
 * Edges are the typed relationships between entities plus funding flows as FUNDED edges
 * (donor -> recipient); each statement is one round trip.
 *
 * Cost is bounded around hubs (a donor with tens of thousands of flows): a deeper layer is
 * explored only while the shallower ones fit the node limit, a node looks at most at
 * PER_NODE_SCAN of its relationships when expanding a deeper layer or finding the edges among
 * the shown nodes, and degrees come from Neo4j's degree store when no filter is set. The
 * omitted counts are therefore exact for the first layer and lower bounds beyond it.
 */
import type { Database } from '../db/database.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { graphNodeProjection, relationshipEdgeProjection, fundedEdgeProjection } from './projection.ts';
import { edgeRefs, flowOk, relOk, TYPED, type EdgeRefs } from './edge-filter.ts';
import { readRows } from './read.ts';
import type { NeighborhoodPlan, OverviewPlan } from './plan.ts';
import type { SubgraphRow } from './rows.ts';

/** How many relationships (and, separately, flows) one node contributes at most beyond layer 1 (documented in subgraph.graphql). */
export const PER_NODE_SCAN = 300;

/**
 * The number of matching edges of `v` (typed relationships plus flows). Unfiltered, it is the
 * stored degree less the UNDER links of an authority's flows (not canvas edges).
 */
function degree(v: string, p: EdgeRefs): string {
  if (!p.filtered) return `(COUNT { (${v})--() } - COUNT { (${v})-[:UNDER]-() })`;
  return `(COUNT { (${v})-[r_d:${TYPED}]-() WHERE ${relOk('r_d', p)} } + COUNT { (${v})-[:PROVIDED|TO]-(f_d:Funding) WHERE ${flowOk('f_d', p)} })`;
}

/**
 * The entities one hop from `a` (a typed relationship, or a flow in either direction), at most
 * `cap` of them when given. The other end of a flow is found by its id, once per distinct id.
 */
function hop(p: EdgeRefs, cap?: string): string {
  const limit = cap ? ` LIMIT ${cap}` : '';
  return `CALL (a) {
      CALL (a) { MATCH (a)-[r:${TYPED}]-(b:Entity) WHERE ${relOk('r', p)} RETURN b${limit} }
      RETURN b
      UNION
      CALL (a) {
        MATCH (a)-[:PROVIDED|TO]-(f:Funding) WHERE ${flowOk('f', p)}
        WITH f${limit}
        WITH DISTINCT CASE WHEN f.donorId = a.id THEN f.recipientId ELSE f.donorId END AS otherId
        MATCH (b:Entity {id: otherId}) WHERE b <> a
        RETURN b
      }
      RETURN b
    }`;
}

/**
 * The edges among `kept`, at most `maxEdges`, and how many matching edges were left out. Each
 * kept node is looked at for PER_NODE_SCAN relationships and flows; an edge is found from either
 * end, so only an edge between two nodes both past that many is missed. Left-out edges are those
 * cut by `maxEdges` plus the edges from `centre` (the neighbourhood's start) or, without a
 * centre, from any kept node (the overview) to nodes not kept.
 */
function edgesAmong(st: Statement, p: EdgeRefs, maxEdges: number, omittedNodes: string, centre: string | null): string {
  const cap = st.param(maxEdges);
  const scan = st.param(PER_NODE_SCAN);
  const from = centre ? `[${centre}]` : 'kept';
  const carry = centre ? `${centre}, ` : '';
  const touching = centre
    ? `size([r IN rels WHERE startNode(r) = ${centre} OR endNode(r) = ${centre}]) + size([f IN flows WHERE f.donorId = ${centre}.id OR f.recipientId = ${centre}.id])`
    : 'size(rels) + size(flows)';
  return `
    WITH ${carry}kept, ${omittedNodes} AS omittedNodes, [n IN kept | n.id] AS keptIds, ${from} AS counted
    CALL (kept) {
      UNWIND kept AS a
      CALL (a) { MATCH (a)-[r:${TYPED}]-(b:Entity) WHERE ${relOk('r', p)} RETURN r, b LIMIT ${scan} }
      WITH r WHERE b IN kept
      RETURN collect(DISTINCT r) AS rels
    }
    CALL (kept, keptIds) {
      UNWIND kept AS a
      CALL (a) { MATCH (a)-[:PROVIDED|TO]-(f:Funding) WHERE ${flowOk('f', p)} RETURN f LIMIT ${scan} }
      WITH f WHERE f.donorId IN keptIds AND f.recipientId IN keptIds
      RETURN collect(DISTINCT f) AS flows
    }
    CALL (counted) {
      UNWIND counted AS a
      RETURN sum(${degree('a', p)}) AS incident
    }
    WITH kept, omittedNodes, incident - (${touching}) AS leaving, size(rels) + size(flows) AS inside, rels, flows
    WITH kept, omittedNodes, leaving, inside, rels[0..${cap}] AS rels, flows
    WITH kept, omittedNodes, leaving, inside, rels,
         flows[0..CASE WHEN size(rels) >= ${cap} THEN 0 ELSE ${cap} - size(rels) END] AS flows
    RETURN [n IN kept | ${graphNodeProjection('n')}] AS nodes,
           [r IN rels | ${relationshipEdgeProjection('r')}] + [f IN flows | ${fundedEdgeProjection('f')}] AS edges,
           omittedNodes,
           CASE WHEN leaving > 0 THEN leaving ELSE 0 END + inside - size(rels) - size(flows) AS omittedEdges`;
}

/**
 * The statement of neighborhood: everything within `depth` hops of `id`, nearest first (then
 * best connected), cut at `limit` nodes. A deeper layer is explored only when every node of the
 * shallower ones is shown. No row when the node does not exist.
 */
export function neighborhoodStatement(plan: NeighborhoodPlan): CypherStatement {
  const st = new Statement();
  const p = edgeRefs(st, plan.filter);
  const idRef = st.param(plan.id);
  const limitRef = st.param(plan.limit);
  const scan = st.param(PER_NODE_SCAN);
  const unfiltered: EdgeRefs = { ...p, filtered: false };
  // Layer 1 is always found (its omitted count is exact); layer k + 1 grows from layer k only
  // while everything found so far fits the limit. Layers past the depth are not written at all.
  const layer = (k: number) => `
    CALL (s, seen, frontier) {
      WITH s, seen, frontier WHERE ${k === 1 ? 'true' : `size(seen) < ${limitRef}`}
      UNWIND frontier AS a
      ${hop(p, k === 1 ? undefined : scan)}
      WITH DISTINCT b WHERE NOT b IN seen
      WITH b ORDER BY ${degree('b', unfiltered)} DESC, b.id
      RETURN collect(b) AS found
    }
    WITH s, seen + found AS seen, found AS frontier`;
  const layers = Array.from({ length: plan.depth }, (_, i) => layer(i + 1)).join('');
  const cypher = `
    MATCH (s:Entity {id: ${idRef}})
    WITH s, [s] AS seen, [s] AS frontier
    ${layers}
    WITH s, seen[0..${limitRef}] AS kept, size(seen) AS reached
    ${edgesAmong(st, p, plan.maxEdges, 'reached - size(kept)', 's')}`;
  return st.build(cypher, plan.provenance);
}

/** The neighbourhood of a node; null when the node does not exist. */
export async function neighborhood(db: Database, plan: NeighborhoodPlan): Promise<SubgraphRow | null> {
  const rows = await readRows<SubgraphRow>(db, neighborhoodStatement(plan));
  return rows[0] ?? null;
}

/** The statement of graph: the best-connected `limit` nodes and the edges among them. */
export function overviewStatement(plan: OverviewPlan): CypherStatement {
  const st = new Statement();
  const p = edgeRefs(st, plan.filter);
  const kinds = plan.filter.kinds && st.param(plan.filter.kinds);
  const where = kinds ? ` WHERE ((n:Actor AND n.kind IN ${kinds}) OR (n:Authority AND 'Authority' IN ${kinds}) OR (n:Event AND 'Event' IN ${kinds}))` : '';
  const cypher = `
    CALL () { MATCH (n:Entity)${where} RETURN count(n) AS total }
    CALL () {
      MATCH (n:Entity)${where}
      WITH n, ${degree('n', p)} AS degree
      ORDER BY degree DESC, n.id
      LIMIT ${st.param(plan.limit)}
      RETURN collect(n) AS kept
    }
    ${edgesAmong(st, p, plan.maxEdges, 'total - size(kept)', null)}`;
  return st.build(cypher, plan.provenance);
}

/** The overview. */
export async function overview(db: Database, plan: OverviewPlan): Promise<SubgraphRow> {
  const rows = await readRows<SubgraphRow>(db, overviewStatement(plan));
  return rows[0] ?? { nodes: [], edges: [], omittedNodes: 0, omittedEdges: 0 };
}
