/**
 * Funding view: money from donors through authorities to recipients, with totals; choosing a
 * recipient opens its dependency view (donor shares, concentration index).
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { fetchFunding, type FundingAnswer } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { FundingFlow, FundingTotals } from '../api/types.ts';
import { Canvas } from '../graph/canvas.ts';
import { ACTOR_NODE_KINDS } from '../graph/kinds.ts';
import { toElements } from '../graph/to-elements.ts';
import { SearchBox } from '../search/search-box.ts';
import { StatusOverlay } from '../ui/status.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatFiscalYears, formatUsd } from '../ui/format.ts';
import type { Store } from '../state/store.ts';
import { yearWindow, type ViewState } from '../state/view-state.ts';
import type { DetailsPanel } from '../details/details-panel.ts';
import type { View } from '../ui/view.ts';
import { flowGraph, entityOf, columnId, NO_AUTHORITY, type Column } from './flow-graph.ts';
import { DependencyPanel } from './dependency-panel.ts';
import { renderLegend } from '../graph/legend.ts';

const COLUMN_X: Record<Column, number> = { donor: 0, authority: 330, recipient: 660 };
const ROW = 40;

function key(s: ViewState): string {
  return JSON.stringify([s.fundingAuthority, s.descendants, s.minAmount, s.yearMode, s.yearFrom, s.yearTo]);
}

function totalText(t: { amountUsd: number; lowerBound: boolean; approximate: boolean }): string {
  return `${t.lowerBound ? '≥ ' : t.approximate ? '~ ' : ''}${formatUsd(t.amountUsd)}`;
}

function precisionText(f: FundingFlow): string {
  const p = f.precision === 'LOWER_BOUND' ? 'at least' : f.precision === 'APPROXIMATE' ? 'approx.' : '';
  const b = f.basis === 'ANNUAL' ? 'per year' : f.basis === 'AVERAGE' ? 'yearly average' : '';
  return [p, b].filter(Boolean).join(', ');
}

export class FundingView implements View {
  readonly name = 'funding' as const;
  readonly el: HTMLElement;
  readonly controls: HTMLElement;
  readonly canvas: Canvas;
  private readonly status: StatusOverlay;
  private readonly tables: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly deps: DependencyPanel;
  private readonly authorityPicker: SearchBox;
  private readonly recipientPicker: SearchBox;
  private controller: AbortController | null = null;
  private shownKey: string | null = null;
  private shownRecipient: string | null | undefined = undefined;

  constructor(
    private readonly store: Store,
    private readonly details: DetailsPanel,
  ) {
    const container = h('div', { class: 'canvas', id: 'cy-funding', tabindex: '0', 'aria-label': 'Funding flows from donors through authorities to recipients' });
    this.legend = h('div', { class: 'legend' });
    const stage = h('div', { class: 'canvas-wrap' }, container, this.legend, h('div', { class: 'column-heads', 'aria-hidden': 'true' }, h('span', {}, 'Donors'), h('span', {}, 'Authorities'), h('span', {}, 'Recipients')));
    const depHost = h('section', { class: 'dependency', id: 'dependency-panel', hidden: true, 'aria-label': 'Dependency of the chosen recipient' });
    this.tables = h('div', { id: 'funding-tables' });
    this.el = h('section', { class: 'view split', id: 'view-funding', 'aria-label': 'Funding flows', hidden: true }, stage, h('div', { class: 'table-wrap' }, depHost, this.tables));
    this.status = new StatusOverlay(stage);
    this.deps = new DependencyPanel(depHost, {
      navigate: (id) => this.navigate(id),
      close: () => this.store.update({ recipient: undefined }),
    });
    this.canvas = new Canvas(container, {
      onCreate: (cy) => {
        cy.on('tap', 'node', (e) => {
          const node = e.target;
          const id = entityOf(node.id());
          if (id === NO_AUTHORITY) return this.details.clear();
          void this.details.showNode(id);
          if (node.hasClass('col-recipient')) this.store.update({ recipient: id });
        });
        cy.on('tap', 'edge', (e) => this.details.showEdge(e.target));
      },
    });
    this.authorityPicker = new SearchBox({ id: 'funding-authority', label: 'Authority', placeholder: 'Any authority', kinds: ['Authority'], onPick: (hit) => this.store.update({ fundingAuthority: hit.id }) });
    this.recipientPicker = new SearchBox({
      id: 'funding-recipient',
      label: 'Recipient',
      placeholder: 'Choose a recipient…',
      kinds: ACTOR_NODE_KINDS,
      onPick: (hit) => this.store.update({ recipient: hit.id }),
    });
    this.controls = h('div', { class: 'controls', id: 'funding-controls' });
  }

  private renderControls(state: ViewState): void {
    const years = yearWindow(state);
    const yearInput = (id: string, label: string, value: number | undefined) =>
      h('label', { class: 'inline-field' }, label, h('input', { type: 'number', id, min: 1900, max: 2100, step: 1, value: value ?? '', placeholder: 'any', onchange: () => this.emitYears() }));
    setChildren(
      this.controls,
      h('h2', {}, 'Funding'),
      h('p', { class: 'muted' }, 'Money from donors (left) through legal authorities (middle) to recipients (right). Edge width grows with the amount. Click a recipient to see whom it depends on.'),
      h('label', { class: 'field', for: 'funding-recipient-input' }, 'Recipient (dependency view)'),
      this.recipientPicker.el,
      h('label', { class: 'field', for: 'funding-authority-input' }, 'Only flows under'),
      this.authorityPicker.el,
      state.fundingAuthority
        ? h('div', { class: 'chip-row' }, h('span', { class: 'chip static' }, state.fundingAuthority), h('button', { type: 'button', class: 'link-button', onclick: () => this.store.update({ fundingAuthority: undefined, descendants: false }) }, 'any authority'))
        : null,
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'funding-descendants', checked: state.descendants, onchange: (e: Event) => this.store.update({ descendants: (e.target as HTMLInputElement).checked }) }), 'and every authority descending from it'),
      h('fieldset', { class: 'years' }, h('legend', {}, 'Fiscal years'), yearInput('funding-from', 'from', years.yearFrom), yearInput('funding-to', 'to', years.yearTo)),
    );
  }

  private emitYears(): void {
    const from = Number((this.controls.querySelector('#funding-from') as HTMLInputElement).value) || undefined;
    const to = Number((this.controls.querySelector('#funding-to') as HTMLInputElement).value) || undefined;
    if (!from && !to) this.store.update({ yearMode: 'all', yearFrom: undefined, yearTo: undefined });
    else this.store.update({ yearMode: 'between', yearFrom: from ?? to, yearTo: to ?? from });
  }

  activate(state: ViewState): void {
    this.canvas.resize();
    this.onState(state);
  }

  onState(state: ViewState): void {
    if (key(state) !== this.shownKey) {
      this.shownKey = key(state);
      this.renderControls(state);
      void this.load(state);
    } else if (state.recipient !== this.shownRecipient) {
      this.applyRecipient(state);
    }
  }

  navigate(id: string): void {
    void this.details.showNode(id);
    const cy = this.canvas.cy;
    const node = cy.nodes().filter((n) => entityOf(n.id()) === id);
    if (node.nonempty()) {
      cy.nodes(':selected').unselect();
      node.select();
    }
  }

  exportTarget(): Core | null {
    return this.canvas.cy;
  }

  resize(): void {
    this.canvas.resize();
  }

  private async load(state: ViewState): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.loading('Adding up the flows…');
    this.canvas.container.dataset.state = 'loading';
    const filter = {
      authority: state.fundingAuthority,
      includeDescendants: state.fundingAuthority ? state.descendants : undefined,
      minAmountUsd: state.minAmount,
      ...yearWindow(state),
    };
    try {
      const answer = await fetchFunding(filter, controller.signal);
      if (controller.signal.aborted) return;
      this.render(answer);
      if (!answer.flows.nodes.length) {
        this.status.empty('No funding flows match these filters.', { label: 'Clear the funding filters', run: () => this.store.update({ fundingAuthority: undefined, descendants: false, minAmount: undefined, yearMode: 'all', yearFrom: undefined, yearTo: undefined }) });
        this.canvas.markReady();
        return;
      }
      await this.canvas.layout('preset');
      this.status.ready();
      this.shownRecipient = undefined;
      this.applyRecipient(this.store.state);
      this.canvas.markReady();
    } catch (err) {
      if (isAbort(err)) return;
      this.canvas.container.dataset.state = 'error';
      this.status.error(err, () => void this.load(this.store.state));
    }
  }

  private render(answer: FundingAnswer): void {
    const graph = flowGraph(answer.flows.nodes);
    // Rows sorted by total so the biggest flows sit at the top of each column.
    const byColumn: Record<Column, typeof graph.nodes> = { donor: [], authority: [], recipient: [] };
    for (const n of graph.nodes) byColumn[n.column].push(n);
    // On a narrow screen the columns close up and labels go under the nodes.
    const narrow = this.canvas.container.clientWidth < 600;
    const spread = narrow ? 0.5 : 1;
    const positions = new Map<string, { x: number; y: number }>();
    for (const column of Object.keys(byColumn) as Column[]) {
      const list = byColumn[column].sort((a, b) => b.total - a.total);
      const row = narrow ? ROW * 1.3 : ROW;
      const height = (list.length - 1) * row;
      list.forEach((n, i) => positions.set(n.id, { x: COLUMN_X[column] * spread, y: i * row - height / 2 }));
    }
    const columnOf = new Map(graph.nodes.map((n) => [n.id, n]));
    // Labels carry the API's totals (which know lower bounds and breakdowns), else the page's sums.
    const apiTotals: Record<Column, Map<string, FundingTotals['groups'][number]>> = {
      donor: new Map(answer.byDonor.groups.map((g) => [g.key, g])),
      authority: new Map(answer.byAuthority.groups.map((g) => [g.key, g])),
      recipient: new Map(answer.byRecipient.groups.map((g) => [g.key, g])),
    };
    const elements: ElementDefinition[] = toElements(graph, {
      labelFor: (n) => {
        const node = columnOf.get(n.id);
        if (!node) return n.name;
        // The API groups flows without an authority under the key '-'.
        const api = apiTotals[node.column].get(node.entityId === NO_AUTHORITY ? '-' : node.entityId);
        const text = api ? totalText(api) : node.total ? formatUsd(node.total) : '';
        return text ? `${n.name}  ${text}` : n.name;
      },
    }).map((el) => {
      if (el.group === 'nodes') {
        const id = el.data.id as string;
        return { ...el, position: positions.get(id), classes: `${el.classes ?? ''} col-${columnOf.get(id)?.column}${narrow ? ' col-narrow' : ''}`.trim() };
      }
      return el;
    });
    this.canvas.setElements(elements);
    renderLegend(this.legend, this.canvas.cy);
    this.renderTables(answer);
  }

  private applyRecipient(state: ViewState): void {
    this.shownRecipient = state.recipient;
    const cy = this.canvas.cy;
    cy.elements().removeClass('faded path');
    if (!state.recipient) {
      this.deps.hide();
      this.recipientPicker.setText('');
      return;
    }
    const node = cy.getElementById(columnId('recipient', state.recipient));
    if (node.nonempty()) {
      // Highlight the money reaching this recipient: its authorities and their donors.
      const incoming = node.incomers();
      const authorities = incoming.nodes();
      // (The column graph is aggregated, so these donors may also fund other recipients.)
      const donorEdges = authorities.incomers('edge');
      const keep = node.union(incoming).union(donorEdges).union(donorEdges.sources());
      cy.elements().not(keep).addClass('faded');
      node.addClass('path');
      this.recipientPicker.setText(node.data('name'));
    }
    const years = yearWindow(state);
    void this.deps.show(state.recipient, years.yearFrom, years.yearTo);
  }

  private totalsList(title: string, totals: FundingTotals, id: string, pick?: (key: string) => void): HTMLElement {
    return h(
      'div',
      { class: 'totals', id },
      h('h3', {}, title, ' ', h('span', { class: 'muted' }, totalText(totals))),
      h(
        'ol',
        {},
        ...totals.groups.slice(0, 12).map((g) =>
          h(
            'li',
            { 'data-key': g.key },
            // The amount comes first so that it floats right of a label that wraps.
            h('span', { class: 'amount' }, totalText(g)),
            pick ? h('button', { type: 'button', class: 'node-link', onclick: () => pick(g.key) }, g.label) : h('span', {}, g.label),
          ),
        ),
        totals.groups.length > 12 ? h('li', { class: 'muted' }, `… ${totals.groups.length - 12} more`) : null,
      ),
    );
  }

  private renderTables(answer: FundingAnswer): void {
    const flows = answer.flows.nodes;
    const link = (id: string, name: string, run: () => void) => h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: run }, name);
    setChildren(
      this.tables,
      h(
        'div',
        { class: 'totals-row' },
        this.totalsList('Donors', answer.byDonor, 'totals-donors', (k) => this.navigate(k)),
        this.totalsList('Authorities', answer.byAuthority, 'totals-authorities', (k) => (k === '-' ? undefined : this.store.update({ fundingAuthority: k }))),
        this.totalsList('Recipients', answer.byRecipient, 'totals-recipients', (k) => this.store.update({ recipient: k })),
      ),
      h('h3', {}, `Flows `, h('span', { class: 'muted' }, answer.flows.totalCount > flows.length ? `(largest ${flows.length} of ${answer.flows.totalCount})` : `(${flows.length})`)),
      h(
        'table',
        { class: 'data-table', id: 'flows-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Donor'), h('th', {}, 'Authority'), h('th', {}, 'Recipient'), h('th', { class: 'num' }, 'Amount'), h('th', {}, 'Years'), h('th', {}, 'Notes'))),
        h(
          'tbody',
          {},
          ...flows.map((f) =>
            h(
              'tr',
              { 'data-flow': f.id, 'data-recipient': f.recipient.id, 'data-authority': f.authority?.id ?? '' },
              h('td', {}, link(f.donor.id, f.donor.name, () => this.navigate(f.donor.id))),
              h('td', {}, f.authority ? link(f.authority.id, f.authority.name, () => this.store.update({ fundingAuthority: f.authority?.id })) : h('span', { class: 'muted' }, 'not stated')),
              h('td', {}, link(f.recipient.id, f.recipient.name, () => this.store.update({ recipient: f.recipient.id }))),
              h('td', { class: 'num amount' }, formatUsd(f.amountUsd)),
              h('td', {}, formatFiscalYears(f.fyStart, f.fyEnd)),
              h('td', { class: 'muted' }, [precisionText(f), f.partOf ? `part of ${f.partOf}` : '', f.purpose ?? ''].filter(Boolean).join('; ')),
            ),
          ),
        ),
      ),
    );
  }
}
