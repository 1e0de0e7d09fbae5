/**
 * The Export control: PNG, Cytoscape JSON, GraphML and CSV (nodes, edges) of the visible graph
 * of the active view, downloaded as files.
 */
import type { Core } from 'cytoscape';
import { h } from '../ui/dom.ts';
import { visibleGraph } from './model.ts';
import { toGraphML } from './graphml.ts';
import { edgesCsv, nodesCsv } from './csv.ts';
import { toCytoscapeJson } from './cytoscape-json.ts';
import { toast } from '../ui/status.ts';

export type ExportFormat = 'png' | 'json' | 'graphml' | 'csv-nodes' | 'csv-edges';

export const EXPORT_FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'png', label: 'PNG image' },
  { id: 'json', label: 'Cytoscape JSON' },
  { id: 'graphml', label: 'GraphML (Gephi, yEd)' },
  { id: 'csv-nodes', label: 'CSV – nodes' },
  { id: 'csv-edges', label: 'CSV – edges' },
];

/** Save a blob under `filename` through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the visible graph of `cy` in `format`. */
export function exportGraph(cy: Core, viewName: string, format: ExportFormat): void {
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `aidgraph-${viewName}-${stamp}`;
  const graph = visibleGraph(cy, `aidgraph ${viewName}`);
  if (!graph.nodes.length) {
    toast('Nothing to export: the view is empty.', 'error');
    return;
  }
  switch (format) {
    case 'png': {
      const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }) as unknown as Blob;
      download(blob, `${base}.png`);
      break;
    }
    case 'json':
      download(new Blob([JSON.stringify(toCytoscapeJson(graph), null, 2)], { type: 'application/json' }), `${base}.cyjs`);
      break;
    case 'graphml':
      download(new Blob([toGraphML(graph)], { type: 'application/graphml+xml' }), `${base}.graphml`);
      break;
    case 'csv-nodes':
      download(new Blob([nodesCsv(graph)], { type: 'text/csv' }), `${base}-nodes.csv`);
      break;
    case 'csv-edges':
      download(new Blob([edgesCsv(graph)], { type: 'text/csv' }), `${base}-edges.csv`);
      break;
  }
}

/** The header control: a format picker and a button. `current` gives the active view's canvas. */
export function exportControl(current: () => { cy: Core; name: string } | null): HTMLElement {
  const select = h('select', { id: 'export-format', 'aria-label': 'Export format' }, ...EXPORT_FORMATS.map((f) => h('option', { value: f.id }, f.label)));
  const button = h(
    'button',
    {
      type: 'button',
      id: 'export-button',
      onclick: () => {
        const target = current();
        if (!target) return toast('This view has no graph to export.', 'error');
        exportGraph(target.cy, target.name, select.value as ExportFormat);
      },
    },
    'Export',
  );
  return h('div', { class: 'export-control' }, select, button);
}
