/** A flow's amount as the API gives it, marked by its precision and basis: "≥ $5.0M/yr". */
import type { FundingFlow } from '../api/types.ts';
import { formatUsd } from '../ui/format.ts';

type Figure = Pick<FundingFlow, 'amountUsd' | 'precision' | 'basis'>;

/** "≥ " for a lower bound, "~ " for an approximate figure. */
function precisionMark(precision: Figure['precision']): string {
  return precision === 'LOWER_BOUND' ? '≥ ' : precision === 'APPROXIMATE' ? '~ ' : '';
}

/** The amount with its precision mark and, for yearly figures, "/yr" or " avg/yr". */
export function flowAmount(f: Figure): string {
  const basis = f.basis === 'ANNUAL' ? '/yr' : f.basis === 'AVERAGE' ? ' avg/yr' : '';
  return precisionMark(f.precision) + formatUsd(f.amountUsd) + basis;
}
