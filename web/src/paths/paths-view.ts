/**
 * Path finder: choose two entities and see the shortest paths between them, the first one
 * highlighted, each listed hop by hop.
 */
import type { Core } from 'cytoscape';
import { fetchPaths } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { GraphNode, Path } from '../api/types.ts';
import { Canvas, byIds } from '../graph/canvas.ts';
import { toElements } from '../graph/to-elements.ts';
import { SearchBox } from '../search/search-box.ts';
import { StatusOverlay } from '../ui/status.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatUsd, formatYears, humanType } from '../ui/format.ts';
import type { Store } from '../state/store.ts';
import type { ViewState } from '../state/view-state.ts';
import type { DetailsPanel } from '../details/details-panel.ts';
import type { View } from '../ui/view.ts';
import { kindSwatch } from '../graph/legend.ts';

export class PathsView implements View {
  readonly name = 'paths' as const;
  readonly el: HTMLElement;
  readonly controls: HTMLElement;
  readonly canvas: Canvas;
  private readonly status: StatusOverlay;
  private readonly list: HTMLElement;
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private controller: AbortController | null = null;
  private shown: string | null = null;
  private paths: Path[] = [];

  constructor(
    private readonly store: Store,
    private readonly details: DetailsPanel,
  ) {
    const container = h('div', { class: 'canvas', id: 'cy-paths', tabindex: '0', 'aria-label': 'Paths between two entities' });
    const stage = h('div', { class: 'canvas-wrap' }, container);
    this.list = h('div', { class: 'paths-list table-wrap', id: 'paths-list' });
    this.el = h('section', { class: 'view split', id: 'view-paths', 'aria-label': 'Path finder', hidden: true }, stage, this.list);
    this.status = new StatusOverlay(stage);
    this.canvas = new Canvas(container, {
      onCreate: (cy) => {
        cy.on('tap', 'node', (e) => void this.details.showNode(e.target.id()));
        cy.on('tap', 'edge', (e) => this.details.showEdge(e.target));
      },
    });
    this.fromBox = new SearchBox({ id: 'path-from', label: 'From', placeholder: 'From…', onPick: (hit) => this.store.update({ from: hit.id }) });
    this.toBox = new SearchBox({ id: 'path-to', label: 'To', placeholder: 'To…', onPick: (hit) => this.store.update({ to: hit.id }) });
    const hops = h(
      'select',
      { id: 'path-hops', onchange: (e: Event) => this.store.update({ maxHops: Number((e.target as HTMLSelectElement).value) }) },
      ...[1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === 4 }, `${n} hop${n > 1 ? 's' : ''}`)),
    );
    this.controls = h(
      'div',
      { class: 'controls', id: 'paths-controls' },
      h('h2', {}, 'Path finder'),
      h('p', { class: 'muted' }, 'How are two entities connected? Shortest paths first, over any relationship or funding flow.'),
      h('label', { class: 'field', for: 'path-from-input' }, 'From'),
      this.fromBox.el,
      h('label', { class: 'field', for: 'path-to-input' }, 'To'),
      this.toBox.el,
      h('button', { type: 'button', class: 'link-button', onclick: () => this.store.update({ from: this.store.state.to, to: this.store.state.from }) }, '⇅ swap'),
      h('label', { class: 'field', for: 'path-hops' }, 'At most'),
      hops,
    );
  }

  activate(state: ViewState): void {
    this.canvas.resize();
    this.onState(state);
  }

  onState(state: ViewState): void {
    (this.controls.querySelector('#path-hops') as HTMLSelectElement).value = String(state.maxHops ?? 4);
    const key = `${state.from}|${state.to}|${state.maxHops ?? 4}`;
    if (key === this.shown) return;
    this.shown = key;
    if (!state.from || !state.to) {
      this.canvas.setElements([]);
      setChildren(this.list);
      this.canvas.markReady();
      this.status.empty('Choose two entities on the left to see how they are connected.');
      return;
    }
    void this.load(state.from, state.to, state.maxHops ?? 4);
  }

  navigate(id: string): void {
    void this.details.showNode(id);
    const node = this.canvas.cy.getElementById(id);
    if (node.nonempty()) {
      this.canvas.cy.nodes(':selected').unselect();
      node.select();
    }
  }

  exportTarget(): Core | null {
    return this.canvas.cy;
  }

  resize(): void {
    this.canvas.resize();
  }

  private async load(from: string, to: string, maxHops: number): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.loading('Looking for paths…');
    this.canvas.container.dataset.state = 'loading';
    try {
      const paths = await fetchPaths({ from, to, maxHops, limit: 5 }, controller.signal);
      if (controller.signal.aborted) return;
      this.paths = paths;
      if (!paths.length) {
        this.canvas.setElements([]);
        setChildren(this.list);
        this.canvas.markReady();
        this.status.empty(
          `No path between these two within ${maxHops} hop${maxHops > 1 ? 's' : ''}.`,
          ...(maxHops < 6 ? [{ label: 'Allow 6 hops', run: () => this.store.update({ maxHops: 6 }) }] : []),
        );
        return;
      }
      const nodes = new Map<string, GraphNode>();
      for (const p of paths) for (const n of p.nodes) nodes.set(n.id, n);
      const edges = paths.flatMap((p) => p.steps.map((s) => s.edge));
      this.canvas.setElements(toElements({ nodes: [...nodes.values()], edges }));
      this.fromBox.setText(nodes.get(from)?.name ?? from);
      this.toBox.setText(nodes.get(to)?.name ?? to);
      await this.canvas.layout('dagre-lr');
      this.highlight(0);
      this.renderList();
      this.status.ready();
      this.canvas.markReady();
    } catch (err) {
      if (isAbort(err)) return;
      this.canvas.container.dataset.state = 'error';
      this.status.error(err, () => void this.load(from, to, maxHops));
    }
  }

  /** Highlight path `index` on the canvas and in the list. */
  private highlight(index: number): void {
    const cy = this.canvas.cy;
    const path = this.paths[index];
    if (!path) return;
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      const ids = [...path.nodes.map((n) => n.id), ...path.steps.map((s) => s.edge.id)];
      const on = byIds(cy, ids);
      on.addClass('path');
      cy.elements().not(on).addClass('faded');
    });
    for (const item of this.list.querySelectorAll<HTMLElement>('.path-item')) item.classList.toggle('active', item.dataset.index === String(index));
  }

  private renderList(): void {
    const byId = new Map<string, GraphNode>();
    for (const p of this.paths) for (const n of p.nodes) byId.set(n.id, n);
    const name = (id: string) => byId.get(id)?.name ?? id;
    setChildren(
      this.list,
      h('h2', {}, `${this.paths.length} shortest path${this.paths.length > 1 ? 's' : ''}`),
      h(
        'ol',
        { class: 'paths' },
        ...this.paths.map((p, i) => {
          const hops = p.steps.map((s) => {
            const e = s.edge;
            const [a, b] = s.forward ? [e.source, e.target] : [e.target, e.source];
            const what = e.amountUsd ? `${humanType(e.type)} ${formatUsd(e.amountUsd)}` : humanType(e.type);
            return h(
              'li',
              { class: 'hop' },
              h('button', { type: 'button', class: 'node-link', onclick: () => this.navigate(a) }, kindSwatch(byId.get(a)?.kind ?? ''), name(a)),
              h('span', { class: 'hop-edge' }, s.forward ? ` —${what}→ ` : ` ←${what}— `),
              h('button', { type: 'button', class: 'node-link', onclick: () => this.navigate(b) }, kindSwatch(byId.get(b)?.kind ?? ''), name(b)),
              formatYears(e.start, e.end) ? h('span', { class: 'muted' }, ` (${formatYears(e.start, e.end)})`) : null,
            );
          });
          return h(
            'li',
            { class: 'path-item', 'data-index': i, tabindex: '0', onclick: () => this.highlight(i), onfocus: () => this.highlight(i) },
            h('div', { class: 'path-head' }, `${p.length} hop${p.length > 1 ? 's' : ''}`),
            h('ol', { class: 'hops' }, ...hops),
          );
        }),
      ),
    );
    this.highlight(0);
  }
}
