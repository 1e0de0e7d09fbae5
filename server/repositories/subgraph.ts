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
import { all, Statement, type CypherStatement } from './cypher.ts';
import { graphNodeProjection, relationshipEdgeProjection, fundedEdgeProjection } from './projection.ts';
import { edgeRefs, flowOk, kindOk, relOk, TYPED, type EdgeRefs } from './edge-filter.ts';
import { readRows } from './read.ts';
import type { NeighborhoodPlan, OverviewPlan } from './plan.ts';
import type { SubgraphRow } from './rows.ts';

/** How many relationships (and, separately, flows) one node contributes at most beyond layer 1 (documented in subgraph.graphql). */
export const PER_NODE_SCAN = 300;

/**
 * The number of edges of `v` that can reach a node (see EdgeRefs.typedReach) whose other end
 * passes the kind filter. Unfiltered, it is the stored degree less the UNDER links of an
 * authority's flows (not canvas edges).
 */
function degree(v: string, p: EdgeRefs): string {
  if (!p.filtered) return `(COUNT { (${v})--() } - COUNT { (${v})-[:UNDER]-() })`;
  const typed = p.typedReach ? `COUNT { (${v})-[r_d:${TYPED}]-(o_d:Entity) WHERE ${all([relOk('r_d', p), kindOk('o_d', p.kinds)])} }` : '0';
  const otherEnd = p.kinds ? ` AND EXISTS { (f_d)-[:PROVIDED|TO]-(o_f:Entity) WHERE o_f <> ${v} AND ${kindOk('o_f', p.kinds)} }` : '';
  return `(${typed} + COUNT { (${v})-[:PROVIDED|TO]-(f_d:Funding) WHERE ${flowOk('f_d', p)}${otherEnd} })`;
}

/**
 * The entities one hop from `a` (a typed relationship, or a flow in either direction), at most
 * `cap` of them when given. The other end of a flow is found by its id, once per distinct id.
 */
function hop(p: EdgeRefs, cap?: string): string {
  const limit = cap ? ` LIMIT ${cap}` : '';
  const kind = p.kinds ? ` AND ${kindOk('b', p.kinds)}` : '';
  const typed = p.typedReach
    ? `CALL (a) { MATCH (a)-[r:${TYPED}]-(b:Entity) WHERE ${relOk('r', p)}${kind} RETURN b${limit} }
      RETURN b
      UNION
      `
    : '';
  return `CALL (a) {
      ${typed}CALL (a) {
        MATCH (a)-[:PROVIDED|TO]-(f:Funding) WHERE ${flowOk('f', p)}
        WITH f${limit}
        WITH DISTINCT CASE WHEN f.donorId = a.id THEN f.recipientId ELSE f.donorId END AS otherId
        MATCH (b:Entity {id: otherId}) WHERE b <> a${kind}
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
  // The reaching edges found inside: from the centre, or (overview) between two kept nodes,
  // which the degrees of both ends count.
  const relsIn = centre ? `size([r IN rels WHERE startNode(r) = ${centre} OR endNode(r) = ${centre}])` : 'size(rels)';
  const flowsIn = centre ? `size([f IN flows WHERE f.donorId = ${centre}.id OR f.recipientId = ${centre}.id])` : 'size(flows)';
  const inner = `${p.typedReach ? `${relsIn} + ` : ''}${flowsIn}`;
  const touching = centre ? inner : `2 * (${inner})`;
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
  const p = edgeRefs(st, plan.filter, plan.kinds);
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
  const p = edgeRefs(st, plan.filter, plan.filter.kinds);
  const where = p.kinds ? ` WHERE ${kindOk('n', p.kinds)}` : '';
  // Under a filter, a node none of whose edges passes it would stand alone: it is not a candidate.
  const reached = p.filtered ? ' WHERE degree > 0' : '';
  const cypher = `
    CALL () {
      MATCH (n:Entity)${where}
      WITH n, ${degree('n', p)} AS degree
      WITH n, degree${reached}
      ORDER BY degree DESC, n.id
      WITH collect(n) AS candidates
      RETURN candidates[0..${st.param(plan.limit)}] AS kept, size(candidates) AS total
    }
    ${edgesAmong(st, p, plan.maxEdges, 'total - size(kept)', null)}`;
  return st.build(cypher, plan.provenance);
}

/** The overview. */
export async function overview(db: Database, plan: OverviewPlan): Promise<SubgraphRow> {
  const rows = await readRows<SubgraphRow>(db, overviewStatement(plan));
  return rows[0] ?? { nodes: [], edges: [], omittedNodes: 0, omittedEdges: 0 };
}
