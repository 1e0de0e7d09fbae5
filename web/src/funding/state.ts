/**
 * The funding view's pure logic: what a state asks of the API, when it needs a reload, the
 * three-column placement, label texts, and the year inputs' patch. The column graph itself is
 * built in columns.ts.
 */
import type { FundingFilter, FundingFlow } from '../api/types.ts';
import { yearWindow, type FiltersState } from '../filters/codec.ts';
import { formatUsd } from '../ui/format.ts';
import type { FundingUrlState } from './codec.ts';
import type { Column, ColumnNode } from './columns.ts';

/** What the funding view reads from the page state. */
export interface FundingInputs {
  funding: FundingUrlState;
  filters: FiltersState;
}

const COLUMN_X: Record<Column, number> = { donor: 0, authority: 330, recipient: 660 };
const ROW = 40;
/** Below this canvas width the columns close up and labels go under the nodes. */
export const NARROW_WIDTH = 600;

/** The request of a state. */
export function fundingFilter(s: FundingInputs): FundingFilter {
  const { funding: f, filters } = s;
  return { authority: f.authority, includeDescendants: f.authority ? f.descendants : undefined, minAmountUsd: filters.minAmount, ...yearWindow(filters) };
}

/** Fields whose change means new flows (the recipient only changes the highlight). */
export function fundingKey(s: FundingInputs): string {
  const { funding: f, filters } = s;
  return JSON.stringify([f.authority, f.descendants, filters.minAmount, filters.yearMode, filters.yearFrom, filters.yearTo]);
}

/** A total with its precision mark: "≥ $1M" for lower bounds, "~ $1M" for approximations. */
export function totalText(t: { amountUsd: number; lowerBound: boolean; approximate: boolean }): string {
  return `${t.lowerBound ? '≥ ' : t.approximate ? '~ ' : ''}${formatUsd(t.amountUsd)}`;
}

/** How exact a flow's amount is and over what period, in words. */
export function precisionText(f: Pick<FundingFlow, 'precision' | 'basis'>): string {
  const p = f.precision === 'LOWER_BOUND' ? 'at least' : f.precision === 'APPROXIMATE' ? 'approx.' : '';
  const b = f.basis === 'ANNUAL' ? 'per year' : f.basis === 'AVERAGE' ? 'yearly average' : '';
  return [p, b].filter(Boolean).join(', ');
}

/** Node positions: one column per role, in the API's order (its largest totals at the top). */
export function columnPositions(nodes: readonly ColumnNode[], narrow: boolean): Map<string, { x: number; y: number }> {
  const byColumn: Record<Column, ColumnNode[]> = { donor: [], authority: [], recipient: [] };
  for (const n of nodes) byColumn[n.column].push(n);
  const spread = narrow ? 0.5 : 1;
  const row = narrow ? ROW * 1.3 : ROW;
  const positions = new Map<string, { x: number; y: number }>();
  for (const column of Object.keys(byColumn) as Column[]) {
    const list = [...byColumn[column]].sort((a, b) => a.rank - b.rank);
    const height = (list.length - 1) * row;
    list.forEach((n, i) => positions.set(n.id, { x: COLUMN_X[column] * spread, y: i * row - height / 2 }));
  }
  return positions;
}

/**
 * Node labels: the name and the API's total for that column, with its precision mark; a node
 * none of whose flows the API counted says so (the counting panel tells why).
 */
export function columnLabeller(nodes: readonly ColumnNode[]): (node: { id: string; name: string }) => string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (n) => {
    const total = byId.get(n.id)?.total;
    if (!total) return n.name;
    return total.flowCount === 0 ? `${n.name}  (not counted)` : `${n.name}  ${totalText(total)}`;
  };
}

/** The shared filters after the fiscal-year inputs changed (either may be empty). */
export function fiscalYearsPatch(from: number | undefined, to: number | undefined): Partial<FiltersState> {
  if (!from && !to) return { yearMode: 'all', yearFrom: undefined, yearTo: undefined };
  return { yearMode: 'between', yearFrom: from ?? to, yearTo: to ?? from };
}

/** At most this many groups per totals list. */
export const TOTALS_SHOWN = 12;
