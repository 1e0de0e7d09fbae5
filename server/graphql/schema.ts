/**
 * The executable schema: the SDL files of schema/ (one per feature) merged with the resolvers.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.ts';
import { loadTypeDefs } from './schema-files.ts';

let cached: GraphQLSchema | undefined;

/** The merged executable schema (built once per process). */
export function buildSchema(): GraphQLSchema {
  cached ??= makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers, resolverValidationOptions: { requireResolversToMatchSchema: 'error' } });
  return cached;
}
