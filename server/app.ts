/**
 * The HTTP application, built apart from the listener: /graphql (yoga), /healthz, /readyz and
 * the web page at /. `server/main.ts` only reads config, connects, listens and shuts down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Config } from './config/env.ts';
import type { Database } from './db/database.ts';
import { createStaticHandler } from './http/static-files.ts';
import { createGraphQLHandler } from './http/yoga.ts';
import type { Logger } from './logging/logger.ts';

/** What the app needs from the outside. */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
}

/** The request listener plus what main.ts and tests need to reach. */
export interface App {
  handle(req: IncomingMessage, res: ServerResponse): void;
  yoga: ReturnType<typeof createGraphQLHandler>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Builds the app; nothing listens until main.ts (or a test) passes `handle` to an http server. */
export function createApp({ config, db, logger }: AppDeps): App {
  const yoga = createGraphQLHandler({ db, config, logger: logger.child({ component: 'graphql' }) });
  const serveStatic = createStaticHandler(resolve(config.webDir), { sourceMaps: config.nodeEnv !== 'production' });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/healthz') return json(res, 200, { status: 'ok' });
    if (pathname === '/readyz') {
      void db.ping().then((ok) => json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable', neo4j: ok ? 'up' : 'down' }));
      return;
    }
    if (pathname === '/graphql' || pathname.startsWith('/graphql/')) {
      void yoga(req, res);
      return;
    }
    if (serveStatic(req, res)) return;
    json(res, 404, { error: 'not found' });
  };

  return { handle, yoga };
}
