/** Plans of graph, neighborhood, paths and lineage. */
import { NODE_KINDS } from '../../../domain/kinds.ts';
import type { EdgeFilter, EdgesByIdPlan, LineagePlan, NeighborhoodPlan, OverviewPlan, PathsPlan } from '../../repositories/plan.ts';
import { badInput } from '../errors.ts';
import { LIMITS, idArg, idListArg, intArg, subgraphEdgeCap, typesArg, yearWindow } from '../limits.ts';
import { enumList, num, obj, reqStr, str, strList } from './args.ts';
import { entityPlan, provenancePlan } from './entity.ts';
import { minAmount } from './funding.ts';
import { childrenOf, type Args, type Selected } from './selection.ts';

function edgeFilter(args: Args, prefix: string, min: number | null): EdgeFilter {
  return { ...typesArg(`${prefix}types`, strList(args, 'types')), ...yearWindow(num(args, 'yearFrom'), num(args, 'yearTo')), minAmountUsd: min };
}

/** graph. */
export function overviewPlan(root: Selected): OverviewPlan {
  const f = obj(root.args, 'filter');
  const limit = intArg('filter.limit', num(f, 'limit'), LIMITS.graphNodes.default, 1, LIMITS.graphNodes.max);
  const filter = { kinds: enumList(f, 'kinds', NODE_KINDS), ...edgeFilter(f, 'filter.', minAmount('minAmountUsd', num(f, 'minAmountUsd'))) };
  return { filter, limit, maxEdges: subgraphEdgeCap(limit), provenance: provenancePlan(root) };
}

/** neighborhood. */
export function neighborhoodPlan(root: Selected): NeighborhoodPlan {
  const id = idArg('id', reqStr(root.args, 'id'));
  const depth = intArg('depth', num(root.args, 'depth'), LIMITS.neighborhoodDepth.default, 1, LIMITS.neighborhoodDepth.max);
  const limit = intArg('limit', num(root.args, 'limit'), LIMITS.neighborhoodNodes.default, 1, LIMITS.neighborhoodNodes.max);
  const filter = edgeFilter(root.args, '', minAmount('minAmountUsd', num(root.args, 'minAmountUsd')));
  return { id, depth, limit, maxEdges: subgraphEdgeCap(limit), filter, kinds: enumList(root.args, 'kinds', NODE_KINDS), provenance: provenancePlan(root) };
}

/** paths. */
export function pathsPlan(root: Selected): PathsPlan {
  const from = idArg('from', reqStr(root.args, 'from'));
  const to = idArg('to', reqStr(root.args, 'to'));
  const maxHops = intArg('maxHops', num(root.args, 'maxHops'), LIMITS.pathsHops.default, 1, LIMITS.pathsHops.max);
  const limit = intArg('limit', num(root.args, 'limit'), LIMITS.pathsLimit.default, 1, LIMITS.pathsLimit.max);
  const filter = edgeFilter(root.args, '', null);
  if (from === to) throw badInput('to', 'must differ from "from"');
  const excludeIds = idListArg('excludeIds', strList(root.args, 'excludeIds')) ?? [];
  if (excludeIds.includes(from) || excludeIds.includes(to)) throw badInput('excludeIds', 'cannot exclude an end of the path');
  // The paths plan's edge filter is bound in full (fixedEdgeRefs), kinds are not among its tests.
  return { from, to, maxHops, limit, filter, excludeIds, provenance: provenancePlan(root) };
}

/** lineage. */
export function lineagePlan(root: Selected): LineagePlan {
  const id = idArg('id', reqStr(root.args, 'id'));
  const direction = str(root.args, 'direction') ?? 'BOTH';
  const maxDepth = intArg('maxDepth', num(root.args, 'maxDepth'), LIMITS.lineageDepth.default, 1, LIMITS.lineageDepth.max);
  const entries = childrenOf(root.fields, 'entries');
  return {
    id,
    ancestors: direction !== 'DESCENDANTS',
    descendants: direction !== 'ANCESTORS',
    maxDepth,
    ...yearWindow(num(root.args, 'yearFrom'), num(root.args, 'yearTo')),
    root: entityPlan(childrenOf(root.fields, 'root')),
    entry: {
      authority: entityPlan(childrenOf(entries, 'authority')),
      establishedBy: entityPlan(childrenOf(entries, 'establishedBy')),
      administeredBy: entityPlan(childrenOf(entries, 'administeredBy')),
      implementedBy: entityPlan(childrenOf(entries, 'implementedBy')),
    },
    provenance: provenancePlan(root),
  };
}

/** edges(ids). */
export function edgesPlan(root: Selected): EdgesByIdPlan {
  // At most LIMITS.filterList ids, checked by idListArg.
  return { ids: idListArg('ids', strList(root.args, 'ids')) ?? [], provenance: provenancePlan(root) };
}
