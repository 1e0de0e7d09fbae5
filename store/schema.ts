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

/** Creates every constraint and index that is missing, then waits (up to `timeoutS`) until all are online. */
export async function ensureSchema(driver: Driver, database: string, timeoutS = 300): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes($timeout)', { timeout: timeoutS });
  } finally {
    await session.close();
  }
}
