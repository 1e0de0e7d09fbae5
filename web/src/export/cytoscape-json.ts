/**
 * Cytoscape JSON (the `elements: { nodes, edges }` format that Cytoscape desktop and
 * cytoscape.js both read), with positions, so the graph reopens as it was drawn.
 */
import type { ExportGraph } from './model.ts';
import { sourcesText } from './graphml.ts';

/**
 * Cytoscape desktop keeps only scalar and list-of-scalar attributes: citations become one
 * readable string, and empty values are left out.
 */
function flat(data: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value == null) continue;
    if (key === 'sources') out[key] = sourcesText(value as Parameters<typeof sourcesText>[0]);
    else if (Array.isArray(value) && value.some((v) => typeof v === 'object')) out[key] = JSON.stringify(value);
    else out[key] = value;
  }
  return out;
}

export interface CytoscapeJson {
  format_version: string;
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; exported: string };
  elements: {
    nodes: { data: Record<string, unknown>; position: { x: number; y: number } }[];
    edges: { data: Record<string, unknown> }[];
  };
}

/** Build the document. */
export function toCytoscapeJson(graph: ExportGraph): CytoscapeJson {
  return {
    format_version: '1.0',
    generated_by: 'aidgraph',
    target_cytoscapejs_version: '~3.35',
    data: { name: graph.name, exported: new Date().toISOString() },
    elements: {
      nodes: graph.nodes.map((n) => ({ data: flat(n.data), position: { x: n.position.x, y: n.position.y } })),
      edges: graph.edges.map((e) => ({ data: flat(e.data) })),
    },
  };
}
