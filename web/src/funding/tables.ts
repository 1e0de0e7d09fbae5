/** The funding view's tables: totals by donor, authority and recipient, and the flows. */
import type { FundingTotals } from '../api/types.ts';
import type { FundingAnswer } from '../api/queries.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatFiscalYears, formatUsd } from '../ui/format.ts';
import { TOTALS_SHOWN, precisionText, totalText } from './state.ts';
import { countingRows } from './counting.ts';
import { makeSortable } from './sortable.ts';
import { flowsCsv } from '../export/flows-csv.ts';
import { download } from '../export/export-menu.ts';

export interface TableActions {
  /** Show an entity (a donor) in the details panel and on the canvas. */
  navigate(id: string): void;
  /** Only flows under this authority. */
  underAuthority(id: string): void;
  /** Open a recipient's dependency view. */
  recipient(id: string): void;
}

/** Short words for the flows table; the counting panel explains each at length. */
const COUNTED_TEXT: Record<string, string> = { AVERAGE: 'no (yearly average)', OUTSIDE_WINDOW: 'no (spans beyond the years)', PARTS_COUNTED: 'its parts are' };

function totalsList(title: string, totals: FundingTotals, id: string, pick?: (key: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'totals', id },
    h('h3', {}, title, ' ', h('span', { class: 'muted' }, totalText(totals))),
    h(
      'ol',
      {},
      ...totals.groups.slice(0, TOTALS_SHOWN).map((g) =>
        h(
          'li',
          { 'data-key': g.key },
          // The amount comes first so that it floats right of a label that wraps.
          h('span', { class: 'amount' }, totalText(g)),
          pick ? h('button', { type: 'button', class: 'node-link', onclick: () => pick(g.key) }, g.label) : h('span', {}, g.label),
        ),
      ),
      totals.groups.length > TOTALS_SHOWN ? h('li', { class: 'muted' }, `… ${totals.groups.length - TOTALS_SHOWN} more`) : null,
    ),
  );
}

/** `h` for a table whose columns sort on a click of their header. */
function sortableTable(...args: Parameters<typeof h<'table'>>): HTMLTableElement {
  const table = h(...args);
  makeSortable(table);
  return table;
}

/** Draw the totals and the flow table of `answer` into `host`. */
export function renderFundingTables(host: HTMLElement, answer: FundingAnswer, act: TableActions): void {
  const flows = answer.flows.nodes;
  const rows = countingRows(answer);
  const reasons = new Map(rows.notCounted.map((r) => [r.flow.id, r.reason]));
  const saveCsv = () => download(new Blob([flowsCsv([...rows.counted, ...rows.notCounted])], { type: 'text/csv' }), `aidgraph-funding-flows-${new Date().toISOString().slice(0, 10)}.csv`);
  const byId = new Map(flows.map((f) => [f.id, f]));
  const partName = (id: string) => {
    const p = byId.get(id);
    return p ? `${p.donor.name} → ${p.recipient.name} (${formatUsd(p.amountUsd)}, ${formatFiscalYears(p.fyStart, p.fyEnd)})` : 'a wider flow';
  };
  const counted = (id: string) => (reasons.has(id) ? COUNTED_TEXT[reasons.get(id)!] : 'yes');
  const link = (id: string, name: string, run: () => void) => h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: run }, name);
  setChildren(
    host,
    h(
      'div',
      { class: 'totals-row' },
      totalsList('Donors', answer.byDonor, 'totals-donors', (k) => act.navigate(k)),
      // The key '-' groups flows without an authority: nothing to filter by.
      totalsList('Authorities', answer.byAuthority, 'totals-authorities', (k) => (k === '-' ? undefined : act.underAuthority(k))),
      totalsList('Recipients', answer.byRecipient, 'totals-recipients', (k) => act.recipient(k)),
    ),
    h(
      'h3',
      {},
      `Flows `,
      h('span', { class: 'muted' }, answer.flows.totalCount > flows.length ? `(largest ${flows.length} of ${answer.flows.totalCount})` : `(${flows.length})`),
      ' ',
      h('button', { type: 'button', class: 'link-button', id: 'flows-csv', onclick: saveCsv }, 'Download as CSV (with sources)'),
    ),
    sortableTable(
      'table',
      { class: 'data-table', id: 'flows-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Donor'), h('th', {}, 'Authority'), h('th', {}, 'Recipient'), h('th', { class: 'num' }, 'Amount'), h('th', {}, 'Years'), h('th', {}, 'Counted in totals'), h('th', {}, 'Notes'))),
      h(
        'tbody',
        {},
        ...flows.map((f) =>
          h(
            'tr',
            { 'data-flow': f.id, 'data-recipient': f.recipient.id, 'data-authority': f.authority?.id ?? '' },
            h('td', {}, link(f.donor.id, f.donor.name, () => act.navigate(f.donor.id))),
            h('td', {}, f.authority ? link(f.authority.id, f.authority.name, () => act.underAuthority(f.authority!.id)) : h('span', { class: 'muted' }, 'not stated')),
            h('td', {}, link(f.recipient.id, f.recipient.name, () => act.recipient(f.recipient.id))),
            h('td', { class: 'num amount', 'data-value': f.amountUsd }, formatUsd(f.amountUsd)),
            h('td', { 'data-value': f.fyStart }, formatFiscalYears(f.fyStart, f.fyEnd)),
            h('td', { class: 'counted' }, counted(f.id)),
            h('td', { class: 'muted' }, [precisionText(f), f.partOf ? `part of ${partName(f.partOf)}` : '', f.purpose ?? ''].filter(Boolean).join('; ')),
          ),
        ),
      ),
    ),
  );
}
