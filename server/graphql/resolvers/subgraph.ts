/** Resolvers of graph, neighborhood, paths, lineage, relationshipTypes and the canvas types. */
import type { Resolvers } from '../generated/schema-types.ts';
import { neighborhood, overview } from '../../repositories/subgraph.ts';
import { shortestPaths } from '../../repositories/paths.ts';
import { lineage } from '../../repositories/lineage.ts';
import { REQUESTABLE_TYPES } from '../../../domain/relationship-types.ts';
import { edgesPlan, lineagePlan, neighborhoodPlan, overviewPlan, pathsPlan } from '../plans/subgraph.ts';
import { edgesById } from '../../repositories/lookups.ts';
import { nodesById } from '../../repositories/nodes-by-id.ts';
import { nodesByIdPlan } from '../plans/nodes-by-id.ts';
import { notFound } from '../errors.ts';
import { nodeKind, planOf, toSubgraph, withSources } from './common.ts';
import type { NetworkShape } from '../../layout/network-layouts.ts';

const isAuthority = (labels: string[]) => labels.includes('Authority');

export const subgraphResolvers: Resolvers = {
  Query: {
    relationshipTypes: () => [...REQUESTABLE_TYPES],
    // Only the overview is drawn from the server's positions (Subgraph.layout).
    graph: async (_p, _a, ctx, info) => ({ ...toSubgraph(await overview(ctx.db, planOf(ctx, info, overviewPlan))), drawable: true }),
    neighborhood: async (_p, _a, ctx, info) => {
      const plan = planOf(ctx, info, neighborhoodPlan);
      const row = await neighborhood(ctx.db, plan);
      if (!row) throw notFound('node', plan.id);
      return toSubgraph(row);
    },
    paths: async (_p, _a, ctx, info) => {
      const plan = planOf(ctx, info, pathsPlan);
      const result = await shortestPaths(ctx.db, plan);
      if (!result) throw notFound('node', `${plan.from}" or "${plan.to}`);
      return result;
    },
    edges: (_p, _a, ctx, info) => edgesById(ctx.db, planOf(ctx, info, edgesPlan)),
    nodes: (_p, _a, ctx, info) => nodesById(ctx.db, planOf(ctx, info, nodesByIdPlan)),
    lineage: async (_p, _a, ctx, info) => {
      const row = await lineage(ctx.db, planOf(ctx, info, lineagePlan));
      if (!row) return null;
      return { root: row.root, entries: row.entries, subgraph: toSubgraph({ nodes: row.nodes, edges: row.edges, omittedNodes: 0, omittedEdges: 0 }) };
    },
  },
  GraphNode: {
    ...withSources,
    kind: (p) => nodeKind(p.labels, p.kind),
    year: (p) => p.year ?? p.enacted ?? null,
    amountUsd: () => null,
    authorityKind: (p) => (isAuthority(p.labels) ? p.kind : null),
    title: (p) => (isAuthority(p.labels) ? p.title ?? null : null),
  },
  GraphEdge: { ...withSources },
  Subgraph: {
    layout: async (p, _a, ctx) => {
      if (!p.drawable) return null;
      try {
        return await ctx.layouts.positions(p as NetworkShape);
      } catch (error) {
        ctx.logger.warn({ err: error }, 'no overview layout: the page lays the graph out itself');
        return null;
      }
    },
  },
};
