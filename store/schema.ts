/**
 * The database schema the loader (and the API) rely on: uniqueness constraints on `id`, the
 * full-text index `entity_search`, range indexes for the API's filters, and one index on `key`
 * per relationship type so that a relationship is found by its record id. All statements are
 * idempotent (IF NOT EXISTS); `ensureSchema` waits until every index is online.
 */
import type { Driver, Session } from 'neo4j-driver';
import { RELATIONSHIP_TYPES } from '../domain/relationship-types.ts';

/**
 * What reads and writes rely on: uniqueness constraints (MERGE on `id`), the full-text index and
 * the API's range indexes. Names are stable.
 */
export const SERVING_SCHEMA: readonly string[] = [
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
];

/**
 * One index on `key` per relationship type: a reload finds a stored relationship by its record
 * key with them (store/write-statements.ts). No API read uses them, so a first load creates them
 * after its writes (46 statements: 0.8 s on a cold database). Types come from the allow-list
 * constant, never from input.
 */
export const KEY_INDEXES: readonly string[] = RELATIONSHIP_TYPES.map(
  (t) => `CREATE INDEX rel_key_${t.toLowerCase()} IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.key)`,
);

/** Every constraint and index, in the order they run. */
export const SCHEMA_STATEMENTS: readonly string[] = [...SERVING_SCHEMA, ...KEY_INDEXES];

/** The name a schema statement creates (every statement names its constraint or index). */
export function schemaName(statement: string): string {
  const match = /^CREATE (?:CONSTRAINT|FULLTEXT INDEX|INDEX) (\w+) /.exec(statement);
  if (!match) throw new Error(`schema statement without a name: ${statement}`);
  return match[1];
}

/** Every index with its state; a uniqueness constraint's backing index carries the constraint's name. */
const SHOW_INDEXES = 'SHOW INDEXES YIELD name, state RETURN name, state';

/** How often the states are read while indexes come online. */
const POLL_MS = 20;

/**
 * Schema work under way: `sent` once Neo4j has every statement; `committed` once the constraints
 * hold (a uniqueness constraint is enforced from its commit on, so writes may start); `online`
 * once every index has been populated.
 */
export interface SchemaWork {
  sent: Promise<void>;
  committed: Promise<void>;
  online: Promise<void>;
}

/**
 * Creates each of `statements` (default: all) that is missing, then waits (up to `timeoutS`) until all are
 * online. Existing names are read first and the missing statements run in one schema
 * transaction: on a cold database each schema transaction costs a commit and a plan, and a
 * reload usually has nothing to create. The statements are sent at once (the driver pipelines
 * them), so that Neo4j works through them while the caller does something else after `sent`.
 */
export function startSchema(driver: Driver, database: string, statements: readonly string[] = SCHEMA_STATEMENTS, timeoutS = 300): SchemaWork {
  let markSent = () => {};
  const sent = new Promise<void>((resolve) => { markSent = resolve; });
  const session = driver.session({ database });
  const committed = (async () => {
    try {
      const existing = new Set((await session.run(SHOW_INDEXES)).records.map((r) => r.get('name') as string));
      const missing = statements.filter((statement) => !existing.has(schemaName(statement)));
      if (missing.length === 0) return;
      await session.executeWrite(async (tx) => {
        const runs = missing.map((statement) => tx.run(statement));
        markSent();
        await Promise.all(runs);
      });
    } finally {
      markSent();
    }
  })();
  const online = committed.then(() => awaitOnline(session, timeoutS)).finally(() => session.close());
  // Failures are the caller's once it awaits them; until then they must not count as unhandled.
  committed.catch(() => undefined);
  online.catch(() => undefined);
  return { sent, committed, online };
}

/** Creates what is missing and waits until every index is online (see startSchema). */
export function ensureSchema(driver: Driver, database: string, timeoutS = 300): Promise<void> {
  return startSchema(driver, database, SCHEMA_STATEMENTS, timeoutS).online;
}

/**
 * Reads the index states until all are online. Used instead of db.awaitIndexes, which on a
 * freshly created schema waited seconds for indexes of an empty store (it checks them one by one
 * with a pause); a failed index stops the wait with its name.
 */
async function awaitOnline(session: Session, timeoutS: number): Promise<void> {
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const states = (await session.run(SHOW_INDEXES)).records.map((r) => ({ name: r.get('name') as string, state: r.get('state') as string }));
    const failed = states.find((s) => s.state === 'FAILED');
    if (failed) throw new Error(`index ${failed.name} failed to populate (SHOW INDEXES for the reason)`);
    const waiting = states.filter((s) => s.state !== 'ONLINE');
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw new Error(`indexes not online after ${timeoutS} s: ${waiting.map((s) => s.name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
