/**
 * Direct access to a drill's database through the loader's own tools: the graph digest
 * (checksum of every node, relationship and property), reset, and loading a data set.
 * The drills' own Cypher is limited to read-only checks (counts, funding integrity) and
 * `dropConstraint`, which makes a database look like one loaded by an older version.
 */
import type { Driver } from 'neo4j-driver';
import { connectionFromEnv, createLoaderDriver } from '../../../seed/loader/connection.ts';
import { graphDigest, loadDataset, resetDatabase, type GraphDigest } from '../../../seed/loader/index.ts';
import { SEED_DATA_DIR } from '../../../seed/seed-if-empty.ts';

export type { GraphDigest };

/** A database handle of a drill. */
export interface DrillGraph {
  driver: Driver;
  database: string;
  digest(): Promise<GraphDigest>;
  /** Node and relationship counts, cheap enough to poll while an import runs. */
  counts(): Promise<{ nodes: number; relationships: number }>;
  /**
   * Integrity of funding flows whose id starts with `prefix`: each must have exactly one PROVIDED
   * edge from its donorId, one TO edge to its recipientId, and no PART_OF cycle. Returns the
   * violations, as text.
   */
  fundingViolations(prefix: string): Promise<string[]>;
  /** Drops a constraint by name (to simulate a database loaded before it existed); the next load re-creates it. */
  dropConstraint(name: string): Promise<void>;
  /** Wipes every node and relationship (constraints stay). */
  reset(): Promise<void>;
  /** Loads a data set folder in-process. */
  load(dir: string, reset?: boolean): Promise<void>;
  /** Puts the article seed back (wipe, then load seed/data): what the global setup left. */
  restoreSeed(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database named by `env` (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE). */
export function openGraph(env: Record<string, string | undefined> = process.env): DrillGraph {
  const settings = connectionFromEnv({ ...process.env, ...env });
  const driver = createLoaderDriver(settings);
  const database = settings.database;
  return {
    driver,
    database,
    digest: () => graphDigest(driver, database),
    async counts() {
      const { records } = await driver.executeQuery(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
        {},
        { database, routing: 'READ' },
      );
      return { nodes: Number(records[0].get('nodes')), relationships: Number(records[0].get('relationships')) };
    },
    async fundingViolations(prefix) {
      const { records } = await driver.executeQuery(
        `MATCH (f:Funding) WHERE f.id STARTS WITH $prefix
         RETURN f.id AS id, f.donorId AS donorId, f.recipientId AS recipientId,
                [(d)-[:PROVIDED]->(f) | d.id] AS donors, [(f)-[:TO]->(r) | r.id] AS recipients,
                EXISTS { (f)-[:PART_OF*1..50]->(f) } AS cycle`,
        { prefix },
        { database, routing: 'READ' },
      );
      const problems: string[] = [];
      for (const r of records) {
        const id = r.get('id') as string;
        const donors = r.get('donors') as string[];
        const recipients = r.get('recipients') as string[];
        if (donors.length !== 1 || donors[0] !== r.get('donorId')) problems.push(`${id}: donorId ${r.get('donorId')} but PROVIDED from [${donors}]`);
        if (recipients.length !== 1 || recipients[0] !== r.get('recipientId')) problems.push(`${id}: recipientId ${r.get('recipientId')} but TO [${recipients}]`);
        if (r.get('cycle')) problems.push(`${id}: is part of itself through PART_OF`);
      }
      return problems;
    },
    async dropConstraint(name) {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`not a constraint name: ${name}`);
      await driver.executeQuery(`DROP CONSTRAINT ${name} IF EXISTS`, {}, { database });
    },
    reset: async () => { await resetDatabase(driver, database); },
    load: async (dir, reset = false) => { await loadDataset(driver, dir, { database, reset }); },
    restoreSeed: async () => { await loadDataset(driver, SEED_DATA_DIR, { database, reset: true }); },
    close: () => driver.close(),
  };
}
