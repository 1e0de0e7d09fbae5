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
 * The statement of edges(ids): one branch per allow-listed type so that each reads the type's
 * key index, one for element ids, one for flows; rows in the order of the ids asked.
 */
export function edgesStatement(plan: EdgesByIdPlan): CypherStatement {
  const st = new Statement();
  const byKey = RELATIONSHIP_TYPES.map((t) => `MATCH ()-[r:${t} {key: k}]->() RETURN ${relationshipEdgeProjection('r')} AS edge`);
  // A code constant, as in fundedEdgeProjection.
  const prefix = `'${FUNDED_PREFIX}'`;
  const cypher = `
    UNWIND range(0, size(${st.param(plan.ids)}) - 1) AS i
    WITH i, ${st.param(plan.ids)}[i] AS k
    CALL (k) {
      ${byKey.join('\n      UNION\n      ')}
      UNION
      MATCH (ea:Entity)-[r]->(eb:Entity) WHERE elementId(r) = k
      RETURN ${relationshipEdgeProjection('r')} AS edge
      UNION
      MATCH (fl:Funding {id: CASE WHEN k STARTS WITH ${prefix} THEN substring(k, size(${prefix})) END})
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
