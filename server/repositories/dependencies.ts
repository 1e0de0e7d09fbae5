/**
 * The dependency network: explicit DEPENDS_ON edges plus one FUNDED edge per donor -> recipient
 * pair, weighted by the counted amount (same counting as totals) and the donor's share of the
 * recipient's known assistance.
 */
import type { Database } from '../db/database.ts';
import { readWithProvenance, Statement, overlaps, type ProvenanceWants } from './cypher.ts';
import { countedRows, filterRefs, NO_FILTER } from './funding.ts';
import { graphNodeProjection, relationshipEdgeProjection } from './projection.ts';
import type { SubgraphRow } from './subgraph.ts';

/** The network within a year window, its `limit` heaviest nodes and the edges among them. */
export async function dependencyNetwork(db: Database, window: { yearFrom: number | null; yearTo: number | null }, limit: number, maxEdges: number, prov: ProvenanceWants): Promise<SubgraphRow> {
  const st = new Statement(prov);
  const f = filterRefs(st, { ...NO_FILTER, ...window });
  const cap = st.param(maxEdges);
  const cypher = `
    ${countedRows(f)}
    CALL (rows) {
      UNWIND rows AS x
      WITH x WHERE x.counted > 0
      WITH x.f.donorId AS d, x.f.recipientId AS r, sum(x.counted) AS amount, collect(x.f.precision) AS precisions
      RETURN collect({ d: d, r: r, amount: amount, lowerBound: 'LOWER_BOUND' IN precisions, approximate: 'APPROXIMATE' IN precisions }) AS pairs
    }
    CALL () {
      MATCH (:Actor)-[dr:DEPENDS_ON]->(:Actor) WHERE ${overlaps('dr', f.from, f.to)}
      RETURN collect(dr) AS deps
    }
    CALL (pairs, deps) {
      UNWIND ([p IN pairs | { id: p.d, w: p.amount }] + [p IN pairs | { id: p.r, w: p.amount }]
        + [x IN deps | { id: startNode(x).id, w: 1.0e15 }] + [x IN deps | { id: endNode(x).id, w: 1.0e15 }]) AS nw
      WITH nw.id AS id, sum(nw.w) AS weight ORDER BY weight DESC, id
      RETURN collect(id) AS ranked
    }
    WITH pairs, deps, ranked, ranked[0..${st.param(limit)}] AS keptIds
    CALL (keptIds) { MATCH (n:Entity) WHERE n.id IN keptIds RETURN collect(n) AS kept }
    WITH pairs, deps, ranked, kept, keptIds,
      [x IN deps WHERE startNode(x).id IN keptIds AND endNode(x).id IN keptIds] AS depEdges,
      [p IN pairs WHERE p.d IN keptIds AND p.r IN keptIds] AS pairEdges
    WITH pairs, deps, ranked, kept, depEdges, pairEdges,
      [p IN pairs | p] AS allPairs
    RETURN [n IN kept | ${graphNodeProjection(st, 'n')}] AS nodes,
      ([x IN depEdges | ${relationshipEdgeProjection(st, 'x')}] +
       [p IN pairEdges | { id: 'FUNDED:' + p.d + ':' + p.r, source: p.d, target: p.r, type: 'FUNDED', amountUsd: p.amount,
          precision: CASE WHEN p.lowerBound THEN 'LOWER_BOUND' WHEN p.approximate THEN 'APPROXIMATE' ELSE 'EXACT' END,
          share: p.amount / reduce(s = 0.0, q IN allPairs | s + CASE WHEN q.r = p.r THEN q.amount ELSE 0.0 END),
          citations: '[]', __sections: [], __works: [] }])[0..${cap}] AS edges,
      size(ranked) - size(kept) AS omittedNodes,
      size(deps) + size(pairs) - size(depEdges) - size(pairEdges) AS omittedEdges`;
  const [row] = await readWithProvenance<SubgraphRow & Record<string, unknown>>(db, st, cypher);
  return row ?? { nodes: [], edges: [], omittedNodes: 0, omittedEdges: 0 };
}
