/**
 * The Neo4j the benchmarks run against, with a "fresh database" reset between runs.
 * - Own instance (default): the embedded launcher on the given port and data dir; a reset stops
 *   it, deletes the data dir and starts it again (a truly empty store, no leftover pages), or,
 *   in 'wipe' mode, deletes everything by queries.
 * - External (NEO4J_URI set): a reset deletes every node in batches and drops every constraint
 *   and index. Never point it at a database whose data you want to keep.
 */
import { rmSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { canConnect, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../neo4j/embedded.ts';
import { cpuSeconds, peakRssMb } from './proc.ts';

/** Connection details and controls of the bench database. */
export interface BenchNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** True when the bench started (and may wipe) this instance. */
  own: boolean;
  /** Empties the database (see the module comment). */
  reset(): Promise<void>;
  stop(): Promise<void>;
  /** CPU seconds used by the Neo4j JVM so far (own instance only). */
  cpuSeconds(): number | null;
  /** Peak RSS of the Neo4j JVM (own instance only). */
  peakRssMb(): number | null;
  /** Environment for children: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE. */
  env(): NodeJS.ProcessEnv;
}

/** Options of {@link openBenchNeo4j}. */
export interface BenchNeo4jOptions {
  port: number;
  dataDir: string;
  heapMb: number;
  pageCacheMb: number;
  /**
   * How an own instance is reset: 'restart' (stop, delete the store, start: a pristine store,
   * used for M and L) or 'wipe' (delete by queries: seconds instead of a JVM start, for S).
   */
  resetMode: 'restart' | 'wipe';
  /** An existing database to use (and wipe) instead of an own instance. */
  external?: { uri: string; username: string; password: string; database: string };
  log: (line: string) => void;
}

/** Wipes a database by queries: nodes in batches, then constraints and indexes. */
export async function wipeDatabase(uri: string, username: string, password: string, database: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
  try {
    const session = driver.session({ database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
    const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name', {}, { database });
    for (const r of constraints.records) await driver.executeQuery(`DROP CONSTRAINT \`${String(r.get('name')).replace(/`/g, '')}\``, {}, { database });
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", {}, { database });
    for (const r of indexes.records) await driver.executeQuery(`DROP INDEX \`${String(r.get('name')).replace(/`/g, '')}\``, {}, { database });
  } finally {
    await driver.close();
  }
}

/** Opens the bench database: `options.external` when given, otherwise an own embedded instance. */
export async function openBenchNeo4j(options: BenchNeo4jOptions): Promise<BenchNeo4j> {
  const database = options.external?.database ?? 'neo4j';
  if (options.external) {
    const { uri: external, username, password } = options.external;
    return {
      uri: external,
      username,
      password,
      database,
      own: false,
      reset: () => wipeDatabase(external, username, password, database),
      stop: async () => undefined,
      cpuSeconds: () => null,
      peakRssMb: () => null,
      env: () => ({ NEO4J_URI: external, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database }),
    };
  }
  if (options.port !== 0 && (await canConnect(options.port))) {
    throw new Error(
      `port ${options.port} is already in use: stop that Neo4j (npm run db:stop -- --data DIR), pick --port, ` +
        'or set NEO4J_URI to benchmark an existing database (it will be wiped)',
    );
  }
  const start = () =>
    startEmbeddedNeo4j({ port: options.port, dataDir: options.dataDir, heapMb: options.heapMb, pageCacheMb: options.pageCacheMb, log: options.log });
  rmSync(options.dataDir, { recursive: true, force: true });
  let current: EmbeddedNeo4j = await start();
  const handle: BenchNeo4j = {
    uri: current.uri,
    username: current.username,
    password: current.password,
    database,
    own: true,
    async reset() {
      if (options.resetMode === 'wipe') {
        await wipeDatabase(handle.uri, handle.username, handle.password, database);
        return;
      }
      await current.stop();
      rmSync(options.dataDir, { recursive: true, force: true });
      current = await startEmbeddedNeo4j({
        port: current.port, dataDir: options.dataDir, heapMb: options.heapMb, pageCacheMb: options.pageCacheMb, log: options.log,
      });
      handle.uri = current.uri;
    },
    async stop() {
      await current.stop();
      rmSync(options.dataDir, { recursive: true, force: true });
    },
    cpuSeconds: () => cpuSeconds(current.pid),
    peakRssMb: () => peakRssMb(current.pid),
    env: () => ({ NEO4J_URI: handle.uri, NEO4J_USERNAME: handle.username, NEO4J_PASSWORD: handle.password, NEO4J_DATABASE: database }),
  };
  return handle;
}
