/** Entities by id in one statement, for a page that lists what its canvas shows with sources. */
import type { Database } from '../db/database.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { entityProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { NodesByIdPlan } from './plan.ts';
import type { EntityRow } from './rows.ts';

/** The statement of nodes(ids): each id through the :Entity id index, rows in the order asked. */
export function nodesStatement(plan: NodesByIdPlan): CypherStatement {
  const st = new Statement();
  const cypher = `
    WITH ${st.param(plan.ids)} AS ids
    UNWIND range(0, size(ids) - 1) AS i
    MATCH (n:Entity {id: ids[i]})
    WITH i, n ORDER BY i
    RETURN collect(${entityProjection(st, 'n', plan.entity)}) AS nodes`;
  return st.build(cypher, plan.provenance);
}

/** Entities by id, in the order asked; ids that name nothing are left out. */
export async function nodesById(db: Database, plan: NodesByIdPlan): Promise<EntityRow[]> {
  const [row] = await readRows<{ nodes: EntityRow[] }>(db, nodesStatement(plan));
  return row?.nodes ?? [];
}
