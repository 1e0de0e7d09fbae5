/**
 * Funding view: money from donors through authorities to recipients, with totals; choosing a
 * recipient opens its dependency view (donor shares, concentration index).
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { SearchHit } from '../api/types.ts';
import { CanvasView } from '../app/canvas-view.ts';
import type { AppState, StatePatch } from '../app/state.ts';
import type { ViewContext } from '../app/view.ts';
import { NO_FILTERS, yearWindow, type FiltersState } from '../filters/codec.ts';
import { ACTOR_NODE_KINDS } from '../graph/kinds.ts';
import { renderLegend } from '../graph/legend.ts';
import { toElements } from '../graph/to-elements.ts';
import { SearchBox } from '../search/search-box.ts';
import { h, setChildren } from '../ui/dom.ts';
import type { FundingUrlState } from './codec.ts';
import { DependencyPanel } from './dependency-panel.ts';
import { loadFunding, type FundingView as FundingData } from './effects.ts';
import { columnGraph, entityOf, columnId, NO_AUTHORITY } from './columns.ts';
import { countingPanel } from './counting.ts';
import { NARROW_WIDTH, columnLabeller, columnPositions, fiscalYearsPatch, fundingKey, totalText } from './state.ts';
import { renderFundingTables } from './tables.ts';
import { yearChart } from './year-chart.ts';

const ACTOR_KINDS: ReadonlySet<string> = new Set(ACTOR_NODE_KINDS);

export class FundingView extends CanvasView {
  readonly controls: HTMLElement;
  private readonly tables: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly deps: DependencyPanel;
  private readonly authorityPicker: SearchBox;
  private readonly recipientPicker: SearchBox;
  private shownKey: string | null = null;
  private shownRecipient: string | null | undefined = undefined;

  constructor(ctx: ViewContext) {
    const legend = h('div', { class: 'legend' });
    const heads = h('div', { class: 'column-heads', 'aria-hidden': 'true' }, h('span', {}, 'Donors'), h('span', {}, 'Authorities'), h('span', {}, 'Recipients'));
    const depHost = h('section', { class: 'dependency', id: 'dependency-panel', hidden: true, 'aria-label': 'Dependency of the chosen recipient' });
    const tables = h('div', { id: 'funding-tables' });
    super('funding', ctx, {
      label: 'Funding flows',
      canvas: { 'aria-label': 'Funding flows from donors through authorities to recipients' },
      split: true,
      overlays: [legend, heads],
      after: [h('div', { class: 'table-wrap' }, depHost, tables)],
    });
    this.legend = legend;
    this.tables = tables;
    this.deps = new DependencyPanel(depHost, { navigate: (id) => this.navigate(id), close: () => this.set({ recipient: undefined }) });
    this.authorityPicker = new SearchBox({ id: 'funding-authority', label: 'Authority', placeholder: 'Any authority', kinds: ['Authority'], onPick: (hit) => this.set({ authority: hit.id }) });
    this.recipientPicker = new SearchBox({ id: 'funding-recipient', label: 'Recipient', placeholder: 'Choose a recipient…', kinds: ACTOR_NODE_KINDS, onPick: (hit) => this.set({ recipient: hit.id }) });
    this.controls = h('div', { class: 'controls', id: 'funding-controls' });
  }

  /** Canvas nodes are column ids (d:, a:, r: and the entity's id). */
  entityOf(canvasId: string): string {
    return entityOf(canvasId);
  }

  protected override bind(cy: Core): void {
    cy.on('tap', 'node', (e) => {
      const node = e.target;
      const id = entityOf(node.id());
      if (id === NO_AUTHORITY) return this.details.clear();
      void this.details.showNode(id);
      if (node.hasClass('col-recipient')) this.set({ recipient: id });
    });
    cy.on('tap', 'edge', (e) => this.details.showEdge(e.target));
  }

  private set(patch: Partial<FundingUrlState>): void {
    this.store.update({ funding: patch });
  }

  private renderControls(state: AppState): void {
    const years = yearWindow(state.filters);
    const { authority, descendants } = state.funding;
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
      authority
        ? h('div', { class: 'chip-row' }, h('span', { class: 'chip static' }, authority), h('button', { type: 'button', class: 'link-button', onclick: () => this.set({ authority: undefined, descendants: false }) }, 'any authority'))
        : null,
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'funding-descendants', checked: descendants, onchange: (e: Event) => this.set({ descendants: (e.target as HTMLInputElement).checked }) }), 'and every authority descending from it'),
      h('fieldset', { class: 'years' }, h('legend', {}, 'Fiscal years'), yearInput('funding-from', 'from', years.yearFrom), yearInput('funding-to', 'to', years.yearTo)),
    );
  }

  private emitYears(): void {
    const value = (id: string) => Number((this.controls.querySelector(id) as HTMLInputElement).value) || undefined;
    this.store.update({ filters: fiscalYearsPatch(value('#funding-from'), value('#funding-to')) });
  }

  override onState(state: AppState): void {
    const key = fundingKey(state);
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.renderControls(state);
      void this.load(state);
    } else if (state.funding.recipient !== this.shownRecipient) {
      this.applyRecipient(state);
    }
  }

  override navigate(id: string): void {
    void this.details.showNode(id);
    const cy = this.canvas.cy;
    const node = cy.nodes().filter((n) => entityOf(n.id()) === id);
    if (node.nonempty()) {
      cy.nodes(':selected').unselect();
      node.select();
    }
  }

  override searchHit(hit: SearchHit): boolean {
    if (!ACTOR_KINDS.has(hit.kind)) return false;
    this.set({ recipient: hit.id });
    return true;
  }

  private async load(state: AppState): Promise<void> {
    const signal = this.begin('Adding up the flows…');
    try {
      const answer = await loadFunding(state, signal);
      if (signal.aborted) return;
      this.render(answer);
      if (!answer.graph.nodes.length) {
        const clear: StatePatch = { funding: { authority: undefined, descendants: false }, filters: NO_FILTERS };
        this.showEmpty('No funding flows match these filters.', { label: 'Clear the funding filters', run: () => this.store.update(clear) });
        return;
      }
      await this.canvas.layout('preset');
      this.status.ready();
      this.shownRecipient = undefined;
      this.applyRecipient(this.store.state);
      this.canvas.markReady();
    } catch (err) {
      this.fail(err, () => void this.load(this.store.state));
    }
  }

  private render(answer: FundingData): void {
    const graph = columnGraph(answer);
    const narrow = this.canvas.container.clientWidth < NARROW_WIDTH;
    const positions = columnPositions(graph.nodes, narrow);
    const columnOf = new Map(graph.nodes.map((n) => [n.id, n.column]));
    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    // Edge labels and widths are the API's counted amounts for the pair; an edge none of whose
    // flows was counted is drawn as such.
    const edgeLabel = (e: { id: string }) => {
      const edge = edges.get(e.id);
      return edge && !edge.uncounted ? totalText(edge.total) : 'not counted';
    };
    const elements: ElementDefinition[] = toElements(graph, { labelFor: columnLabeller(graph.nodes), edgeLabelFor: edgeLabel }).map((el) => {
      const id = el.data.id as string;
      if (el.group !== 'nodes') return edges.get(id)?.uncounted ? { ...el, classes: `${el.classes ?? ''} uncounted`.trim() } : el;
      return { ...el, position: positions.get(id), classes: `${el.classes ?? ''} col-${columnOf.get(id)}${narrow ? ' col-narrow' : ''}`.trim() };
    });
    this.canvas.setElements(elements);
    renderLegend(this.legend, this.canvas.cy);
    renderFundingTables(this.tables, answer, {
      navigate: (id) => this.navigate(id),
      underAuthority: (id) => this.set({ authority: id }),
      recipient: (id) => this.set({ recipient: id }),
    });
    this.tables.prepend(countingPanel(answer, yearsText(this.store.state.filters)));
    this.tables.prepend(yearChart(answer.byYear));
    const cut = answer.graph.omittedEdges;
    if (cut > 0) this.tables.prepend(h('p', { class: 'note', id: 'funding-cut' }, `The picture leaves out the ${cut} smallest link${cut === 1 ? '' : 's'}; the totals count them all.`));
  }

  private applyRecipient(state: AppState): void {
    const recipient = state.funding.recipient;
    this.shownRecipient = recipient;
    const cy = this.canvas.cy;
    cy.elements().removeClass('faded path');
    if (!recipient) {
      this.deps.hide();
      this.recipientPicker.setText('');
      return;
    }
    const node = cy.getElementById(columnId('recipient', recipient));
    if (node.nonempty()) {
      // Highlight the money reaching this recipient: its authorities and their donors.
      const incoming = node.incomers();
      // (The column graph is aggregated, so these donors may also fund other recipients.)
      const donorEdges = incoming.nodes().incomers('edge');
      const keep = node.union(incoming).union(donorEdges).union(donorEdges.sources());
      cy.elements().not(keep).addClass('faded');
      node.addClass('path');
      this.recipientPicker.setText(node.data('name'));
    }
    const years = yearWindow(state.filters);
    void this.deps.show(recipient, years.yearFrom, years.yearTo);
  }
}

/** The year window in words, for the counting panel. */
function yearsText(filters: FiltersState): string | null {
  const { yearFrom, yearTo } = yearWindow(filters);
  if (yearFrom == null) return null;
  return yearFrom === yearTo ? `fiscal year ${yearFrom}` : `fiscal years ${yearFrom}–${yearTo}`;
}
