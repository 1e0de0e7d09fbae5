/**
 * Sortable columns for a data table already on the page: a header button per column reorders
 * the rows by the cell's `data-value` (numbers) or its text, and marks the order with aria-sort.
 * Only the order of the rows changes; no figure is touched.
 */
import { h } from '../ui/dom.ts';

function key(row: HTMLTableRowElement, column: number): string | number {
  const cell = row.cells[column];
  const value = cell?.dataset.value;
  return value != null && value !== '' && Number.isFinite(Number(value)) ? Number(value) : (cell?.textContent ?? '').trim().toLowerCase();
}

/** Make every header cell of `table` sort its rows; numbers first compare as numbers. */
export function makeSortable(table: HTMLTableElement): void {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])];
  heads.forEach((th, column) => {
    const label = th.textContent ?? '';
    const button = h('button', { type: 'button', class: 'sort-button', title: `Sort by ${label.toLowerCase()}` }, label);
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const other of heads) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const body = table.tBodies[0];
      if (!body) return;
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a, column), key(b, column)];
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
      body.append(...rows);
    });
  });
}
