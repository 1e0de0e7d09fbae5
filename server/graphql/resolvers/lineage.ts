/** Resolver of lineage: an authority's ancestors and descendants with years and bodies. */
import type { Resolvers } from '../generated/schema-types.ts';
import { lineage } from '../../repositories/lineage.ts';
import { wantOf } from '../selection.ts';
import { provenanceWants } from '../provenance.ts';
import { LIMITS, idArg, intArg, yearWindow } from '../limits.ts';
import { checkNested } from './common.ts';

export const lineageResolvers: Resolvers = {
  Query: {
    lineage: async (_p, args, ctx, info) => {
      const id = idArg('id', args.id);
      const direction = args.direction ?? 'BOTH';
      const maxDepth = intArg('maxDepth', args.maxDepth, LIMITS.lineageDepth.default, 1, LIMITS.lineageDepth.max);
      const row = await lineage(
        ctx.db,
        id,
        { ancestors: direction !== 'DESCENDANTS', descendants: direction !== 'ANCESTORS', maxDepth, ...yearWindow(args.yearFrom, args.yearTo) },
        checkNested(wantOf(info)) ?? new Map(),
        provenanceWants(info),
      );
      if (!row) return null;
      return { root: row.root, entries: row.entries, subgraph: { nodes: row.nodes, edges: row.edges, truncated: false, omittedNodes: 0, omittedEdges: 0 } };
    },
  },
};
