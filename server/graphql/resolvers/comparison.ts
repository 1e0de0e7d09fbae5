/** Resolver of graphComparison: the plan, then the repository's one statement. */
import type { Resolvers } from '../generated/schema-types.ts';
import { graphComparison } from '../../repositories/comparison.ts';
import { comparisonPlan } from '../plans/comparison.ts';
import { planOf } from './common.ts';

export const comparisonResolvers: Resolvers = {
  Query: {
    graphComparison: (_p, _a, ctx, info) => graphComparison(ctx.db, planOf(ctx, info, comparisonPlan)),
  },
};
