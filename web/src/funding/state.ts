/**
 * The funding view's pure logic: what a state asks of the API, when it needs a reload, the
 * three-column placement, label texts, and the year inputs' patch. The column graph itself is
 * built in flow-graph.ts.
 */
import type { FundingFilter, FundingFlow, FundingTotals } from '../api/types.ts';
import type { FundingAnswer } from '../api/queries.ts';
import { yearWindow, type FiltersState } from '../filters/codec.ts';
import { formatUsd } from '../ui/format.ts';
import type { FundingUrlState } from './codec.ts';
import { NO_AUTHORITY, type Column, type FlowGraph } from './flow-graph.ts';

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

/** Node positions: one column per role, the largest totals at the top. */
export function columnPositions(nodes: FlowGraph['nodes'], narrow: boolean): Map<string, { x: number; y: number }> {
  const byColumn: Record<Column, FlowGraph['nodes']> = { donor: [], authority: [], recipient: [] };
  for (const n of nodes) byColumn[n.column].push(n);
  const spread = narrow ? 0.5 : 1;
  const row = narrow ? ROW * 1.3 : ROW;
  const positions = new Map<string, { x: number; y: number }>();
  for (const column of Object.keys(byColumn) as Column[]) {
    const list = [...byColumn[column]].sort((a, b) => b.total - a.total);
    const height = (list.length - 1) * row;
    list.forEach((n, i) => positions.set(n.id, { x: COLUMN_X[column] * spread, y: i * row - height / 2 }));
  }
  return positions;
}

/**
 * Node labels: the name and the API's total for that column (which knows lower bounds and
 * breakdowns), else the page's sum.
 */
export function columnLabeller(graph: FlowGraph, answer: Pick<FundingAnswer, 'byDonor' | 'byAuthority' | 'byRecipient'>): (node: { id: string; name: string }) => string {
  const columnOf = new Map(graph.nodes.map((n) => [n.id, n]));
  const apiTotals: Record<Column, Map<string, FundingTotals['groups'][number]>> = {
    donor: new Map(answer.byDonor.groups.map((g) => [g.key, g])),
    authority: new Map(answer.byAuthority.groups.map((g) => [g.key, g])),
    recipient: new Map(answer.byRecipient.groups.map((g) => [g.key, g])),
  };
  return (n) => {
    const node = columnOf.get(n.id);
    if (!node) return n.name;
    // The API groups flows without an authority under the key '-'.
    const api = apiTotals[node.column].get(node.entityId === NO_AUTHORITY ? '-' : node.entityId);
    const text = api ? totalText(api) : node.total ? formatUsd(node.total) : '';
    return text ? `${n.name}  ${text}` : n.name;
  };
}

/** The shared filters after the fiscal-year inputs changed (either may be empty). */
export function fiscalYearsPatch(from: number | undefined, to: number | undefined): Partial<FiltersState> {
  if (!from && !to) return { yearMode: 'all', yearFrom: undefined, yearTo: undefined };
  return { yearMode: 'between', yearFrom: from ?? to, yearTo: to ?? from };
}

/** At most this many groups per totals list. */
export const TOTALS_SHOWN = 12;
