/**
 * The three-column picture of the funding view (donors -> authorities -> recipients) as a
 * Subgraph for graph/to-elements.ts, from the API's fundingGraph: every node and edge carries the
 * amount the API counted for it under the current filter and year window (a node's equals the
 * group of fundingTotals for its column). The page adds nothing up; it only renames ids for the
 * canvas and keeps each edge's flows (and their citations) as the API lists them.
 */
import type { Citation, FundingGraph, GraphEdge, GraphNode, NodeKind } from '../api/types.ts';
import type { FundingView } from './effects.ts';

/** Id of the pseudo authority for flows that name none. */
export const NO_AUTHORITY = 'authority_not_stated';
/** The API's entity id for flows without an authority. */
const NO_AUTHORITY_KEY = '-';

export type Column = 'donor' | 'authority' | 'recipient';

type Counted = Pick<FundingGraph['nodes'][number], 'amountUsd' | 'lowerBound' | 'approximate' | 'flowCount'>;
export type ColumnNode = GraphNode & { column: Column; entityId: string; rank: number; total: Counted };
export type ColumnEdge = GraphEdge & { flows: string[]; uncounted: boolean; total: Counted };

export interface ColumnGraph {
  nodes: ColumnNode[];
  edges: ColumnEdge[];
}

const COLUMN_OF: Record<FundingGraph['nodes'][number]['role'], Column> = { DONOR: 'donor', AUTHORITY: 'authority', RECIPIENT: 'recipient' };

/** Canvas id of an entity in a column (an actor can be donor and recipient at once). */
export function columnId(column: Column, id: string): string {
  return `${column[0]}:${id}`;
}

/** The entity id behind a canvas id made by `columnId`. */
export function entityOf(canvasId: string): string {
  return canvasId.replace(/^[dar]:/, '');
}

/** Build the columns from the API's funding graph; kinds and citations come from its flows. */
export function columnGraph(answer: Pick<FundingView, 'graph'>): ColumnGraph {
  const kinds = new Map<string, NodeKind>();
  const citations = new Map<string, string | null>();
  for (const f of answer.graph.edges.flatMap((e) => e.flows.map((x) => x.flow))) {
    kinds.set(f.donor.id, f.donor.kind);
    kinds.set(f.recipient.id, f.recipient.kind);
    if (f.authority) citations.set(f.authority.id, f.authority.citation);
  }
  const canvasIds = new Map<string, string>();
  const nodes: ColumnNode[] = answer.graph.nodes.map((n, rank) => {
    const column = COLUMN_OF[n.role];
    const entityId = n.entityId === NO_AUTHORITY_KEY ? NO_AUTHORITY : n.entityId;
    const id = columnId(column, entityId);
    canvasIds.set(n.id, id);
    const kind: NodeKind = column === 'authority' ? 'Authority' : (kinds.get(entityId) ?? 'State');
    const name = entityId === NO_AUTHORITY ? 'No authority recorded' : n.label;
    return { id, entityId, column, rank, labels: [], name, kind, citation: citations.get(entityId) ?? null, amountUsd: n.amountUsd, total: n };
  });
  const edges: ColumnEdge[] = answer.graph.edges.map((e) => {
    const listed = e.flows.map((x) => x.flow);
    const ids = listed.map((f) => f.id);
    const sources: Citation[] = listed.flatMap((f) => f.sources);
    const years = listed.length ? { start: Math.min(...listed.map((f) => f.fyStart)), end: Math.max(...listed.map((f) => f.fyEnd)) } : { start: null, end: null };
    return {
      id: e.id,
      source: canvasIds.get(e.source) ?? e.source,
      target: canvasIds.get(e.target) ?? e.target,
      type: 'FUNDED',
      ...years,
      amountUsd: e.amountUsd,
      authority: null,
      // Only an edge of one flow has a flow to open in the details panel.
      fundingId: e.matchedCount === 1 ? (ids[0] ?? null) : null,
      sources,
      flows: ids,
      uncounted: e.flowCount === 0,
      total: e,
    };
  });
  return { nodes, edges };
}
