/** The per-request context of resolvers: database, configuration and who is calling. */
import type { Config } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import { authenticate, type Auth } from './auth.ts';

export interface GraphQLContext {
  db: Database;
  config: Config;
  logger: Logger;
  auth: Auth;
}

/** Builds the context of one request. */
export function createContext(deps: { db: Database; config: Config; logger: Logger }, request: Request): GraphQLContext {
  return { ...deps, auth: authenticate(deps.config.adminToken, request.headers) };
}
