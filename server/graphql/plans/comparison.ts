/** The plan of graphComparison. */
import { NODE_KINDS } from '../../../domain/kinds.ts';
import type { ComparisonPlan } from '../../repositories/plan.ts';
import { badInput } from '../errors.ts';
import { LIMITS, intArg, subgraphEdgeCap, typesArg, yearArg } from '../limits.ts';
import { enumList, num, obj, strList } from './args.ts';
import { provenancePlan } from './entity.ts';
import { minAmount } from './funding.ts';
import type { Selected } from './selection.ts';

/** One window: `to` defaults to `from`; both are required to be years, `from` not after `to`. */
function span(root: Selected, name: 'a' | 'b'): { yearFrom: number; yearTo: number } {
  const v = obj(root.args, name);
  const yearFrom = yearArg(`${name}.from`, num(v, 'from'));
  if (yearFrom === null) throw badInput(`${name}.from`, 'is required');
  const yearTo = yearArg(`${name}.to`, num(v, 'to')) ?? yearFrom;
  if (yearFrom > yearTo) throw badInput(`${name}.from`, `${yearFrom} is after ${name}.to ${yearTo}`);
  return { yearFrom, yearTo };
}

/** graphComparison. */
export function comparisonPlan(root: Selected): ComparisonPlan {
  const limit = intArg('limit', num(root.args, 'limit'), LIMITS.graphNodes.default, 1, LIMITS.graphNodes.max);
  return {
    a: span(root, 'a'),
    b: span(root, 'b'),
    ...typesArg('types', strList(root.args, 'types')),
    minAmountUsd: minAmount('minAmountUsd', num(root.args, 'minAmountUsd')),
    kinds: enumList(root.args, 'kinds', NODE_KINDS),
    limit,
    maxEdges: subgraphEdgeCap(limit),
    provenance: provenancePlan(root),
  };
}
