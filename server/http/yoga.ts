/**
 * The GraphQL handler: yoga over the merged schema, with graphql-armor limits, a list-aware
 * cost budget, CSRF prevention, yoga's body limit, masked errors with a stable extensions.code,
 * and introspection and GraphiQL off in production.
 */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { Config } from '../config/env.ts';
import { isTimedOut, isUnavailable, type Database } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import { buildSchema } from '../graphql/schema.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { ARMOR_LIMITS, armorPlugin } from '../graphql/armor.ts';
import { listBudget } from '../graphql/plugins/list-budget.ts';
import { disableIntrospection } from '../graphql/plugins/introspection.ts';
import { variableErrorCodes } from '../graphql/plugins/variable-errors.ts';
import { closeWhenBodyUnread } from './close-unread-body.ts';
import { CSRF_HEADERS, requestLevelError } from './request-errors.ts';
import { NetworkLayouts } from '../layout/network-layouts.ts';

export interface GraphQLDeps {
  db: Database;
  config: Config;
  logger: Logger;
  /** Overview positions; by default a layout process of this handler's own, started on first use. */
  layouts?: NetworkLayouts;
}

/** Codes shown to clients as they are; anything else is an internal error and is masked. */
const EXPECTED_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'LIMIT_EXCEEDED', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * Keeps expected errors (with their code) and GraphQL's own request errors; masks the rest as
 * INTERNAL_SERVER_ERROR after logging it.
 */
function maskError(logger: Logger, isProduction: boolean) {
  return (error: unknown, message: string): Error => {
    if (error instanceof GraphQLError) {
      const refused = requestLevelError(error, ARMOR_LIMITS.maxBodyBytes);
      if (refused) return refused;
      const original = error.originalError;
      const code = error.extensions?.code;
      if (typeof code === 'string' && EXPECTED_CODES.has(code) && (!original || original instanceof GraphQLError)) return error;
      if (!original) return error; // parse and validation errors: the request's own fault
      if (original instanceof GraphQLError) return error;
      const inner = original as Error & { code?: string };
      // A transaction that ran out of time is a limit, not a crash.
      if (isTimedOut(inner)) {
        return new GraphQLError('The query took longer than the configured timeout; narrow it (smaller depth, limit or year window).', {
          nodes: error.nodes, path: error.path, extensions: { code: 'LIMIT_EXCEEDED' },
        });
      }
      // No database right now: the client should retry later (503), not report a bug.
      if (isUnavailable(inner)) {
        logger.warn({ err: inner.message, path: error.path }, 'database unavailable');
        return new GraphQLError('The database is unavailable or did not answer in time (restarting or overloaded); retry in a few seconds.', {
          nodes: error.nodes, path: error.path, extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
        });
      }
      logger.error({ err: inner, path: error.path }, 'resolver error');
      return new GraphQLError(isProduction ? message : `${message} (${inner.message})`, { nodes: error.nodes, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
    logger.error({ err: error }, 'unexpected error');
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

/** Creates the yoga instance serving /graphql. */
export function createGraphQLHandler({ db, config, logger, layouts = new NetworkLayouts() }: GraphQLDeps): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const production = config.nodeEnv === 'production';
  return createYoga<Record<string, unknown>, GraphQLContext>({
    graphqlEndpoint: '/graphql',
    schema: buildSchema(),
    context: ({ request }) => createContext({ db, config, logger, layouts }, request),
    graphiql: production ? false : { title: 'aidgraph GraphQL', defaultQuery: '{ lineage(id: "section_1206") { entries { generation year authority { name } } } }' },
    landingPage: false,
    batching: false,
    // Also enforced while a body without Content-Length streams in; the answer is 413 LIMIT_EXCEEDED.
    maxRequestBodySize: ARMOR_LIMITS.maxBodyBytes,
    maskedErrors: { maskError: maskError(logger, production) },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    plugins: [
      useCSRFPrevention({ requestHeaders: CSRF_HEADERS }),
      closeWhenBodyUnread(),
      armorPlugin(),
      listBudget(ARMOR_LIMITS.listBudget),
      variableErrorCodes(),
      ...(production ? [disableIntrospection()] : []),
    ],
  });
}
