/**
 * THE mapping from API data (Subgraph: GraphNode / GraphEdge) to Cytoscape element JSON.
 * Every view (overview, expansion, lineage, funding, paths, details) goes through here, so the
 * canvas, the exports and the tests all see the same data fields.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode, Subgraph } from '../api/types.ts';
import { edgeFamily, fundingWidth, kindStyle } from './kinds.ts';
import { formatUsd, formatYears, humanType } from '../ui/format.ts';

/** Data carried by every node element. */
export interface NodeData {
  id: string;
  name: string;
  /** Text drawn on the canvas (may hold several lines). */
  label: string;
  kind: string;
  labels: string[];
  description: string | null;
  citation: string | null;
  year: number | null;
  amountUsd: number | null;
  color: string;
  shape: string;
  sources: GraphNode['sources'] | null;
}

/** Data carried by every edge element. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  family: string;
  label: string;
  start: number | null;
  end: number | null;
  /** What start and end mean, and how the record stands to its text (the API's; null when it gives none). */
  timing: GraphEdge['timing'] | null;
  evidence: GraphEdge['evidence'] | null;
  note: string | null;
  amountUsd: number | null;
  authority: string | null;
  fundingId: string | null;
  color: string;
  lineStyle: string;
  width: number;
  sources: GraphEdge['sources'] | null;
  /** A line standing for several relationships (the lineage view merges parallel ones): their ids. */
  members?: string[];
}

export interface ToElementsOptions {
  /** Ids already on the canvas: edges may attach to them even when the subgraph lacks the node. */
  existing?: (id: string) => boolean;
  /** View-specific node label (the lineage view adds years and laws). */
  labelFor?: (node: GraphNode) => string;
  /** View-specific edge label. */
  edgeLabelFor?: (edge: GraphEdge) => string;
  /** Extra classes on every element (e.g. 'expansion'). */
  classes?: string;
}

/** Label of an edge: its type, the amount for money, and its years. */
export function defaultEdgeLabel(edge: GraphEdge): string {
  const parts = [edge.amountUsd ? formatUsd(edge.amountUsd) : humanType(edge.type)];
  const years = formatYears(edge.start, edge.end);
  if (years) parts.push(years);
  return parts.join(' · ');
}

/** One node as Cytoscape data. */
export function nodeData(node: GraphNode, label?: string): NodeData {
  const style = kindStyle(node.kind);
  return {
    id: node.id,
    name: node.name,
    label: label ?? node.name,
    kind: node.kind,
    labels: node.labels ?? [],
    description: node.description ?? null,
    citation: node.citation ?? null,
    year: node.year ?? null,
    amountUsd: node.amountUsd ?? null,
    color: style.color,
    shape: style.shape,
    sources: node.sources ?? null,
  };
}

/** One edge as Cytoscape data. */
export function edgeData(edge: GraphEdge, label?: string): EdgeData {
  const family = edgeFamily(edge.type);
  const money = edge.amountUsd != null && edge.amountUsd > 0;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    family: family.id,
    label: label ?? defaultEdgeLabel(edge),
    start: edge.start ?? null,
    end: edge.end ?? null,
    timing: edge.timing ?? null,
    evidence: edge.evidence ?? null,
    note: edge.note ?? null,
    amountUsd: edge.amountUsd ?? null,
    authority: edge.authority ?? null,
    fundingId: edge.fundingId ?? null,
    color: family.color,
    lineStyle: family.line,
    width: money ? fundingWidth(edge.amountUsd) : family.id === 'lineage' ? 2.5 : 1.5,
    sources: edge.sources ?? null,
  };
}

/**
 * Map a subgraph to Cytoscape elements. Duplicate ids are dropped, and so are edges whose ends are
 * neither in the subgraph nor on the canvas (a truncated answer can name nodes it left out).
 */
export function toElements(sub: Pick<Subgraph, 'nodes' | 'edges'>, options: ToElementsOptions = {}): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const ids = new Set<string>();
  const extra = options.classes ?? '';
  for (const node of sub.nodes) {
    if (ids.has(node.id)) continue;
    ids.add(node.id);
    out.push({ group: 'nodes', data: nodeData(node, options.labelFor?.(node)), classes: extra });
  }
  const known = (id: string) => ids.has(id) || (options.existing?.(id) ?? false);
  const edgeIds = new Set<string>();
  for (const edge of sub.edges) {
    if (edgeIds.has(edge.id) || ids.has(edge.id)) continue;
    if (!known(edge.source) || !known(edge.target)) continue;
    edgeIds.add(edge.id);
    const money = edge.amountUsd != null && edge.amountUsd > 0 ? ' money' : '';
    out.push({ group: 'edges', data: edgeData(edge, options.edgeLabelFor?.(edge)), classes: `${extra}${money}`.trim() });
  }
  return out;
}
