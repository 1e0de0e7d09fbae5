/** Resolvers of dataSummary: the counts come from one statement, the rules from domain/. */
import type { Resolvers } from '../generated/schema-types.ts';
import { dataSummary, unionSpan } from '../../repositories/summary.ts';
import { countingRules } from '../../../domain/counting.ts';
import { summaryPlan } from '../plans/summary.ts';
import { planOf } from './common.ts';

export const summaryResolvers: Resolvers = {
  Query: {
    dataSummary: (_p, _a, ctx, info) => dataSummary(ctx.db, planOf(ctx, info, summaryPlan)),
  },
  DataSummary: {
    years: (row) => unionSpan([row.flowYears, row.relationshipYears, row.eventYears]),
    countingRules: () => countingRules(),
  },
};
