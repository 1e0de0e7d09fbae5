/** Resolvers of dependencies (donor shares, concentration, DEPENDS_ON edges) and dependencyNetwork. */
import type { Resolvers } from '../generated/schema-types.ts';
import { dependencies } from '../../repositories/funding.ts';
import { dependencyNetwork } from '../../repositories/dependencies.ts';
import { wantOf } from '../selection.ts';
import { provenanceWants } from '../provenance.ts';
import { LIMITS, idArg, intArg, yearWindow } from '../limits.ts';
import { checkNested, withSources } from './common.ts';
import { toSubgraph } from './subgraph.ts';
import { NO_FILTER } from '../../repositories/funding.ts';

export const dependencyResolvers: Resolvers = {
  Query: {
    dependencies: async (_p, args, ctx, info) => {
      const id = idArg('actorId', args.actorId);
      const window = yearWindow(args.yearFrom, args.yearTo);
      const row = await dependencies(
        ctx.db,
        id,
        { ...NO_FILTER, ...window, recipientCountry: args.includeUnits ? id : null },
        checkNested(wantOf(info)) ?? new Map(),
        provenanceWants(info),
      );
      if (!row) return null;
      const total = row.totals.amountUsd;
      const donors = row.totals.groups
        .map((g) => ({ donor: g.entity ?? { id: g.key, name: g.label ?? g.key, labels: ['Entity', 'Actor'] }, amountUsd: g.amountUsd, share: total > 0 ? g.amountUsd / total : 0, lowerBound: g.lowerBound }))
        .sort((a, b) => b.amountUsd - a.amountUsd);
      const concentration = total > 0 ? donors.reduce((s, d) => s + d.share * d.share, 0) : null;
      return { actor: row.actor, totalReceivedUsd: total, donors, concentration, dependsOn: row.dependsOn, dependents: row.dependents };
    },
    dependencyNetwork: async (_p, args, ctx, info) => {
      const limit = intArg('limit', args.limit, LIMITS.dependencyNodes.default, 1, LIMITS.dependencyNodes.max);
      const row = await dependencyNetwork(ctx.db, yearWindow(args.yearFrom, args.yearTo), limit, LIMITS.subgraphEdges, provenanceWants(info));
      return toSubgraph(row);
    },
  },
  DependencyEdge: { ...withSources },
};
