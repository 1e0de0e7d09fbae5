/**
 * Single items by id for the details panel: edges as the canvas names them (a relationship's
 * key or element id, `FUNDED:<flow id>` for a flow) and funding flows, each in one round trip.
 */
import type { Database } from '../db/database.ts';
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { flowProjection, fundedEdgeProjection, relationshipEdgeProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { EdgesByIdPlan, FlowLookupPlan } from './plan.ts';
import type { EdgeRow, FlowRow } from './rows.ts';

/** The prefix of a flow's edge id (see fundedEdgeProjection). */
const FUNDED_PREFIX = 'FUNDED:';

/**
 * The statement of edges(ids), rows in the order of the ids asked. A derived key
 * (TYPE:from:to:start) names its ends, so it is found from them through the id index; a flow's
 * edge through the flow's id; any other id (a record's own id, an element id) by reading the
 * relationships between entities, which only ids of that form pay for.
 */
export function edgesStatement(plan: EdgesByIdPlan): CypherStatement {
  const st = new Statement();
  // A code constant, as in fundedEdgeProjection.
  const prefix = `'${FUNDED_PREFIX}'`;
  const typed = st.param(RELATIONSHIP_TYPES);
  const derived = `(size(parts) = 4 AND parts[0] IN ${typed})`;
  const cypher = `
    WITH ${st.param(plan.ids)} AS ids
    UNWIND range(0, size(ids) - 1) AS i
    WITH i, ids[i] AS k, split(ids[i], ':') AS parts
    CALL (k, parts) {
      WITH k, parts WHERE ${derived}
      MATCH (ea:Entity {id: parts[1]})-[r]->(eb:Entity {id: parts[2]}) WHERE r.key = k
      RETURN ${relationshipEdgeProjection('r')} AS edge
      UNION
      WITH k, parts WHERE NOT ${derived} AND NOT k STARTS WITH ${prefix}
      MATCH (ea:Entity)-[r]->(eb:Entity) WHERE r.key = k OR elementId(r) = k
      RETURN ${relationshipEdgeProjection('r')} AS edge
      UNION
      WITH k WHERE k STARTS WITH ${prefix}
      MATCH (fl:Funding {id: substring(k, size(${prefix}))})
      RETURN ${fundedEdgeProjection('fl')} AS edge
    }
    WITH i, edge ORDER BY i
    RETURN collect(edge) AS edges`;
  return st.build(cypher, plan.provenance);
}

/** Edges by id, in the order asked; ids that name nothing are left out. */
export async function edgesById(db: Database, plan: EdgesByIdPlan): Promise<EdgeRow[]> {
  const [row] = await readRows<{ edges: EdgeRow[] }>(db, edgesStatement(plan));
  return row?.edges ?? [];
}

/** The statement of fundingFlow(id). */
export function flowStatement(plan: FlowLookupPlan): CypherStatement {
  const st = new Statement();
  const cypher = `MATCH (f:Funding {id: ${st.param(plan.id)}}) RETURN ${flowProjection(st, 'f', plan.flow)} AS flow`;
  return st.build(cypher, plan.provenance);
}

/** A funding flow by id; null when there is none. */
export async function flowById(db: Database, plan: FlowLookupPlan): Promise<FlowRow | null> {
  const [row] = await readRows<{ flow: FlowRow }>(db, flowStatement(plan));
  return row?.flow ?? null;
}
