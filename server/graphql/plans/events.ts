/** Plan of events: the date-ordered event list with its year window. */
import type { EventListPlan } from '../../repositories/plan.ts';
import { LIMITS, intArg, yearWindow } from '../limits.ts';
import { num, str } from './args.ts';
import { eventCursor } from './cursor.ts';
import { entityPlan, provenancePlan } from './entity.ts';
import { childrenOf, type Selected } from './selection.ts';

/** events. */
export function eventsPlan(root: Selected): EventListPlan {
  return {
    ...yearWindow(num(root.args, 'yearFrom'), num(root.args, 'yearTo')),
    first: intArg('first', num(root.args, 'first'), LIMITS.pageSize.default, 0, LIMITS.pageSize.max),
    after: eventCursor('after', str(root.args, 'after')),
    entity: entityPlan(childrenOf(root.fields, 'nodes')),
    provenance: provenancePlan(root),
  };
}
