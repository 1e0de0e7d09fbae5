/** Resolvers of node, actor, authority, actors, authorities and the entity types. */
import type { Resolvers, Row } from '../generated/schema-types.ts';
import { wantOf, child } from '../selection.ts';
import { provenanceWants } from '../provenance.ts';
import { findEntity, listActors, listAuthorities, type NameCursor } from '../../repositories/entities.ts';
import { LIMITS, idArg, intArg } from '../limits.ts';
import { badInput } from '../errors.ts';
import { checkNested, decodeCursor, encodeCursor, entityType, nestedData, nodeKind, withSources } from './common.ts';

const isNameCursor = (v: unknown): v is NameCursor =>
  typeof v === 'object' && v !== null && typeof (v as NameCursor).name === 'string' && typeof (v as NameCursor).id === 'string';

function text(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (value.length > LIMITS.searchText) throw badInput(name, `at most ${LIMITS.searchText} characters`);
  return value.trim();
}

function connection(page: { rows: Row[]; totalCount: number; hasNextPage: boolean }) {
  const last = page.rows[page.rows.length - 1];
  return {
    nodes: page.rows,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor({ name: last.name, id: last.id }) : null },
  };
}

const entityFields = {
  ...withSources,
  aliases: (p: Row) => p.aliases ?? [],
};

export const entityResolvers: Resolvers = {
  Query: {
    node: (_p, { id }, ctx, info) => findEntity(ctx.db, 'Entity', idArg('id', id), checkNested(wantOf(info))!, provenanceWants(info)),
    actor: (_p, { id }, ctx, info) => findEntity(ctx.db, 'Actor', idArg('id', id), checkNested(wantOf(info))!, provenanceWants(info)),
    authority: (_p, { id }, ctx, info) => findEntity(ctx.db, 'Authority', idArg('id', id), checkNested(wantOf(info))!, provenanceWants(info)),
    actors: async (_p, args, ctx, info) => {
      const first = intArg('first', args.first, LIMITS.pageSize.default, 0, LIMITS.pageSize.max);
      const after = decodeCursor('after', args.after, isNameCursor);
      const f = args.filter ?? {};
      const page = await listActors(
        ctx.db,
        { kinds: f.kinds ?? null, country: f.country ? idArg('filter.country', f.country) : null, text: text('filter.text', f.text) },
        first,
        after,
        checkNested(child(wantOf(info), 'nodes')) ?? new Map(),
        provenanceWants(info),
      );
      return connection(page);
    },
    authorities: async (_p, args, ctx, info) => {
      const first = intArg('first', args.first, LIMITS.pageSize.default, 0, LIMITS.pageSize.max);
      const after = decodeCursor('after', args.after, isNameCursor);
      const f = args.filter ?? {};
      const page = await listAuthorities(
        ctx.db,
        { kinds: f.kinds ?? null, title: f.title ?? null, text: text('filter.text', f.text) },
        first,
        after,
        checkNested(child(wantOf(info), 'nodes')) ?? new Map(),
        provenanceWants(info),
      );
      return connection(page);
    },
  },
  Node: { __resolveType: (p) => entityType(p) },
  Actor: {
    ...entityFields,
    kind: (p) => nodeKind(p),
    actorKind: (p) => p.kind,
    relationships: (p, args, _c, info) =>
      nestedData(p, info, args).map((e) => ({ ...(e as Row).edge, outgoing: (e as Row).outgoing, other: (e as Row).other })),
    fundingIn: (p, args, _c, info) => nestedData(p, info, args),
    fundingOut: (p, args, _c, info) => nestedData(p, info, args),
  },
  Authority: { ...entityFields, kind: () => 'Authority', authorityKind: (p) => p.kind },
  Event: { ...entityFields, kind: () => 'Event' },
  Edge: { ...withSources },
};
