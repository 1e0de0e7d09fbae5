/**
 * Wipes the database in batches (CALL ... IN TRANSACTIONS), relationships first so that no
 * transaction has to detach a dense node at once. Constraints and indexes stay.
 */
import neo4j, { type Driver } from 'neo4j-driver';

/** What a reset removed. */
export interface ResetCounts {
  nodes: number;
  relationships: number;
}

/** Deletes every relationship and node of `database`, `batchSize` per inner transaction. */
export async function resetDatabase(driver: Driver, database: string, batchSize = 10_000): Promise<ResetCounts> {
  const session = driver.session({ database });
  try {
    const counts = await session.run('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
    const nodes = Number(counts.records[0].get('nodes'));
    const relationships = Number(counts.records[0].get('relationships'));
    // CALL { } IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $size ROWS', { size: neo4j.int(batchSize) });
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF $size ROWS', { size: neo4j.int(batchSize) });
    return { nodes, relationships };
  } finally {
    await session.close();
  }
}
