/**
 * The three-column picture of the funding view (donors -> authorities -> recipients) as a
 * Subgraph for graph/to-elements.ts. Every amount on it is one the API counted: a column's node
 * carries the API's total for that donor, authority or recipient under the current filter and
 * year window. The page adds nothing up: an edge only says that flows link the two ends, and
 * which of those flows the API left out of its totals.
 */
import type { FundingAnswer } from '../api/queries.ts';
import type { FundingFlow, FundingTotals, GraphEdge, GraphNode, NodeKind } from '../api/types.ts';

/** Id of the pseudo authority for flows that name none. */
export const NO_AUTHORITY = 'authority_not_stated';
/** The API's group key for flows without an authority. */
const NO_AUTHORITY_KEY = '-';

export type Column = 'donor' | 'authority' | 'recipient';

export type ColumnNode = GraphNode & { column: Column; entityId: string; rank: number; total: TotalGroup | null };
export type ColumnEdge = GraphEdge & { flows: string[]; uncounted: boolean };

export interface ColumnGraph {
  nodes: ColumnNode[];
  edges: ColumnEdge[];
}

type TotalGroup = FundingTotals['groups'][number];

/** Canvas id of an entity in a column (an actor can be donor and recipient at once). */
export function columnId(column: Column, id: string): string {
  return `${column[0]}:${id}`;
}

/** The entity id behind a canvas id made by `columnId`. */
export function entityOf(canvasId: string): string {
  return canvasId.replace(/^[dar]:/, '');
}

/** Flow ids the API did not count at all (an average, a total outside the window). */
export function uncountedFlows(answer: Pick<FundingAnswer, 'byDonor'>): Set<string> {
  return new Set(answer.byDonor.exclusions.filter((x) => x.countedUsd === 0).map((x) => x.flow.id));
}

/** Build the columns from the flows (who is linked to whom) and the API's totals (how much). */
export function columnGraph(answer: Pick<FundingAnswer, 'flows' | 'byDonor' | 'byAuthority' | 'byRecipient'>): ColumnGraph {
  const groups: Record<Column, Map<string, { group: TotalGroup; rank: number }>> = {
    donor: ranked(answer.byDonor),
    authority: ranked(answer.byAuthority),
    recipient: ranked(answer.byRecipient),
  };
  const uncounted = uncountedFlows(answer);
  const nodes = new Map<string, ColumnNode>();
  const edges = new Map<string, ColumnEdge>();

  const node = (column: Column, id: string, name: string, kind: NodeKind, citation?: string | null) => {
    const key = columnId(column, id);
    let n = nodes.get(key);
    if (!n) {
      const api = groups[column].get(column === 'authority' && id === NO_AUTHORITY ? NO_AUTHORITY_KEY : id);
      // Entities the API's totals do not list go after those it ranks, in the flows' order.
      n = { id: key, entityId: id, column, labels: [], name, kind, citation: citation ?? null, amountUsd: api?.group.amountUsd ?? null, total: api?.group ?? null, rank: api?.rank ?? 1e6 + nodes.size };
      nodes.set(key, n);
    }
    return n;
  };
  const link = (from: string, to: string, flow: FundingFlow) => {
    const key = `${from}->${to}`;
    let e = edges.get(key);
    if (!e) {
      e = { id: key, source: from, target: to, type: 'FUNDED', start: flow.fyStart, end: flow.fyEnd, authority: flow.authority?.id ?? null, fundingId: flow.id, sources: [], flows: [], uncounted: true };
      edges.set(key, e);
    }
    e.start = Math.min(e.start ?? flow.fyStart, flow.fyStart);
    e.end = Math.max(e.end ?? flow.fyEnd, flow.fyEnd);
    e.flows.push(flow.id);
    e.uncounted = e.uncounted && uncounted.has(flow.id);
    e.sources = [...(e.sources ?? []), ...flow.sources];
  };

  for (const flow of answer.flows.nodes) {
    const donor = node('donor', flow.donor.id, flow.donor.name, flow.donor.kind);
    const authority = flow.authority
      ? node('authority', flow.authority.id, flow.authority.name, 'Authority', flow.authority.citation)
      : node('authority', NO_AUTHORITY, 'No authority recorded', 'Authority');
    const recipient = node('recipient', flow.recipient.id, flow.recipient.name, flow.recipient.kind);
    link(donor.id, authority.id, flow);
    link(authority.id, recipient.id, flow);
  }
  // An edge of several flows has no one flow to open in the details panel.
  for (const e of edges.values()) if (e.flows.length > 1) e.fundingId = null;
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function ranked(totals: FundingTotals): Map<string, { group: TotalGroup; rank: number }> {
  return new Map(totals.groups.map((group, rank) => [group.key, { group, rank }]));
}
