/** PLACEHOLDER (the api engineer replaces this file): the GraphQL handler. */
import { createSchema, createYoga } from 'graphql-yoga';
import type { Config } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';

export interface GraphQLDeps { db: Database; config: Config; logger: Logger }

/** Creates the yoga instance serving /graphql. */
export function createGraphQLHandler({ db, config }: GraphQLDeps) {
  return createYoga({
    graphqlEndpoint: '/graphql',
    graphiql: config.nodeEnv !== 'production',
    schema: createSchema({
      typeDefs: 'type Query { nodeCount: Int! }',
      resolvers: { Query: { nodeCount: async () => Number((await db.read('MATCH (n) RETURN count(n) AS c'))[0]?.c ?? 0) } },
    }),
  });
}
