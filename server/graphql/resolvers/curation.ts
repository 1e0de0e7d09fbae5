/** Resolvers of the curation mutations, changes and curationEnabled. */
import type { Resolvers, CitationInput } from '../generated/schema-types.ts';
import type { GraphQLContext } from '../context.ts';
import { curationConfigured, writeDenied } from '../auth.ts';
import { apiError, badInput } from '../errors.ts';
import { idArg } from '../limits.ts';
import { listChanges, type ChangeRow } from '../../repositories/changes.ts';
import { changesPlan } from '../plans/entities.ts';
import { planOf } from './common.ts';
import * as curation from '../../repositories/curation.ts';

/** Fails before any Cypher unless the caller may write. */
function requireAdmin(ctx: GraphQLContext): void {
  const denied = writeDenied(ctx.auth);
  if (denied) throw denied;
}

/** Runs a write, mapping refusals to their error codes. */
async function write(ctx: GraphQLContext, work: () => Promise<ChangeRow>) {
  requireAdmin(ctx);
  try {
    const change = await work();
    ctx.logger.info({ operation: change.operation, targetId: change.targetId, who: change.who }, 'curation change');
    return { ok: true, change };
  } catch (err) {
    if (err instanceof curation.CurationInputError) throw apiError('BAD_USER_INPUT', `Invalid input: ${err.message}`);
    if (err instanceof curation.CurationNotFoundError) throw apiError('NOT_FOUND', err.message);
    throw err;
  }
}

/** GraphQL citations to the data files' shape. */
const cite = (list: CitationInput[]) =>
  list.map((c) => ({ source: c.source ?? undefined, section: c.section ?? undefined, paragraph: c.paragraph ?? undefined, footnotes: c.footnotes ?? undefined }));

export const curationResolvers: Resolvers = {
  Query: {
    curationEnabled: (_p, _a, ctx) => curationConfigured(ctx.config),
    changes: (_p, _a, ctx, info) => listChanges(ctx.db, planOf(ctx, info, changesPlan)),
  },
  Mutation: {
    upsertActor: (_p, { input }, ctx) => write(ctx, () => curation.upsertActor(ctx.db, ctx.auth.who, { ...input, cite: cite(input.cite) })),
    upsertAuthority: (_p, { input }, ctx) => write(ctx, () => curation.upsertAuthority(ctx.db, ctx.auth.who, { ...input, cite: cite(input.cite) })),
    upsertRelationship: (_p, { input }, ctx) => write(ctx, () => curation.upsertRelationship(ctx.db, ctx.auth.who, { ...input, cite: cite(input.cite) })),
    upsertFunding: (_p, { input }, ctx) => write(ctx, () => curation.upsertFunding(ctx.db, ctx.auth.who, { ...input, cite: cite(input.cite) })),
    deleteActor: (_p, { id }, ctx) => write(ctx, () => curation.deleteEntity(ctx.db, ctx.auth.who, 'Actor', idArg('id', id))),
    deleteAuthority: (_p, { id }, ctx) => write(ctx, () => curation.deleteEntity(ctx.db, ctx.auth.who, 'Authority', idArg('id', id))),
    deleteFunding: (_p, { id }, ctx) => write(ctx, () => curation.deleteFunding(ctx.db, ctx.auth.who, idArg('id', id))),
    deleteRelationship: (_p, args, ctx) => {
      if (args.start !== null && args.start !== undefined && (args.start < 1800 || args.start > 2100)) throw badInput('start', 'must be a year');
      return write(ctx, () => curation.deleteRelationship(ctx.db, ctx.auth.who, args.type, idArg('from', args.from), idArg('to', args.to), args.start ?? null));
    },
  },
};
