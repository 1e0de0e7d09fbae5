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
import { cpuSeconds, peakRssMb, resetPeakRss } from './proc.ts';

/** Where and how the bench's Neo4j runs, for a step that works on its store while it is stopped. */
export interface OfflineStore {
  dataDir: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
}

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
  /** Stops an own instance and deletes its store, unless `keepStore` (a run to resume later). */
  stop(keepStore?: boolean): Promise<void>;
  /** CPU seconds used by the Neo4j JVM so far (own instance only). */
  cpuSeconds(): number | null;
  /** Peak RSS of the Neo4j JVMs of the whole run, across restarts (own instance only). */
  peakRssMb(): number | null;
  /** Starts a phase: the JVM's peak RSS is measured afresh from here (own instance only). */
  beginPhase(): void;
  /** Peak RSS of the Neo4j JVMs since beginPhase (own instance only). */
  phasePeakRssMb(): number | null;
  /**
   * Stops Neo4j, empties its store, runs `work` on the stopped store (an offline import), then
   * starts Neo4j on what `work` left. Own instance only: throws for an external database.
   */
  replaceStore<T>(work: (store: OfflineStore) => Promise<T>): Promise<T>;
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
  /** Start on the store already in `dataDir` (a resumed run) instead of an empty one. */
  reuseStore?: boolean;
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
      beginPhase: () => undefined,
      phasePeakRssMb: () => null,
      replaceStore: () => Promise.reject(new Error('an offline import needs the bench\'s own Neo4j, not NEO4J_URI')),
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
  if (!options.reuseStore) rmSync(options.dataDir, { recursive: true, force: true });
  let current: EmbeddedNeo4j = await start();
  // VmHWM is per process: the peaks of JVMs already stopped are kept here.
  let runPeak: number | null = null;
  let phasePeak: number | null = null;
  const noteJvm = () => {
    const v = peakRssMb(current.pid);
    if (v === null) return;
    if (runPeak === null || v > runPeak) runPeak = v;
    if (phasePeak === null || v > phasePeak) phasePeak = v;
  };
  const restart = async (emptyFirst: boolean, between?: () => Promise<void>) => {
    noteJvm();
    await current.stop();
    if (emptyFirst) rmSync(options.dataDir, { recursive: true, force: true });
    try {
      await between?.();
    } finally {
      current = await startEmbeddedNeo4j({
        port: current.port, dataDir: options.dataDir, heapMb: options.heapMb, pageCacheMb: options.pageCacheMb, log: options.log,
      });
      handle.uri = current.uri;
    }
  };
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
      await restart(true);
    },
    async replaceStore(work) {
      let result: Awaited<ReturnType<typeof work>> | undefined;
      await restart(true, async () => {
        result = await work({ dataDir: options.dataDir, port: current.port, heapMb: options.heapMb, pageCacheMb: options.pageCacheMb });
      });
      return result!;
    },
    async stop(keepStore = false) {
      noteJvm();
      await current.stop();
      if (!keepStore) rmSync(options.dataDir, { recursive: true, force: true });
    },
    cpuSeconds: () => cpuSeconds(current.pid),
    peakRssMb: () => {
      noteJvm();
      return runPeak;
    },
    beginPhase() {
      noteJvm();
      phasePeak = null;
      // Without the reset (not permitted), the phase's peak is the JVM's peak since it started.
      resetPeakRss(current.pid);
    },
    phasePeakRssMb: () => {
      noteJvm();
      return phasePeak;
    },
    env: () => ({ NEO4J_URI: handle.uri, NEO4J_USERNAME: handle.username, NEO4J_PASSWORD: handle.password, NEO4J_DATABASE: database }),
  };
  return handle;
}
