/**
 * The statements of a path search: the two ends, one breadth-first layer, and the found paths'
 * entities and edges. Each text is the same for every request: every value travels in one map
 * parameter whose entries keep their types (Neo4j keys its plan cache on parameter types, and on
 * the size of top-level strings and lists), so each is planned once.
 */
import { RELATIONSHIP_TYPES } from '../../../domain/relationship-types.ts';
import { Statement, type CypherStatement } from '../cypher.ts';
import { flowOk, relOk, TYPED, type EdgeRefs } from '../edge-filter.ts';
import { fundedEdgeProjection, graphNodeProjection, relationshipEdgeProjection } from '../projection.ts';
import type { PathQuery, ProvenancePlan } from '../plan.ts';
import type { LayerRead } from './search.ts';

/** Whether the ends exist, and their stored degrees (what expanding each costs). */
export function endsStatement(from: string, to: string): CypherStatement {
  const st = new Statement();
  const q = st.param({ from, to });
  const cypher = `
    OPTIONAL MATCH (a:Entity {id: ${q}.from})
    OPTIONAL MATCH (b:Entity {id: ${q}.to})
    RETURN a IS NOT NULL AND b IS NOT NULL AS found, COUNT { (a)--() } AS fromDegree, COUNT { (b)--() } AS toDegree`;
  return st.build(cypher);
}

/**
 * One read of the search (paths/search.ts LayerRead): for each node read, one row per neighbour
 * and type the walk may step to (a flow is a FUNDED step; of parallel ones the largest, then by
 * id; of parallel relationships of one type the first by key), with the neighbour's stored
 * degree. A meet keeps only the neighbours in `into`, before sorting and reading degrees.
 */
export function layerStatement(read: Pick<LayerRead, 'ids' | 'into'>, filter: PathQuery['filter'], excludeIds: readonly string[]): CypherStatement {
  const st = new Statement();
  // Its own parameter, not an entry of the map: Neo4j caches IN over a constant list as a set, and
  // the list can hold thousands of ids. '' (never an id) keeps it a list of strings in a layer too.
  const into = st.param(['', ...(read.into ?? [])]);
  // An open bound is a flag and a placeholder number, read back as null; '' (never an id) keeps
  // the exclusions a list of strings: the types stay the same for every request.
  const f = st.param({
    ids: [...read.ids],
    meet: read.into !== null,
    plain: filter.relTypes === null && filter.funded && filter.yearFrom === null && filter.yearTo === null && filter.minAmountUsd === null,
    relTypes: filter.relTypes ?? RELATIONSHIP_TYPES,
    funded: filter.funded,
    hasFrom: filter.yearFrom !== null,
    yearFrom: filter.yearFrom ?? 0,
    hasTo: filter.yearTo !== null,
    yearTo: filter.yearTo ?? 0,
    hasMin: filter.minAmountUsd !== null,
    minAmountUsd: filter.minAmountUsd ?? 0,
    excludeIds: ['', ...excludeIds],
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
  // A flow is reached over PROVIDED (from its donor) or TO (from its recipient): the relationship's
  // type names the other end's property, so no label or id of the expanded node is read per step.
  // Without a filter (plain) no test runs per relationship.
  const flowTypes = `['PROVIDED', 'TO']`;
  const cypher = `
    UNWIND ${f}.ids AS xid
    MATCH (x:Entity {id: xid})
    CALL (x, xid) {
      MATCH (x)-[r:${TYPED}|PROVIDED|TO]-(m)
      WITH r, m, type(r) AS rt
      WHERE ${f}.plain OR (rt IN ${flowTypes} AND ${f}.funded AND ${flowOk('m', p)}) OR (NOT rt IN ${flowTypes} AND ${relOk('r', p)})
      WITH r, m, rt, CASE rt WHEN 'PROVIDED' THEN m.recipientId WHEN 'TO' THEN m.donorId ELSE m.id END AS yid
      WITH r, m, yid, CASE WHEN rt IN ${flowTypes} THEN 'FUNDED' ELSE rt END AS ty
      WHERE yid <> xid AND NOT yid IN ${f}.excludeIds AND (NOT ${f}.meet OR yid IN ${into})
      WITH yid, ty, r, m ORDER BY CASE WHEN ty = 'FUNDED' THEN -m.amountUsd ELSE 0 END, CASE WHEN ty = 'FUNDED' THEN m.id ELSE coalesce(r.key, elementId(r)) END
      WITH yid, ty, head(collect(CASE WHEN ty = 'FUNDED' THEN 'FUNDED:' + m.id ELSE coalesce(r.key, elementId(r)) END)) AS edge
      MATCH (y:Entity {id: yid})
      RETURN collect([yid, ty, edge, COUNT { (y)--() }]) AS steps
    }
    RETURN xid AS x, steps`;
  return st.build(cypher);
}

/** An edge of a found path: its ends (to find it through the id index) and its id. */
export interface PathEdgeRef {
  x: string;
  y: string;
  edgeId: string;
}

/** The found paths' entities and edges, in the order asked, with the provenance the plan asks for. */
export function pathItemsStatement(nodeIds: readonly string[], edges: readonly PathEdgeRef[], provenance?: ProvenancePlan): CypherStatement {
  const st = new Statement();
  const flowPrefix = `'FUNDED:'`;
  const q = st.param({ nodeIds: ['', ...nodeIds], edges: [{ x: '', y: '', edgeId: '' }, ...edges] });
  const cypher = `
    CALL () {
      UNWIND range(1, size(${q}.nodeIds) - 1) AS i
      MATCH (v:Entity {id: ${q}.nodeIds[i]})
      WITH i, v ORDER BY i
      RETURN collect(${graphNodeProjection('v')}) AS nodes
    }
    CALL () {
      UNWIND range(1, size(${q}.edges) - 1) AS i
      WITH i, ${q}.edges[i] AS e
      CALL (e) {
        WITH e WHERE e.edgeId STARTS WITH ${flowPrefix}
        MATCH (fl:Funding {id: substring(e.edgeId, size(${flowPrefix}))})
        RETURN ${fundedEdgeProjection('fl')} AS edge
        UNION
        WITH e WHERE NOT e.edgeId STARTS WITH ${flowPrefix}
        MATCH (:Entity {id: e.x})-[r]-(:Entity {id: e.y}) WHERE coalesce(r.key, elementId(r)) = e.edgeId
        RETURN ${relationshipEdgeProjection('r')} AS edge
      }
      WITH i, edge ORDER BY i
      RETURN collect(edge) AS edges
    }
    RETURN nodes, edges`;
  return st.build(cypher, provenance);
}
