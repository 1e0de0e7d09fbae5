/** The curation log: :Change nodes, newest first. */
import type { Database } from '../db/database.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { readRows } from './read.ts';
import type { ChangesPlan } from './plan.ts';

/** A raw change record. */
export interface ChangeRow {
  id: string;
  who: string;
  at: string;
  operation: string;
  targetId: string;
  before: string | null;
  after: string | null;
}

/** The statement of changes: the target condition only when a target is given. */
export function changesStatement(plan: ChangesPlan): CypherStatement {
  const st = new Statement();
  const where = plan.targetId === null ? '' : ` WHERE c.targetId = ${st.param(plan.targetId)}`;
  return st.build(`MATCH (c:Change)${where}
     RETURN c { .id, .who, .at, .operation, .targetId, .before, .after } AS c
     ORDER BY c.at DESC, c.id DESC LIMIT ${st.param(plan.first)}`);
}

/** The newest changes, optionally of one target. */
export async function listChanges(db: Database, plan: ChangesPlan): Promise<ChangeRow[]> {
  const rows = await readRows<{ c: ChangeRow }>(db, changesStatement(plan));
  return rows.map((r) => r.c);
}
