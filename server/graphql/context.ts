/** The per-request context of resolvers: database, configuration and who is calling. */
import type { Config } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { NetworkLayouts } from '../layout/network-layouts.ts';
import { authenticate, type Auth } from './auth.ts';

export interface GraphQLContext {
  db: Database;
  config: Config;
  logger: Logger;
  layouts: NetworkLayouts;
  auth: Auth;
}

/** Builds the context of one request. */
export function createContext(deps: Omit<GraphQLContext, 'auth'>, request: Request): GraphQLContext {
  const auth = authenticate(deps.config, request.headers);
  // The caller only hears that editor tokens are refused; the operator needs the file and line.
  if (auth.problem) deps.logger.error({ file: auth.problem.file, line: auth.problem.line, reason: auth.problem.reason }, 'the editors file cannot be read: editor tokens are refused until it is fixed');
  return { ...deps, auth };
}
