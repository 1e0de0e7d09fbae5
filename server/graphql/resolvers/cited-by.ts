/** Resolver of citedBy; its lists hold the types other features resolve (Node, GraphEdge, FundingFlow). */
import type { Resolvers } from '../generated/schema-types.ts';
import { findCitedBy } from '../../repositories/cited-by.ts';
import { citedByPlan } from '../plans/cited-by.ts';
import { planOf } from './common.ts';

export const citedByResolvers: Resolvers = {
  Query: {
    citedBy: (_p, _a, ctx, info) => findCitedBy(ctx.db, planOf(ctx, info, citedByPlan)),
  },
  CitedBy: { edgeEnds: (p) => p.edgeEnds ?? [] },
};
