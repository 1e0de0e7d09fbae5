/**
 * "Table": a modal dialog listing what the active canvas shows (entities, relationships, flows)
 * with their sources, sortable, each table downloadable as CSV. Escape closes it; focus returns
 * to the header button.
 */
import type { Core } from 'cytoscape';
import { h, setChildren } from '../ui/dom.ts';
import { visibleGraph } from '../export/model.ts';
import { download } from '../export/export-menu.ts';
import { tableCsv, type TableName } from '../export/table-csv.ts';
import { canvasTable, missingSources, type CanvasTable } from './rows.ts';
import { loadSources } from './sources.ts';
import { tableSections } from './table-render.ts';

/** The active canvas: its Cytoscape core, the view's name, and canvas id -> entity id. */
export interface TableTarget {
  cy: Core;
  name: string;
  entityOf: (canvasId: string) => string;
}

/** The header button and its dialog; append `button` to the header, `dialog` to the body. */
export function tableControl(current: () => TableTarget | null): { button: HTMLButtonElement; dialog: HTMLDialogElement } {
  const body = h('div', { class: 'table-body', id: 'table-body', 'data-state': 'idle' });
  const close = h('button', { type: 'button', class: 'about-close', id: 'table-close', 'aria-label': 'Close' }, '×');
  const dialog = h(
    'dialog',
    { class: 'about-dialog table-dialog', id: 'table-dialog', 'aria-labelledby': 'table-title' },
    h('div', { class: 'about-head' }, h('h2', { id: 'table-title' }, 'What the canvas shows'), close),
    body,
  );
  const button = h('button', { type: 'button', class: 'about-button', id: 'table-button', 'aria-haspopup': 'dialog', 'aria-controls': 'table-dialog' }, 'Table');
  let seq = 0;

  const fill = async (target: TableTarget) => {
    const mine = ++seq;
    body.dataset.state = 'loading';
    setChildren(body, h('p', { class: 'muted' }, 'Loading the sources…'));
    try {
      const graph = visibleGraph(target.cy, target.name);
      const lookup = await loadSources(missingSources(graph, target.entityOf), target.entityOf);
      if (mine !== seq) return;
      const table: CanvasTable = canvasTable(graph, lookup);
      const save = (name: TableName) => download(new Blob([tableCsv(table, name)], { type: 'text/csv' }), `aidgraph-${target.name}-${name}.csv`);
      setChildren(body, h('p', { class: 'muted' }, `The ${target.name} view's canvas as it is now; click a column heading to sort.`), ...tableSections(table, save));
      body.dataset.state = 'ready';
    } catch (err) {
      setChildren(body, h('p', { class: 'error', role: 'alert' }, `The sources could not be loaded: ${(err as Error).message}`));
      body.dataset.state = 'error';
    }
  };

  button.addEventListener('click', () => {
    const target = current();
    dialog.showModal();
    close.focus();
    if (target) void fill(target);
    else setChildren(body, h('p', { class: 'muted' }, 'This view has no canvas.'));
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => button.focus());
  return { button, dialog };
}
