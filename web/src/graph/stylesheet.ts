/**
 * The Cytoscape stylesheet, built from the visual vocabulary in kinds.ts.
 * `large` trades looks for speed (measured at 2,000-10,000 elements in headless Chromium):
 * haystack edges without arrows or labels (the selection's edges get both back), opaque
 * edges, no label wrapping, and node labels only when zoomed in.
 */
import type { StylesheetJson } from 'cytoscape';
import { KIND_STYLES } from './kinds.ts';
import { compareRules } from '../compare/styles.ts';

export interface StyleOptions {
  /** Thousands of elements: cheaper edges and later labels. */
  large: boolean;
}

/** Build the stylesheet. */
export function stylesheet({ large }: StyleOptions): StylesheetJson {
  const kindRules = Object.entries(KIND_STYLES).map(([kind, style]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: style.shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        // Hubs are bigger and keep their labels at lower zoom.
        width: 'mapData(degree, 0, 40, 20, 54)',
        height: 'mapData(degree, 0, 40, 20, 54)',
        label: 'data(label)',
        'font-size': 'mapData(degree, 0, 40, 10, 20)',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        // Labels appear once the zoom makes them at least this many pixels tall.
        'min-zoomed-font-size': large ? 14 : 9,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'overlay-padding': 4,
      },
    },
    ...kindRules,
    { selector: 'node[kind = "Authority"]', style: { height: 'mapData(degree, 0, 40, 15, 38)' } },
    { selector: 'node[^degree]', style: { width: 26, height: 26, 'font-size': 11 } },
    {
      // The best-connected nodes keep a readable label at overview zoom.
      selector: 'node.hub',
      style: { 'min-zoomed-font-size': 0, 'font-size': 'mapData(degree, 0, 40, 22, 36)', 'font-weight': 'bold', 'text-outline-width': 3, 'z-index': 12 },
    },
    // Labels that would overlap a more important one (labels.ts) wait for hover or selection.
    { selector: 'node.label-low', style: { 'text-opacity': 0 } },
    { selector: 'node.nbr', style: { 'min-zoomed-font-size': 0, 'z-index': 15 } },
    // Pinned (locked) nodes: a dashed amber outline, outside the border that selection uses.
    { selector: 'node.pinned', style: { 'outline-width': 3, 'outline-style': 'dashed', 'outline-color': '#b45309', 'outline-offset': 2 } },
    { selector: 'node.entering', style: { 'border-width': 4, 'border-color': '#1d4ed8', 'border-style': 'solid' } },
    { selector: 'edge.nbr', style: { opacity: 1, 'z-index': 14 } },
    {
      selector: 'node.hover',
      style: { 'text-opacity': 1, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'z-index': 20, 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '2px' },
    },
    { selector: 'node:selected', style: { 'text-opacity': 1, 'border-width': 4, 'border-color': '#111827', 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'z-index': 30 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#374151', 'border-style': 'double' } },
    { selector: 'node.focus-root', style: { 'border-width': 5, 'border-color': '#f59e0b' } },
    {
      selector: 'node.more',
      style: {
        shape: 'round-rectangle',
        'background-color': '#f3f4f6',
        'border-color': '#6b7280',
        'border-style': 'dashed',
        'border-width': 1.5,
        // A fixed box: a width taken from the label is deprecated in Cytoscape.
        width: 96,
        height: 20,
        padding: '2px',
        'text-wrap': 'ellipsis',
        'text-max-width': '92px',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-outline-width': 0,
        'font-size': 10,
        color: '#374151',
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.75,
        label: 'data(label)',
        'font-size': 9,
        color: '#374151',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': large ? 16 : 13,
      },
    },
    ...(large
      ? [
          {
            selector: 'edge',
            style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', label: '', opacity: 1, width: 1 },
          },
          { selector: 'edge.money', style: { width: 'data(width)', opacity: 1 } },
          { selector: 'node', style: { 'text-wrap': 'none', 'text-outline-width': 0, 'border-width': 0 } },
          {
            // The selection and what is under the pointer get arrows and labels back.
            selector: 'edge.nbr, edge.hover, edge:selected',
            style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', label: 'data(label)' },
          },
        ]
      : []),
    { selector: 'edge[lineStyle = "dashed"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[lineStyle = "dotted"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge.money', style: { opacity: 0.65 } },
    { selector: 'edge.more-link', style: { 'line-style': 'dashed', 'line-color': '#9ca3af', 'target-arrow-shape': 'none', width: 1, label: '' } },
    { selector: 'edge.hover, edge:selected', style: { opacity: 1, 'min-zoomed-font-size': 0, 'z-index': 25, 'font-size': 10 } },
    { selector: 'edge:selected', style: { 'overlay-color': '#111827', 'overlay-opacity': 0.12 } },
    { selector: 'node.col-donor, node.col-authority, node.col-recipient', style: { 'min-zoomed-font-size': 0, 'font-size': 17, width: 22, height: 22 } },
    { selector: 'node.col-donor', style: { 'text-halign': 'left', 'text-valign': 'center', 'text-margin-x': -8, 'text-margin-y': 0, 'text-max-width': '220px' } },
    { selector: 'node.col-recipient', style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 8, 'text-margin-y': 0, 'text-max-width': '220px' } },
    { selector: 'node.col-authority', style: { 'text-max-width': '200px', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'text-outline-width': 0, height: 16 } },
    { selector: 'node.col-narrow', style: { 'text-halign': 'center', 'text-valign': 'bottom', 'text-margin-x': 0, 'text-margin-y': 2, 'text-max-width': '120px', 'font-size': 13 } },
    { selector: 'edge.merged', style: { width: 3.5 } },
    { selector: 'node.lineage', style: { 'font-size': 13, 'min-zoomed-font-size': 0, 'text-max-width': '230px', width: 22, height: 16 } },
    // Horizontal edge labels on a white ground: the chain runs top-down, so rotated labels would stand on end.
    { selector: 'edge.lineage', style: { 'min-zoomed-font-size': 0, 'font-size': 12, 'text-rotation': 'none', 'text-background-opacity': 0.95, 'text-background-padding': '2px' } },
    { selector: 'edge.lineage[type = "ESTABLISHED_BY"], edge.lineage[type = "FUNDED_THROUGH"]', style: { 'text-opacity': 0 } },
    { selector: 'edge.lineage.hover, edge.lineage:selected', style: { 'text-opacity': 1 } },
    { selector: 'edge[type = "ESTABLISHED_BY"], edge[type = "FUNDED_THROUGH"]', style: { 'line-style': 'dashed', width: 1.5, opacity: 0.6 } },
    ...(compareRules() as object[]),
    { selector: '.is-hidden, .focus-out', style: { display: 'none' } },
    { selector: '.dim', style: { opacity: 0.16, 'text-opacity': 0 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f59e0b', 'min-zoomed-font-size': 0 } },
    { selector: 'edge.path', style: { opacity: 1, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 5, 'z-index': 40, 'min-zoomed-font-size': 0 } },
  ] as StylesheetJson;
}
