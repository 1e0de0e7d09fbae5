/** Resolvers of fundingFlows, fundingTotals, dependencies and dependencyNetwork. */
import type { Resolvers } from '../generated/schema-types.ts';
import { listFlows, totals } from '../../repositories/funding.ts';
import { dependencies, dependencyNetwork } from '../../repositories/dependencies.ts';
import { dependenciesPlan, dependencyNetworkPlan, flowLookupPlan, flowsPlan, fundingGraphPlan, totalsPlan } from '../plans/funding.ts';
import { fundingGraph } from '../../repositories/funding-graph.ts';
import { flowById } from '../../repositories/lookups.ts';
import { connection, planOf, toSubgraph, withSources } from './common.ts';

const byAmount = (row: { amountUsd: number; id: string }) => ({ amountUsd: row.amountUsd, id: row.id });

export const fundingResolvers: Resolvers = {
  Query: {
    fundingFlows: async (_p, _a, ctx, info) => connection(await listFlows(ctx.db, planOf(ctx, info, flowsPlan)), byAmount),
    fundingTotals: (_p, _a, ctx, info) => totals(ctx.db, planOf(ctx, info, totalsPlan)),
    fundingGraph: (_p, _a, ctx, info) => fundingGraph(ctx.db, planOf(ctx, info, fundingGraphPlan)),
    fundingFlow: (_p, _a, ctx, info) => flowById(ctx.db, planOf(ctx, info, flowLookupPlan)),
    dependencies: (_p, _a, ctx, info) => dependencies(ctx.db, planOf(ctx, info, dependenciesPlan)),
    dependencyNetwork: async (_p, _a, ctx, info) => toSubgraph(await dependencyNetwork(ctx.db, planOf(ctx, info, dependencyNetworkPlan))),
  },
  FundingFlow: { ...withSources },
  DependencyEdge: { ...withSources },
};
