/** The plain data every export format is written from: visible nodes and edges of one canvas. */
import type { Core, NodeSingular } from 'cytoscape';
import type { EdgeData, NodeData } from '../graph/to-elements.ts';
import { visibleElements } from '../graph/visible.ts';

export interface ExportNode {
  data: NodeData;
  position: { x: number; y: number };
}

export interface ExportEdge {
  data: EdgeData;
}

export interface ExportGraph {
  name: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Collect what is visible on `cy` (hidden nodes and "+N more" placeholders are left out). */
export function visibleGraph(cy: Core, name: string): ExportGraph {
  const shown = visibleElements(cy);
  const nodes = shown.nodes().filter((n) => !n.hasClass('more'));
  const ids = new Set(nodes.map((n) => n.id()));
  const edges = shown.edges().filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()));
  return {
    name,
    nodes: nodes.map((n) => ({ data: n.data() as NodeData, position: { ...(n as NodeSingular).position() } })),
    edges: edges.map((e) => ({ data: e.data() as EdgeData })),
  };
}
