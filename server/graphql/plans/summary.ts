/** Plan of dataSummary: the one bounded list is the sources. */
import type { SummaryPlan } from '../../repositories/plan.ts';
import { LIMITS, intArg } from '../limits.ts';
import { num } from './args.ts';
import type { Selected } from './selection.ts';

/** dataSummary. */
export function summaryPlan(root: Selected): SummaryPlan {
  const { default: fallback, max } = LIMITS.summarySources;
  return { sourcesFirst: intArg('sourcesFirst', num(root.args, 'sourcesFirst'), fallback, 0, max) };
}
