/** Resolvers of graph, neighborhood, paths, relationshipTypes and the canvas types. */
import type { Resolvers, Row } from '../generated/schema-types.ts';
import { neighborhood, overview, type SubgraphRow } from '../../repositories/subgraph.ts';
import { shortestPaths } from '../../repositories/paths.ts';
import { provenanceWants } from '../provenance.ts';
import { FUNDED, LIMITS, idArg, intArg, subgraphEdgeCap, typesArg, yearWindow } from '../limits.ts';
import { badInput, notFound } from '../errors.ts';
import { nodeKind, withSources } from './common.ts';
import { RELATIONSHIP_TYPES } from '../../../domain/relationship-types.ts';

/** The Subgraph object of a raw subgraph. */
export function toSubgraph(row: SubgraphRow): Row {
  return {
    nodes: row.nodes,
    edges: row.edges,
    omittedNodes: row.omittedNodes,
    omittedEdges: row.omittedEdges,
    truncated: row.omittedNodes > 0 || row.omittedEdges > 0,
  };
}

function minAmount(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) throw badInput('minAmountUsd', 'must be a number of US dollars, 0 or more');
  return value;
}

export const subgraphResolvers: Resolvers = {
  Query: {
    relationshipTypes: () => [...RELATIONSHIP_TYPES, FUNDED],
    graph: async (_p, { filter }, ctx, info) => {
      const f = filter ?? {};
      const limit = intArg('filter.limit', f.limit, LIMITS.graphNodes.default, 1, LIMITS.graphNodes.max);
      const row = await overview(
        ctx.db,
        { kinds: f.kinds ?? null, ...typesArg('filter.types', f.types), ...yearWindow(f.yearFrom, f.yearTo), minAmountUsd: minAmount(f.minAmountUsd) },
        limit,
        subgraphEdgeCap(limit),
        provenanceWants(info),
      );
      return toSubgraph(row);
    },
    neighborhood: async (_p, args, ctx, info) => {
      const id = idArg('id', args.id);
      const depth = intArg('depth', args.depth, LIMITS.neighborhoodDepth.default, 1, LIMITS.neighborhoodDepth.max);
      const limit = intArg('limit', args.limit, LIMITS.neighborhoodNodes.default, 1, LIMITS.neighborhoodNodes.max);
      const row = await neighborhood(
        ctx.db,
        id,
        depth,
        limit,
        { ...typesArg('types', args.types), ...yearWindow(args.yearFrom, args.yearTo), minAmountUsd: null },
        subgraphEdgeCap(limit),
        provenanceWants(info),
      );
      if (!row) throw notFound('node', id);
      return toSubgraph(row);
    },
    paths: async (_p, args, ctx, info) => {
      const from = idArg('from', args.from);
      const to = idArg('to', args.to);
      const maxHops = intArg('maxHops', args.maxHops, LIMITS.pathsHops.default, 1, LIMITS.pathsHops.max);
      const limit = intArg('limit', args.limit, LIMITS.pathsLimit.default, 1, LIMITS.pathsLimit.max);
      const filter = { ...typesArg('types', args.types), ...yearWindow(args.yearFrom, args.yearTo), minAmountUsd: null };
      if (from === to) throw badInput('to', 'must differ from "from"');
      const paths = await shortestPaths(ctx.db, { from, to, maxHops, limit, filter }, provenanceWants(info));
      if (!paths) throw notFound('node', `${from}" or "${to}`);
      return paths;
    },
  },
  GraphNode: {
    ...withSources,
    kind: (p) => nodeKind(p),
    year: (p) => p.year ?? p.enacted ?? null,
    amountUsd: () => null,
    authorityKind: (p) => ((p.labels as string[]).includes('Authority') ? p.kind : null),
    title: (p) => ((p.labels as string[]).includes('Authority') ? p.title ?? null : null),
  },
  GraphEdge: { ...withSources },
};
