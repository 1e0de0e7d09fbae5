/**
 * The drills' own Neo4j: an embedded instance with a fixed data directory and port, so it can be
 * stopped (cleanly or with SIGKILL) and started again on the same port and data, like a database
 * server restarting under a running aidgraph. Never the shared test database.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../../neo4j/embedded.ts';

/**
 * Where the drills keep generated data sets and cached databases, shared between runs (guarded
 * by locks where written; see m-dataset.ts).
 */
export const RELIABILITY_DIR = process.env.AIDGRAPH_RELIABILITY_DIR ?? join(tmpdir(), 'aidgraph-reliability');

/** A fresh directory of this process only: two runs on one machine (CI beside a developer) never share a database. */
export function privateDir(name: string): string {
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  return mkdtempSync(join(RELIABILITY_DIR, `${name}-`));
}

/** Options of {@link ownNeo4j}. */
export interface OwnNeo4jOptions {
  /** Prefix of a fresh private data directory under RELIABILITY_DIR (see privateDir). */
  name?: string;
  /** Or an existing data directory to reuse (the caller must hold its lock). */
  dataDir?: string;
  /** Bolt port; default a free one, kept for every restart. */
  port?: number;
  heapMb?: number;
  pageCacheMb?: number;
}

/** A restartable Neo4j owned by one drill. */
export interface OwnNeo4j {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly port: number;
  readonly dataDir: string;
  /** True while the JVM runs. */
  readonly running: boolean;
  /** pid of the running JVM (-1 when stopped). */
  readonly pid: number;
  /** Starts the JVM on the same port and data; resolves when Bolt is ready. Returns the ms it took. */
  start(): Promise<number>;
  /** Clean stop (SIGTERM, wait for exit). Returns the ms it took. */
  stop(): Promise<number>;
  /** Crash: SIGKILL the JVM and wait until the port is closed. */
  kill(): Promise<void>;
  /** Stops (and removes the data directory when `remove`). */
  dispose(remove?: boolean): Promise<void>;
  /** Environment overrides for testConfig() that point a server at this instance. */
  env(): Record<string, string>;
}

const quiet = (line: string) => {
  if (process.env.AIDGRAPH_DRILL_VERBOSE) process.stderr.write(`${line}\n`);
};

/** Creates (and starts) an own Neo4j instance. */
export async function ownNeo4j(options: OwnNeo4jOptions): Promise<OwnNeo4j> {
  const dataDir = options.dataDir ?? privateDir(options.name ?? 'neo4j');
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  let current: EmbeddedNeo4j | undefined;

  const start = async () => {
    if (current) throw new Error('own Neo4j is already running');
    const began = performance.now();
    current = await startEmbeddedNeo4j({
      port,
      dataDir,
      ephemeral: false,
      heapMb: options.heapMb,
      pageCacheMb: options.pageCacheMb,
      log: quiet,
    });
    return performance.now() - began;
  };

  const handle: OwnNeo4j = {
    uri: `bolt://127.0.0.1:${port}`,
    username: 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'aidgraph-dev',
    port,
    dataDir,
    get running() { return current !== undefined; },
    get pid() { return current?.pid ?? -1; },
    start,
    async stop() {
      const began = performance.now();
      const running = current;
      current = undefined;
      await running?.stop();
      return performance.now() - began;
    },
    async kill() {
      const running = current;
      current = undefined;
      if (!running) return;
      process.kill(running.pid, 'SIGKILL');
      await waitForExit(running.pid);
    },
    async dispose(remove = false) {
      await handle.stop();
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
    env: () => ({ NEO4J_URI: handle.uri, NEO4J_USERNAME: handle.username, NEO4J_PASSWORD: handle.password }),
  };
  await start();
  return handle;
}

/** Resolves when the process `pid` no longer exists (polls: it is not our direct child handle). */
async function waitForExit(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
