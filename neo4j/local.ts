/**
 * The embedded database as the command-line tools reach it when NEO4J_URI is unset: the same
 * data directory and port `npm start` uses (NEO4J_DATA_DIR, default .data/neo4j; NEO4J_BOLT_PORT,
 * default 7687), so that an analyst never has to look up an address or a password.
 *
 * A Neo4j already running on that directory (`npm start`, `npm run db:start`) is used as it is;
 * otherwise one is started for the tool and stopped when it is done. Offline work (dump, load,
 * bulk import) needs the directory to itself: a background `db:start` instance is stopped and
 * started again around it; one held by another process (`npm start`) is left alone, with a
 * message saying which process holds it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { canConnect, runningEmbedded, startEmbeddedNeo4j, stopPid, type EmbeddedNeo4j, type EmbeddedState } from './embedded.ts';

/** The data directory `npm start` uses. */
export function embeddedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.NEO4J_DATA_DIR || '.data/neo4j');
}

/** The Bolt port `npm start` uses. */
export function embeddedPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NEO4J_BOLT_PORT || '7687';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`NEO4J_BOLT_PORT must be a TCP port, got "${raw}"`);
  return port;
}

/** True when the user database of `dataDir` has store files (it was started or loaded once). */
export function hasUserDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'data', 'databases', 'neo4j'));
}

/** A connection to the embedded database for one tool run. */
export interface EmbeddedConnection {
  uri: string;
  username: string;
  password: string;
  dataDir: string;
  /** True when this run started Neo4j (and `close` stops it). */
  startedHere: boolean;
  /** Stops Neo4j when this run started it; leaves a running one alone. */
  close(): Promise<void>;
}

export interface LocalOptions {
  dataDir?: string;
  log?: (line: string) => void;
}

const say = (options: LocalOptions) => options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

/**
 * Connects to the embedded database: the running one on the data directory, else a Neo4j
 * started for this run (on the usual port when free, else on any free port).
 */
export async function connectEmbedded(options: LocalOptions = {}): Promise<EmbeddedConnection> {
  const log = say(options);
  const dataDir = options.dataDir ?? embeddedDataDir();
  const password = process.env.NEO4J_PASSWORD || 'aidgraph-dev';
  const running = runningEmbedded(dataDir);
  if (running) {
    log(`NEO4J_URI is not set: using the embedded Neo4j already running on ${dataDir} (${running.uri}, pid ${running.pid})`);
    return { uri: running.uri, username: 'neo4j', password, dataDir, startedHere: false, close: async () => {} };
  }
  const wanted = embeddedPort();
  // Something else may listen on the usual port (another checkout's Neo4j): a tool run needs no fixed port.
  const port = wanted !== 0 && (await canConnect(wanted)) ? 0 : wanted;
  log(`NEO4J_URI is not set: starting the embedded Neo4j on ${dataDir} (as npm start does)`);
  const db: EmbeddedNeo4j = await startEmbeddedNeo4j({ port, dataDir, password, log });
  const onExit = () => {
    try {
      process.kill(db.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  return {
    uri: db.uri,
    username: db.username,
    password: db.password,
    dataDir,
    startedHere: true,
    close: async () => {
      process.off('exit', onExit);
      log('stopping the embedded Neo4j');
      await db.stop();
    },
  };
}

/** The database is held by a process this tool must not stop. */
export class DatabaseInUseError extends Error {}

/**
 * Runs `work` while no Neo4j runs on `dataDir`. A background instance of `npm run db:start` is
 * stopped first and started again afterwards (on its port), whether `work` succeeded or not;
 * an instance held by another process makes this throw DatabaseInUseError, naming it.
 */
export async function whileStopped<T>(what: string, work: () => Promise<T>, options: LocalOptions = {}): Promise<T> {
  const log = say(options);
  const dataDir = options.dataDir ?? embeddedDataDir();
  const running: EmbeddedState | undefined = runningEmbedded(dataDir);
  if (running && !running.detached) {
    throw new DatabaseInUseError(
      `${what} needs the embedded database stopped, and Neo4j runs on ${dataDir} (pid ${running.pid}, ${running.uri}, started by pid ${running.startedBy ?? '?'}, e.g. npm start). Stop that process first.`,
    );
  }
  if (running) {
    log(`stopping the background Neo4j (pid ${running.pid}, npm run db:start) for ${what}; it is started again afterwards`);
    await stopPid(running.pid);
  }
  try {
    return await work();
  } finally {
    if (running) {
      const db = await startEmbeddedNeo4j({ port: running.port, dataDir, detached: true, log });
      log(`Neo4j running again: ${db.uri} (pid ${db.pid})`);
    }
  }
}
