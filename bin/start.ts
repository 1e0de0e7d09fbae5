/**
 * `npm start`: runs aidgraph at http://localhost:4000. This is the one place that wires the rooms
 * together (database, seed data, server), so that neither server/ nor seed/ imports the other. When NEO4J_URI is unset it starts the
 * embedded Neo4j (data kept in .data/neo4j) and stops it on exit; it builds the page when
 * web/dist is missing and seeds an empty database.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger } from '../server/logging/logger.ts';
import { loadConfigOrExit, runServer, stopOnSignals } from '../server/main.ts';
import { startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { seedIfEmpty } from '../seed/seed-if-empty.ts';

const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
let stopDatabase = async () => {};

if (!process.env.NEO4J_URI) {
  // Check the rest of the configuration (the editors file among it) before the minute an
  // embedded start takes: a bad value stops here, with its message, not after Neo4j is up.
  loadConfigOrExit({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: process.env.NEO4J_PASSWORD || 'not-yet-known' });
  const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  logger.info({ port }, 'NEO4J_URI is not set: starting the embedded Neo4j');
  const embedded = await startEmbeddedNeo4j({ port, dataDir: resolve(process.env.NEO4J_DATA_DIR ?? '.data/neo4j') });
  Object.assign(process.env, { NEO4J_URI: embedded.uri, NEO4J_USERNAME: embedded.username, NEO4J_PASSWORD: embedded.password });
  stopDatabase = () => embedded.stop();
  process.once('exit', () => { try { process.kill(embedded.pid, 'SIGTERM'); } catch { /* already gone */ } });
}

const config = loadConfigOrExit();
if (!existsSync(resolve(config.webDir, 'index.html'))) {
  logger.info('building the web page (npm run build)');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) logger.error('the web build failed: the API still runs, the page will not');
}

const seeding = await seedIfEmpty(config.neo4j, logger);
// The explorer does not need the key indexes: the server starts while they come online.
seeding.indexed.then(
  () => { if (seeding.loaded) logger.info('relationship key indexes online'); },
  (error: Error) => logger.error({ err: error }, 'the relationship key indexes could not be created; reloads will be slower'),
);
const running = await runServer(config, logger);
stopOnSignals(running, logger, stopDatabase);
