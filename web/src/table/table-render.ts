/**
 * The three tables of "What the canvas shows", sortable by any column, each with a CSV button.
 * Amounts are the canvas data's (the API's); cells hold them in `data-value` for sorting.
 */
import { h } from '../ui/dom.ts';
import { formatUsd, formatYears, humanKind, humanType } from '../ui/format.ts';
import { makeSortable } from '../funding/sortable.ts';
import { sourcesText } from '../export/graphml.ts';
import type { TableName } from '../export/table-csv.ts';
import type { CanvasTable } from './rows.ts';

type Cell = string | { text: string; value: string | number | null };

const TITLES: Record<TableName, string> = { entities: 'Entities', relationships: 'Relationships', flows: 'Funding flows' };

function table(name: TableName, head: string[], rows: { id: string; cells: Cell[] }[]): HTMLTableElement {
  const el = h(
    'table',
    { class: 'canvas-table', id: `table-${name}`, 'aria-labelledby': `table-${name}-h` },
    h('thead', {}, h('tr', {}, ...head.map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h('tr', { 'data-id': r.id }, ...r.cells.map((c) => (typeof c === 'string' ? h('td', {}, c) : h('td', { class: 'num', 'data-value': c.value ?? '' }, c.text)))),
      ),
    ),
  );
  makeSortable(el);
  return el;
}

const years = (start: number | null, end: number | null): Cell => ({ text: formatYears(start, end), value: start ?? end });

function section(name: TableName, count: number, body: HTMLTableElement, download: (name: TableName) => void): HTMLElement {
  return h(
    'section',
    { class: 'canvas-table-section', 'data-table': name },
    h(
      'div',
      { class: 'canvas-table-head' },
      h('h3', { id: `table-${name}-h` }, `${TITLES[name]} (${count})`),
      h('button', { type: 'button', class: 'csv-button', id: `table-${name}-csv`, onclick: () => download(name) }, `CSV of ${TITLES[name].toLowerCase()}`),
    ),
    count ? h('div', { class: 'canvas-table-wrap' }, body) : h('p', { class: 'muted' }, 'None on the canvas.'),
  );
}

/** The sections for `t`; `download` writes one table's CSV. */
export function tableSections(t: CanvasTable, download: (name: TableName) => void): HTMLElement[] {
  const entities = table('entities', ['Name', 'Kind', 'Id', 'Sources'], t.entities.map((r) => ({ id: r.id, cells: [r.name, humanKind(r.kind), r.id, sourcesText(r.sources)] })));
  const relationships = table(
    'relationships',
    ['From', 'Relationship', 'To', 'Years', 'Sources'],
    t.relationships.map((r) => ({ id: r.id, cells: [r.from, humanType(r.type), r.to, years(r.start, r.end), sourcesText(r.sources)] })),
  );
  const flows = table(
    'flows',
    ['From', 'To', 'Amount', 'Years', 'Sources'],
    t.flows.map((r) => ({ id: r.id, cells: [r.from, r.to, { text: formatUsd(r.amountUsd), value: r.amountUsd }, years(r.start, r.end), sourcesText(r.sources)] })),
  );
  return [
    section('entities', t.entities.length, entities, download),
    section('relationships', t.relationships.length, relationships, download),
    section('flows', t.flows.length, flows, download),
  ];
}
