/**
 * The rows of "What the canvas shows": the visible entities, relationships and flows of one
 * canvas, each with its sources. Figures are the canvas data's, which are the API's (a flow's
 * amount, a funding leg's counted amount); nothing is summed or filtered here beyond splitting
 * the visible edges into relationships and flows.
 */
import type { Citation } from '../api/types.ts';
import type { ExportGraph } from '../export/model.ts';
import { FUNDED } from '../../../domain/relationship-types.ts';

export interface EntityRow {
  id: string;
  name: string;
  kind: string;
  sources: Citation[];
}

export interface RelationshipRow {
  id: string;
  from: string;
  type: string;
  to: string;
  start: number | null;
  end: number | null;
  note: string | null;
  sources: Citation[];
}

export interface FlowRow {
  id: string;
  from: string;
  to: string;
  amountUsd: number | null;
  /** The canvas's label of the amount (with the API's "≥" / "~" mark where it has one). */
  amountText: string;
  start: number | null;
  end: number | null;
  authority: string | null;
  sources: Citation[];
}

export interface CanvasTable {
  entities: EntityRow[];
  relationships: RelationshipRow[];
  flows: FlowRow[];
}

/** Sources found by id; an element whose data carries its own sources keeps them. */
export interface SourceLookup {
  node(id: string): Citation[] | undefined;
  edge(id: string): Citation[] | undefined;
}

/** The table of `graph`, names resolved from its own nodes. */
export function canvasTable(graph: ExportGraph, lookup: SourceLookup): CanvasTable {
  const names = new Map(graph.nodes.map((n) => [n.data.id, n.data.name]));
  const name = (id: string) => names.get(id) ?? id;
  const entities = graph.nodes.map(({ data: d }) => ({ id: d.id, name: d.name, kind: d.kind, sources: d.sources ?? lookup.node(d.id) ?? [] }));
  const relationships: RelationshipRow[] = [];
  const flows: FlowRow[] = [];
  for (const { data: d } of graph.edges) {
    const sources = d.sources ?? lookup.edge(d.id) ?? [];
    if (d.type === FUNDED) {
      flows.push({ id: d.id, from: name(d.source), to: name(d.target), amountUsd: d.amountUsd, amountText: d.label, start: d.start, end: d.end, authority: d.authority, sources });
    } else {
      relationships.push({ id: d.id, from: name(d.source), type: d.type, to: name(d.target), start: d.start, end: d.end, note: d.note, sources });
    }
  }
  return { entities, relationships, flows };
}

/** Ids of the elements whose sources must be asked of the API (their data carries none). */
export function missingSources(graph: ExportGraph, entityOf: (canvasId: string) => string): { nodes: string[]; edges: string[] } {
  return {
    nodes: graph.nodes.filter((n) => !n.data.sources).map((n) => entityOf(n.data.id)),
    edges: graph.edges.filter((e) => !e.data.sources).map((e) => e.data.id),
  };
}
