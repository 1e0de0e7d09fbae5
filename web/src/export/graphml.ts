/**
 * GraphML writer. Plain GraphML keys (read by Gephi, yEd, NetworkX, igraph) plus yFiles node
 * graphics (label, colour, shape, position) so yEd shows a readable drawing straight away.
 */
import type { ExportGraph } from './model.ts';

/** Escape text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(value: unknown): string {
  return String(value)
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: 'string' | 'int' | 'double';
}

const NODE_KEYS: Key[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'n_description', for: 'node', name: 'description', type: 'string' },
  { id: 'n_citation', for: 'node', name: 'citation', type: 'string' },
  { id: 'n_year', for: 'node', name: 'year', type: 'int' },
  { id: 'n_amount', for: 'node', name: 'amountUsd', type: 'double' },
  { id: 'n_color', for: 'node', name: 'color', type: 'string' },
];

const EDGE_KEYS: Key[] = [
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_start', for: 'edge', name: 'start', type: 'int' },
  { id: 'e_end', for: 'edge', name: 'end', type: 'int' },
  { id: 'e_amount', for: 'edge', name: 'amountUsd', type: 'double' },
  { id: 'e_authority', for: 'edge', name: 'authority', type: 'string' },
  { id: 'e_note', for: 'edge', name: 'note', type: 'string' },
  { id: 'e_sources', for: 'edge', name: 'sources', type: 'string' },
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
];

const YED_SHAPES: Record<string, string> = {
  ellipse: 'ellipse',
  hexagon: 'hexagon',
  'round-rectangle': 'roundrectangle',
  'round-octagon': 'octagon',
  diamond: 'diamond',
  triangle: 'triangle',
  pentagon: 'hexagon',
  barrel: 'roundrectangle',
  'cut-rectangle': 'rectangle',
  star: 'star8',
};

function data(key: string, value: unknown): string {
  if (value == null || value === '' || (typeof value === 'number' && !Number.isFinite(value))) return '';
  return `<data key="${key}">${xmlEscape(value)}</data>`;
}

/** Citations flattened to one readable string, for tools that only keep scalar attributes. */
export function sourcesText(sources: { source: string; section: string | null; paragraphs: number[]; footnotes: number[] }[] | null | undefined): string {
  return (sources ?? [])
    .map((s) => [s.source, s.section, s.paragraphs.length ? `p${s.paragraphs.join(',')}` : '', s.footnotes.length ? `fn${s.footnotes.join(',')}` : ''].filter(Boolean).join(' '))
    .join('; ');
}

/** Write `graph` as a GraphML document (directed). */
export function toGraphML(graph: ExportGraph): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const k of [...NODE_KEYS, ...EDGE_KEYS]) {
    out.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`);
  }
  out.push('  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>');
  out.push(`  <graph id="${xmlEscape(graph.name || 'aidgraph')}" edgedefault="directed">`);
  for (const { data: d, position } of graph.nodes) {
    const shape = YED_SHAPES[d.shape] ?? 'ellipse';
    const graphics =
      `<data key="n_graphics"><y:ShapeNode><y:Geometry x="${position.x.toFixed(1)}" y="${position.y.toFixed(1)}" width="30" height="30"/>` +
      `<y:Fill color="${xmlEscape(d.color)}" transparent="false"/><y:NodeLabel modelName="sides" modelPosition="s">${xmlEscape(d.name)}</y:NodeLabel>` +
      `<y:Shape type="${shape}"/></y:ShapeNode></data>`;
    out.push(
      `    <node id="${xmlEscape(d.id)}">${data('n_label', d.name)}${data('n_kind', d.kind)}${data('n_description', d.description)}${data('n_citation', d.citation)}${data('n_year', d.year)}${data('n_amount', d.amountUsd)}${data('n_color', d.color)}${graphics}</node>`,
    );
  }
  for (const { data: d } of graph.edges) {
    out.push(
      `    <edge id="${xmlEscape(d.id)}" source="${xmlEscape(d.source)}" target="${xmlEscape(d.target)}">${data('e_type', d.type)}${data('e_label', d.label)}${data('e_start', d.start)}${data('e_end', d.end)}${data('e_amount', d.amountUsd)}${data('e_authority', d.authority)}${data('e_note', d.note)}${data('e_sources', sourcesText(d.sources))}${data('e_weight', d.amountUsd ? Math.log10(d.amountUsd) : 1)}</edge>`,
    );
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}
