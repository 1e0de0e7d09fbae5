/** Plans of fundingFlows, fundingTotals, dependencies and dependencyNetwork. */
import { FUNDING_GROUP_BY } from '../../../domain/counting.ts';
import { EVIDENCE_LEVELS } from '../../../domain/kinds.ts';
import type { DependenciesPlan, DependencyNetworkPlan, FlowFilter, FlowLookupPlan, FlowPagePlan, FundingGraphPlan, TotalsPlan } from '../../repositories/plan.ts';
import { badInput } from '../errors.ts';
import { LIMITS, idArg, idListArg, intArg, yearWindow } from '../limits.ts';
import { bool, enumList, enumValue, num, obj, reqStr, str, strList } from './args.ts';
import { flowCursor } from './cursor.ts';
import { entityPlan, entityPlanOf, flowPlan, provenancePlan } from './entity.ts';
import { childrenOf, merge, type Args, type Selected } from './selection.ts';

/** An amount of US dollars, 0 or more. */
export function minAmount(name: string, value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0) throw badInput(name, 'must be a number of US dollars, 0 or more');
  return value;
}

/** A FundingFilter argument. */
export function flowFilter(v: Args, name = 'filter'): FlowFilter {
  const min = minAmount(`${name}.minAmountUsd`, num(v, 'minAmountUsd'));
  const opt = (k: string) => {
    const x = str(v, k);
    return x === null ? null : idArg(`${name}.${k}`, x);
  };
  const authority = opt('authority');
  const includeDescendants = bool(v, 'includeDescendants') ?? false;
  if (includeDescendants && !authority) throw badInput(`${name}.includeDescendants`, 'needs an authority');
  return {
    donor: opt('donor'),
    donors: idListArg(`${name}.donors`, strList(v, 'donors')),
    recipient: opt('recipient'),
    recipients: idListArg(`${name}.recipients`, strList(v, 'recipients')),
    recipientCountry: opt('recipientCountry'),
    authority,
    includeDescendants,
    ...yearWindow(num(v, 'yearFrom'), num(v, 'yearTo')),
    minAmountUsd: min,
    evidence: enumList(v, 'evidence', EVIDENCE_LEVELS),
  };
}

/** fundingFlows. */
export function flowsPlan(root: Selected): FlowPagePlan {
  return {
    first: intArg('first', num(root.args, 'first'), LIMITS.pageSize.default, 0, LIMITS.pageSize.max),
    after: flowCursor('after', str(root.args, 'after')),
    filter: flowFilter(obj(root.args, 'filter')),
    flow: flowPlan(childrenOf(root.fields, 'nodes')),
    provenance: provenancePlan(root),
  };
}

/** fundingTotals: the excluded flows are fetched when `excluded` or `exclusions` is asked. */
export function totalsPlan(root: Selected): TotalsPlan {
  const asked = root.fields.some((f) => f.name === 'excluded' || f.name === 'exclusions');
  const flowFields = merge([...childrenOf(root.fields, 'excluded'), ...childrenOf(childrenOf(root.fields, 'exclusions'), 'flow')]);
  return {
    groupBy: enumValue(root.args, 'groupBy', FUNDING_GROUP_BY),
    filter: flowFilter(obj(root.args, 'filter')),
    excludedCap: LIMITS.excludedFlows,
    excluded: asked ? flowPlan(flowFields) : null,
    provenance: provenancePlan(root),
  };
}

function edgeEnds(root: Selected, name: string) {
  const edges = childrenOf(root.fields, name);
  return { from: entityPlan(childrenOf(edges, 'from')), to: entityPlan(childrenOf(edges, 'to')) };
}

/** dependencies. */
export function dependenciesPlan(root: Selected): DependenciesPlan {
  return {
    actorId: idArg('actorId', reqStr(root.args, 'actorId')),
    ...yearWindow(num(root.args, 'yearFrom'), num(root.args, 'yearTo')),
    includeUnits: bool(root.args, 'includeUnits') ?? false,
    actor: entityPlan(childrenOf(root.fields, 'actor')),
    donor: entityPlanOf(childrenOf(root.fields, 'donors'), 'donor'),
    dependsOn: edgeEnds(root, 'dependsOn'),
    dependents: edgeEnds(root, 'dependents'),
    provenance: provenancePlan(root),
  };
}

/** dependencyNetwork. */
export function dependencyNetworkPlan(root: Selected): DependencyNetworkPlan {
  return {
    ...yearWindow(num(root.args, 'yearFrom'), num(root.args, 'yearTo')),
    limit: intArg('limit', num(root.args, 'limit'), LIMITS.dependencyNodes.default, 1, LIMITS.dependencyNodes.max),
    maxEdges: LIMITS.subgraphEdges,
    provenance: provenancePlan(root),
  };
}

/** fundingFlow. */
export function flowLookupPlan(root: Selected): FlowLookupPlan {
  return { id: idArg('id', reqStr(root.args, 'id')), flow: flowPlan(root.fields), provenance: provenancePlan(root) };
}

/** fundingGraph: what is asked of the flows of its edges. */
export function fundingGraphPlan(root: Selected): FundingGraphPlan {
  const flows = childrenOf(childrenOf(root.fields, 'edges'), 'flows');
  return {
    filter: flowFilter(obj(root.args, 'filter')),
    flowsPerEdge: intArg('flowsPerEdge', num(root.args, 'flowsPerEdge'), LIMITS.flowsPerEdge.default, 0, LIMITS.flowsPerEdge.max),
    maxEdges: LIMITS.fundingGraphEdges,
    flow: flowPlan(childrenOf(flows, 'flow')),
    provenance: provenancePlan(root),
  };
}
