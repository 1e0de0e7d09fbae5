/**
 * "Table": a modal dialog listing what the active canvas shows (entities, relationships, flows)
 * with their sources, sortable, each table downloadable as CSV (the shell is ui/modal.ts).
 */
import type { Core } from 'cytoscape';
import { h, setChildren } from '../ui/dom.ts';
import { modalControl } from '../ui/modal.ts';
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
  let seq = 0;

  const fill = async (body: HTMLElement, target: TableTarget) => {
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

  return modalControl({
    id: 'table',
    title: 'What the canvas shows',
    buttonLabel: ['Table'],
    dialogClass: 'table-dialog',
    bodyClass: 'table-body',
    // The canvas changes between openings, so the table is built afresh each time.
    open: (body) => {
      const target = current();
      if (target) void fill(body, target);
      else setChildren(body, h('p', { class: 'muted' }, 'This view has no canvas.'));
    },
  });
}
