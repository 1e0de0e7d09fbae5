/** The curation log: :Change nodes, newest first. */
import type { Database } from '../db/database.ts';
import { Statement } from './cypher.ts';

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

/** The newest `first` changes, optionally of one target. */
export async function listChanges(db: Database, targetId: string | null, first: number): Promise<ChangeRow[]> {
  const st = new Statement();
  const target = st.param(targetId);
  const rows = await db.read<{ c: ChangeRow }>(
    `MATCH (c:Change) WHERE ${target} IS NULL OR c.targetId = ${target}
     RETURN c { .id, .who, .at, .operation, .targetId, .before, .after } AS c
     ORDER BY c.at DESC, c.id DESC LIMIT ${st.param(first)}`,
    st.params,
  );
  return rows.map((r) => r.c);
}
