/**
 * Turns funding flows into the three-column picture of the funding view: donors -> authorities
 * -> recipients, with summed amounts and no double counting (wider flows whose parts are present,
 * and yearly averages, are not summed). The result is a Subgraph for graph/to-elements.ts.
 */
import type { FundingFlow, GraphEdge, GraphNode, NodeKind } from '../api/types.ts';

/** Id of the pseudo authority for flows that name none. */
export const NO_AUTHORITY = 'authority_not_stated';

export type Column = 'donor' | 'authority' | 'recipient';

export interface FlowGraph {
  nodes: (GraphNode & { column: Column; entityId: string; total: number })[];
  edges: GraphEdge[];
}

/** Canvas id of an entity in a column (an actor can be donor and recipient at once). */
export function columnId(column: Column, id: string): string {
  return `${column[0]}:${id}`;
}

/** The entity id behind a canvas id made by `columnId`. */
export function entityOf(canvasId: string): string {
  return canvasId.replace(/^[dar]:/, '');
}

/** Dollars a flow adds to totals: ANNUAL counts every year, AVERAGE and broken-down flows count nothing. */
export function countedAmount(flow: FundingFlow, hasParts: boolean): number {
  if (hasParts || flow.basis === 'AVERAGE') return 0;
  if (flow.basis === 'ANNUAL') return flow.amountUsd * (flow.fyEnd - flow.fyStart + 1);
  return flow.amountUsd;
}

/** Build the donors -> authorities -> recipients graph. */
export function flowGraph(flows: FundingFlow[]): FlowGraph {
  const ids = new Set(flows.map((f) => f.id));
  const parents = new Set(flows.filter((f) => f.partOf && ids.has(f.partOf)).map((f) => f.partOf as string));
  const nodes = new Map<string, FlowGraph['nodes'][number]>();
  const edges = new Map<string, GraphEdge & { flows: string[] }>();

  const node = (column: Column, id: string, name: string, kind: NodeKind, citation?: string | null) => {
    const key = columnId(column, id);
    let n = nodes.get(key);
    if (!n) {
      n = { id: key, entityId: id, column, labels: [], name, kind, citation: citation ?? null, total: 0 };
      nodes.set(key, n);
    }
    return n;
  };
  const edge = (from: string, to: string, amount: number, flow: FundingFlow, years: [number, number]) => {
    const key = `${from}->${to}`;
    let e = edges.get(key);
    if (!e) {
      e = { id: key, source: from, target: to, type: 'FUNDED', amountUsd: 0, start: years[0], end: years[1], authority: flow.authority?.id ?? null, fundingId: null, sources: [], flows: [] };
      edges.set(key, e);
    }
    e.amountUsd = (e.amountUsd ?? 0) + amount;
    e.start = Math.min(e.start ?? years[0], years[0]);
    e.end = Math.max(e.end ?? years[1], years[1]);
    e.flows.push(flow.id);
    if (e.flows.length === 1) e.fundingId = flow.id;
    e.sources = [...(e.sources ?? []), ...(flow.sources ?? [])];
    return e;
  };

  for (const flow of flows) {
    const amount = countedAmount(flow, parents.has(flow.id));
    const donor = node('donor', flow.donor.id, flow.donor.name, flow.donor.kind);
    const authority = flow.authority
      ? node('authority', flow.authority.id, flow.authority.name, 'Authority', flow.authority.citation)
      : node('authority', NO_AUTHORITY, 'No authority recorded', 'Authority');
    const recipient = node('recipient', flow.recipient.id, flow.recipient.name, flow.recipient.kind);
    donor.total += amount;
    authority.total += amount;
    recipient.total += amount;
    const years: [number, number] = [flow.fyStart, flow.fyEnd];
    edge(donor.id, authority.id, amount, flow, years);
    edge(authority.id, recipient.id, amount, flow, years);
  }
  for (const e of edges.values()) if (e.flows.length > 1) e.fundingId = null;
  return { nodes: [...nodes.values()], edges: [...edges.values()].map(({ flows: _f, ...e }) => ({ ...e, amountUsd: e.amountUsd || null })) };
}
