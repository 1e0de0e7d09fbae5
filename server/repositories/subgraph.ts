/**
 * Subgraphs for the canvas: the neighbourhood of a node (depth 1-3) and the bounded overview.
 * Edges are the typed relationships between entities plus funding flows as FUNDED edges
 * (donor -> recipient); each statement is one round trip.
 */
import type { Database } from '../db/database.ts';
import { readWithProvenance, Statement, overlaps, flowOverlaps, type ProvenanceWants } from './cypher.ts';
import { graphNodeProjection, relationshipEdgeProjection, fundedEdgeProjection } from './projection.ts';

/** A raw subgraph as the resolvers map it. */
export interface SubgraphRow {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  omittedNodes: number;
  omittedEdges: number;
}

/** Which edges a subgraph follows (validated). */
export interface EdgeFilter {
  /** Typed relationship types to follow; null = all of the allow-list. */
  relTypes: string[] | null;
  /** Whether funding flows (FUNDED) are followed. */
  funded: boolean;
  yearFrom: number | null;
  yearTo: number | null;
  minAmountUsd: number | null;
}

interface EdgeParams {
  types: string;
  funded: string;
  from: string;
  to: string;
  min: string;
}

function edgeParams(st: Statement, f: EdgeFilter): EdgeParams {
  return {
    types: st.param(f.relTypes),
    funded: st.param(f.funded),
    from: st.param(f.yearFrom),
    to: st.param(f.yearTo),
    min: st.param(f.minAmountUsd),
  };
}

const relOk = (r: string, p: EdgeParams) => `(${p.types} IS NULL OR type(${r}) IN ${p.types}) AND ${overlaps(r, p.from, p.to)}`;
const flowOk = (f: string, p: EdgeParams) => `${p.funded} AND ${flowOverlaps(f, p.from, p.to)} AND (${p.min} IS NULL OR ${f}.amountUsd >= ${p.min})`;

/** One hop from `a` to `b`: a typed relationship, or a funding flow in either direction. */
function hop(p: EdgeParams): string {
  return `CALL (a) {
      MATCH (a)-[r]-(b:Entity) WHERE ${relOk('r', p)} RETURN b
      UNION
      MATCH (a)-[:PROVIDED|TO]-(f:Funding)-[:PROVIDED|TO]-(b:Entity) WHERE b <> a AND ${flowOk('f', p)} RETURN b
    }`;
}

/**
 * The edges among `kept` (both ends kept), at most `maxEdges`, and how many matching edges from
 * kept nodes lead to nodes of `reached` that were cut.
 */
function edgesAmong(st: Statement, p: EdgeParams, maxEdges: number): string {
  const cap = st.param(maxEdges);
  return `
    CALL (kept, reached) {
      UNWIND kept AS a
      MATCH (a)-[r]-(b:Entity) WHERE ${relOk('r', p)} AND (b IN reached)
      WITH r, b IN kept AS inside, startNode(r) = a AS fromA
      WHERE NOT inside OR fromA
      RETURN collect(CASE WHEN inside THEN r END) AS rels, sum(CASE WHEN inside THEN 0 ELSE 1 END) AS cutRels
    }
    CALL (kept, reached) {
      UNWIND kept AS a
      MATCH (a)-[:PROVIDED|TO]-(f:Funding)-[:PROVIDED|TO]-(b:Entity) WHERE b <> a AND ${flowOk('f', p)} AND b IN reached
      WITH f, b IN kept AS inside, f.donorId = a.id AS fromA
      WHERE NOT inside OR fromA
      RETURN collect(CASE WHEN inside THEN f END) AS flows, sum(CASE WHEN inside THEN 0 ELSE 1 END) AS cutFlows
    }
    WITH kept, reached, rels, flows, cutRels + cutFlows AS cut, size(rels) + size(flows) AS edgeTotal
    WITH kept, reached, cut, edgeTotal, rels[0..${cap}] AS rels, flows[0..(${cap} - size(rels))] AS flows
    RETURN [n IN kept | ${graphNodeProjection(st, 'n')}] AS nodes,
           [r IN rels | ${relationshipEdgeProjection(st, 'r')}] + [f IN flows | ${fundedEdgeProjection(st, 'f')}] AS edges,
           size(reached) - size(kept) AS omittedNodes,
           cut + edgeTotal - size(rels) - size(flows) AS omittedEdges`;
}

/**
 * Everything within `depth` hops of `id`, nearest first (then best connected), cut at `limit`
 * nodes. Null when the node does not exist.
 */
export async function neighborhood(db: Database, id: string, depth: number, limit: number, filter: EdgeFilter, maxEdges: number, prov: ProvenanceWants): Promise<SubgraphRow | null> {
  const st = new Statement(prov);
  const p = edgeParams(st, filter);
  const idRef = st.param(id);
  const depthRef = st.param(depth);
  const limitRef = st.param(limit);
  const layer = (prev: string[], next: string, min: number) => `
    CALL (s, ${prev.join(', ')}) {
      WITH s, ${prev.join(', ')} WHERE ${depthRef} >= ${min}
      UNWIND ${prev[prev.length - 1]} AS a
      ${hop(p)}
      WITH DISTINCT b WHERE b <> s ${prev.slice(1).map((l) => `AND NOT b IN ${l}`).join(' ')}
      WITH b ORDER BY COUNT { (b)--() } DESC, b.id
      RETURN collect(b) AS ${next}
    }`;
  const cypher = `
    MATCH (s:Entity {id: ${idRef}})
    WITH s, [s] AS l0
    ${layer(['l0'], 'l1', 1)}
    ${layer(['l0', 'l1'], 'l2', 2)}
    ${layer(['l0', 'l1', 'l2'], 'l3', 3)}
    WITH [s] + l1 + l2 + l3 AS reached
    WITH reached, reached[0..${limitRef}] AS kept
    ${edgesAmong(st, p, maxEdges)}`;
  const rows = await readWithProvenance<SubgraphRow & Record<string, unknown>>(db, st, cypher);
  return rows[0] ?? null;
}

/** Filter of the overview (validated). */
export interface OverviewFilter extends EdgeFilter {
  /** NodeKinds to show (actor kinds, Authority, Event); null = all. */
  kinds: string[] | null;
}

/** The overview: the best-connected `limit` nodes and the edges among them. */
export async function overview(db: Database, filter: OverviewFilter, limit: number, maxEdges: number, prov: ProvenanceWants): Promise<SubgraphRow> {
  const st = new Statement(prov);
  const p = edgeParams(st, filter);
  const kinds = st.param(filter.kinds);
  const cypher = `
    MATCH (n:Entity)
    WHERE ${kinds} IS NULL OR (n:Actor AND n.kind IN ${kinds}) OR (n:Authority AND 'Authority' IN ${kinds}) OR (n:Event AND 'Event' IN ${kinds})
    WITH n, COUNT { MATCH (n)-[r]-(:Entity) WHERE ${relOk('r', p)} } + COUNT { MATCH (n)-[:PROVIDED|TO]-(f:Funding) WHERE ${flowOk('f', p)} } AS degree
    ORDER BY degree DESC, n.id
    WITH collect(n) AS reached
    WITH reached, reached[0..${st.param(limit)}] AS kept
    ${edgesAmong(st, p, maxEdges)}`;
  const rows = await readWithProvenance<SubgraphRow & Record<string, unknown>>(db, st, cypher);
  return rows[0] ?? { nodes: [], edges: [], omittedNodes: 0, omittedEdges: 0 };
}
