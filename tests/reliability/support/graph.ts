/**
 * Direct access to a drill's database through the loader's own tools: the graph digest
 * (checksum of every node, relationship and property), reset, and loading a data set.
 * The only Cypher of the drills is the read-only count below (served from Neo4j's count store).
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
    reset: async () => { await resetDatabase(driver, database); },
    load: async (dir, reset = false) => { await loadDataset(driver, dir, { database, reset }); },
    restoreSeed: async () => { await loadDataset(driver, SEED_DATA_DIR, { database, reset: true }); },
    close: () => driver.close(),
  };
}
