/** Plan of nodes(ids): the ids (at most LIMITS.filterList, checked) and what is asked of each. */
import type { NodesByIdPlan } from '../../repositories/plan.ts';
import { idListArg } from '../limits.ts';
import { strList } from './args.ts';
import { entityPlan, provenancePlan } from './entity.ts';
import type { Selected } from './selection.ts';

/** nodes. */
export function nodesByIdPlan(root: Selected): NodesByIdPlan {
  return { ids: idListArg('ids', strList(root.args, 'ids')) ?? [], entity: entityPlan(root.fields), provenance: provenancePlan(root) };
}
