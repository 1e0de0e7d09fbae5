/**
 * The database schema the loader (and the API) rely on: uniqueness constraints on `id`, the
 * full-text index `entity_search`, range indexes for the API's filters, and one index on `key`
 * per relationship type so that a relationship is found by its record id. All statements are
 * idempotent (IF NOT EXISTS); `ensureSchema` waits until every index is online.
 */
import type { Driver } from 'neo4j-driver';
import { RELATIONSHIP_TYPES } from '../domain/relationship-types.ts';

/** Constraint and index statements, in the order they run. Names are stable. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT funding_id IF NOT EXISTS FOR (n:Funding) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE',
  // Curation serialises concurrent writes to one record on a short-lived lock node (see server/repositories/curation.ts).
  'CREATE CONSTRAINT curation_lock_key IF NOT EXISTS FOR (n:CurationLock) REQUIRE n.key IS UNIQUE',
  'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Actor|Authority|Event) ON EACH [n.name, n.aliasText, n.description]',
  'CREATE INDEX funding_fy_start IF NOT EXISTS FOR (n:Funding) ON (n.fyStart)',
  'CREATE INDEX funding_donor_id IF NOT EXISTS FOR (n:Funding) ON (n.donorId)',
  'CREATE INDEX funding_recipient_id IF NOT EXISTS FOR (n:Funding) ON (n.recipientId)',
  'CREATE INDEX funding_authority_id IF NOT EXISTS FOR (n:Funding) ON (n.authorityId)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)',
  'CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country)',
  // Types come from the allow-list constant, never from input.
  ...RELATIONSHIP_TYPES.map((t) => `CREATE INDEX rel_key_${t.toLowerCase()} IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.key)`),
];

/** The name a schema statement creates (every statement names its constraint or index). */
export function schemaName(statement: string): string {
  const match = /^CREATE (?:CONSTRAINT|FULLTEXT INDEX|INDEX) (\w+) /.exec(statement);
  if (!match) throw new Error(`schema statement without a name: ${statement}`);
  return match[1];
}

/**
 * Creates every constraint and index that is missing, then waits (up to `timeoutS`) until all are
 * online. Existing names are read first and the missing statements run in one schema
 * transaction: on a cold database each schema transaction costs a commit and a plan, and a
 * reload usually has nothing to create.
 */
export async function ensureSchema(driver: Driver, database: string, timeoutS = 300): Promise<void> {
  const session = driver.session({ database });
  try {
    const existing = new Set((await session.run('SHOW INDEXES YIELD name RETURN name')).records.map((r) => r.get('name') as string));
    for (const r of (await session.run('SHOW CONSTRAINTS YIELD name RETURN name')).records) existing.add(r.get('name') as string);
    const missing = SCHEMA_STATEMENTS.filter((statement) => !existing.has(schemaName(statement)));
    if (missing.length === 0) return;
    await session.executeWrite(async (tx) => {
      for (const statement of missing) await tx.run(statement);
    });
    await session.run('CALL db.awaitIndexes($timeout)', { timeout: timeoutS });
  } finally {
    await session.close();
  }
}
