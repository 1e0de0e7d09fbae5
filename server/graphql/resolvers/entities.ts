/** Resolvers of node, actor, authority, actors, authorities, search and the entity types. */
import type { Resolvers } from '../generated/schema-types.ts';
import { findEntity, listActors, listAuthorities } from '../../repositories/entities.ts';
import { searchEntities } from '../../repositories/search.ts';
import { actorsPlan, authoritiesPlan, lookupPlan, searchPlan } from '../plans/entities.ts';
import { connection, entityType, nestedRows, nodeKind, planOf, withSources } from './common.ts';

const byName = (row: { name: string; id: string }) => ({ name: row.name, id: row.id });
const entityFields = { ...withSources, aliases: (p: { aliases?: string[] | null }) => p.aliases ?? [] };

export const entityResolvers: Resolvers = {
  Query: {
    node: (_p, _a, ctx, info) => findEntity(ctx.db, planOf(ctx, info, (root) => lookupPlan('Entity', root))),
    actor: (_p, _a, ctx, info) => findEntity(ctx.db, planOf(ctx, info, (root) => lookupPlan('Actor', root))),
    authority: (_p, _a, ctx, info) => findEntity(ctx.db, planOf(ctx, info, (root) => lookupPlan('Authority', root))),
    actors: async (_p, _a, ctx, info) => connection(await listActors(ctx.db, planOf(ctx, info, actorsPlan)), byName),
    authorities: async (_p, _a, ctx, info) => connection(await listAuthorities(ctx.db, planOf(ctx, info, authoritiesPlan)), byName),
    search: (_p, _a, ctx, info) => searchEntities(ctx.db, planOf(ctx, info, searchPlan)),
  },
  Node: { __resolveType: (p) => entityType(p.labels) },
  Actor: {
    ...entityFields,
    kind: (p) => nodeKind(p.labels, p.kind),
    actorKind: (p) => p.kind,
    relationships: (p, args, _c, info) => nestedRows(p.relationships, info, args),
    fundingIn: (p, args, _c, info) => nestedRows(p.fundingIn, info, args),
    fundingOut: (p, args, _c, info) => nestedRows(p.fundingOut, info, args),
  },
  Authority: { ...entityFields, kind: () => 'Authority', authorityKind: (p) => p.kind },
  Event: { ...entityFields, kind: () => 'Event' },
  Edge: { ...withSources },
};
