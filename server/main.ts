/**
 * The server process: read config, connect, listen, and shut down cleanly on SIGTERM/SIGINT
 * (stop accepting, drain in-flight requests, close the driver).
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config/env.ts';
import { createDatabase, type Database } from './db/database.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { warmUp } from './repositories/warm-up.ts';
import { drawDefaultOverview } from './layout/default-overview.ts';

/** A listening server and how to stop it. */
export interface RunningServer {
  server: Server;
  db: Database;
  url: string;
  close(): Promise<void>;
}

/** Connects to Neo4j (an unreachable database is logged, not fatal: /readyz reports it) and listens. */
export async function runServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const db = createDatabase(config);
  let connected = false;
  try {
    await db.driver.verifyConnectivity({ database: config.neo4j.database });
    logger.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'connected to Neo4j');
    // Curation serialises on this constraint; a database loaded by an older aidgraph lacks it.
    await db.write('CREATE CONSTRAINT curation_lock_key IF NOT EXISTS FOR (n:CurationLock) REQUIRE n.key IS UNIQUE');
    connected = true;
  } catch (error) {
    logger.error({ err: error, uri: config.neo4j.uri }, 'Neo4j is not reachable yet; serving with /readyz = 503 until it is');
  }
  const app = createApp({ config, db, logger });
  // In the background: requests are served meanwhile. The first path search no longer pays for
  // planning, and the explorer's first picture is drawn before anyone opens it.
  if (connected) {
    void warmUp(db)
      .then(
        (ms) => logger.info({ ms: Math.round(ms) }, 'slow statements planned'),
        (error: unknown) => logger.warn({ err: error }, 'warm-up failed (the first requests plan their statements)'),
      )
      .then(() => drawDefaultOverview(app.yoga))
      .then(
        (ms) => logger.info({ ms: Math.round(ms) }, 'default overview drawn'),
        (error: unknown) => logger.warn({ err: error }, 'the default overview could not be drawn (its first visitor waits for it)'),
      );
  }
  const server = createServer(app.handle);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, graphql: `${url}/graphql` }, 'aidgraph is listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      logger.info('shutting down: draining requests');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after the transaction timeout are cut.
        setTimeout(() => server.closeAllConnections(), config.queryTimeoutMs + 1_000).unref();
      });
      await db.close();
      logger.info('stopped');
    })();
    return closing;
  };
  return { server, db, url, close };
}

/** Stops on SIGTERM/SIGINT, running `cleanup` (e.g. stopping an embedded database) last. */
export function stopOnSignals(running: RunningServer, logger: Logger, cleanup: () => Promise<void> = async () => {}): void {
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'signal received');
    void running.close().then(cleanup).then(() => process.exit(0), (error) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}

/** Loads config or exits with the variable's name in the message. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`aidgraph: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const running = await runServer(config, logger);
  stopOnSignals(running, logger);
}
