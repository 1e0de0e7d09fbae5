/**
 * How the comparison marks edges: added solid green, removed dashed red, changed amber and wider,
 * unchanged grey and faint. Line style and width differ too, so the marks do not rest on colour
 * alone; each colour is at least 3:1 against the white canvas.
 */
import type { StylesheetJson } from 'cytoscape';

/** Colour and line of each mark (the legend draws the same swatches). */
export const MARKS = {
  'cmp-added': { color: '#15803d', line: 'solid' },
  'cmp-removed': { color: '#b91c1c', line: 'dashed' },
  'cmp-changed': { color: '#b45309', line: 'solid' },
  'cmp-same': { color: '#6b7280', line: 'dotted' },
} as const;

/** The rules, added to the canvas stylesheet after the edge families so they win. */
export function compareRules(): StylesheetJson {
  const rules: StylesheetJson = Object.entries(MARKS).map(([cls, m]) => ({
    selector: `edge.${cls}`,
    style: { 'line-color': m.color, 'target-arrow-color': m.color, 'line-style': m.line, opacity: 1, color: m.color, 'min-zoomed-font-size': 6 },
  }));
  return [
    ...rules,
    { selector: 'edge.cmp-changed', style: { width: 4 } },
    { selector: 'edge.cmp-added, edge.cmp-removed', style: { width: 3 } },
    { selector: 'edge.cmp-same', style: { opacity: 0.45, 'text-opacity': 0 } },
  ];
}
