/**
 * Child process: the real aidgraph server (createApp from server/app.ts over createDatabase) on a
 * random port, plus one bench-only path, `/__bench/stats`, answering the database round-trip
 * counter (`db.stats.calls`) and this process's memory. Prints `{"port": N, "pid": P}` when ready.
 * Env: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (and any server setting).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/env.ts';
import { createDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/logging/logger.ts';
import { warmUp } from '../../server/repositories/warm-up.ts';
import { drawDefaultOverview } from '../../server/layout/default-overview.ts';

const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', ...process.env, PORT: '0', HOST: '127.0.0.1' });
const logger = createLogger(config.logLevel);
const db = createDatabase(config);
await db.driver.verifyConnectivity({ database: config.neo4j.database });
// As a started server does (server/main.ts), and before reporting ready: the bench measures
// requests, not the planning of the path search on a cold database, nor the drawing of the
// default overview.
await warmUp(db);
const app = createApp({ config, db, logger });
await drawDefaultOverview(app.yoga);

const server = http.createServer((req, res) => {
  if (req.url === '/__bench/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ calls: db.stats.calls, rssMb: process.memoryUsage().rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  app.handle(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, pid: process.pid })}\n`);
});

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void db.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
