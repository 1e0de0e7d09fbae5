/**
 * After the offline import: the constraints and indexes (store/schema.ts, as every load creates
 * them) and the empty lists the importer could not write (write-csv.ts).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ensureSchema } from '../../store/schema.ts';
import type { EmptyLists } from './write-csv.ts';

/** Plain property names only: they are spliced into the statements below. */
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;
const LABELS = new Set(['Source', 'Entity', 'Funding', 'Change']);

export async function finishBulkLoad(driver: Driver, database: string, empty: EmptyLists): Promise<{ schemaMs: number; listsMs: number }> {
  const started = Date.now();
  await ensureSchema(driver, database);
  const schemaMs = Date.now() - started;
  const session = driver.session({ database });
  try {
    for (const { label, property } of empty.nodes) {
      // CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.run.
      await session.run(nodeListFill(label, property), { size: neo4j.int(10_000) });
    }
    for (const property of empty.relationships) {
      await session.run(relationshipListFill(property), { size: neo4j.int(10_000) });
    }
  } finally {
    await session.close();
  }
  return { schemaMs, listsMs: Date.now() - started - schemaMs };
}

/** Sets an empty list where the importer left a list property out; label and name from the allow-list only. */
function nodeListFill(label: string, property: string): string {
  if (!LABELS.has(label) || !PROPERTY.test(property)) throw new Error(`unexpected list property ${label}.${property}`);
  return `MATCH (n:${label}) WHERE n.${property} IS NULL CALL (n) { SET n.${property} = [] } IN TRANSACTIONS OF $size ROWS`;
}

/** The same for relationship properties. */
function relationshipListFill(property: string): string {
  if (!PROPERTY.test(property)) throw new Error(`unexpected list property ${property}`);
  return `MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL AND r.${property} IS NULL CALL (r) { SET r.${property} = [] } IN TRANSACTIONS OF $size ROWS`;
}
