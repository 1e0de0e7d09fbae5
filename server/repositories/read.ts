/** Runs a built read statement and returns its rows with provenance decoded. */
import type { CypherStatement } from './cypher.ts';
import { decodeRows } from './citations.ts';

/** The part of the database a read needs. */
export interface Reader {
  read<R extends Record<string, unknown>>(cypher: string, params?: Record<string, unknown>, options?: { timeoutMs?: number }): Promise<R[]>;
}

/**
 * One round trip. The rows' shape is the statement's RETURN, declared by the caller's `T`: the
 * driver cannot check it, the snapshot tests of the statements and the API tests do.
 */
export async function readRows<T>(db: Reader, statement: CypherStatement, options?: { timeoutMs?: number }): Promise<T[]> {
  const rows = await db.read(statement.cypher, statement.params, options);
  decodeRows(rows);
  return rows as unknown as T[];
}
