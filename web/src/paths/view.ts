/**
 * Path finder: choose two entities and see the shortest paths between them, the first one
 * highlighted, each listed hop by hop.
 */
import type { Core } from 'cytoscape';
import type { GraphNode, Path, PathResult } from '../api/types.ts';
import { CanvasView } from '../app/canvas-view.ts';
import type { AppState } from '../app/state.ts';
import type { ViewContext } from '../app/view.ts';
import { byIds } from '../graph/canvas.ts';
import { toElements } from '../graph/to-elements.ts';
import { kindSwatch } from '../graph/legend.ts';
import { SearchBox } from '../search/search-box.ts';
import { h, setChildren } from '../ui/dom.ts';
import { formatYears } from '../ui/format.ts';
import { DEFAULT_HOPS, MAX_HOPS } from './codec.ts';
import { loadPaths, loadTypes } from './effects.ts';
import { PathLimits } from './controls.ts';
import { HOP_CHOICES, hopParts, hopsText, pathIds, pathQuery, pathsGraph, pathsKey, resultText, searchedText, type PathQuery } from './state.ts';

export class PathsView extends CanvasView {
  readonly controls: HTMLElement;
  private readonly list: HTMLElement;
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly hops: HTMLSelectElement;
  private readonly limits: PathLimits;
  private shown: string | null = null;
  private paths: Path[] = [];
  private query: PathQuery | null = null;
  private result: PathResult | null = null;

  constructor(ctx: ViewContext) {
    const list = h('div', { class: 'paths-list table-wrap', id: 'paths-list' });
    super('paths', ctx, { label: 'Path finder', canvas: { 'aria-label': 'Paths between two entities' }, split: true, after: [list] });
    this.list = list;
    this.fromBox = new SearchBox({ id: 'path-from', label: 'From', placeholder: 'From…', onPick: (hit) => this.store.update({ paths: { from: hit.id } }) });
    this.toBox = new SearchBox({ id: 'path-to', label: 'To', placeholder: 'To…', onPick: (hit) => this.store.update({ paths: { to: hit.id } }) });
    this.hops = h(
      'select',
      { id: 'path-hops', onchange: (e: Event) => this.store.update({ paths: { maxHops: Number((e.target as HTMLSelectElement).value) } }) },
      ...HOP_CHOICES.map((n) => h('option', { value: n, selected: n === DEFAULT_HOPS }, hopsText(n))),
    );
    this.limits = new PathLimits((patch) => this.store.update({ paths: patch }));
    void loadTypes().then(
      (types) => {
        this.limits.setTypes(types);
        this.limits.render(this.store.state.paths);
      },
      () => {},
    );
    const swap = () => {
      const { from, to } = this.store.state.paths;
      this.store.update({ paths: { from: to, to: from } });
    };
    this.controls = h(
      'div',
      { class: 'controls', id: 'paths-controls' },
      h('h2', {}, 'Path finder'),
      h('p', { class: 'muted' }, 'How are two entities connected? Shortest paths first, over any relationship or funding flow.'),
      h('label', { class: 'field', for: 'path-from-input' }, 'From'),
      this.fromBox.el,
      h('label', { class: 'field', for: 'path-to-input' }, 'To'),
      this.toBox.el,
      h('button', { type: 'button', class: 'link-button', onclick: swap }, '⇅ swap'),
      h('label', { class: 'field', for: 'path-hops' }, 'At most'),
      this.hops,
      this.limits.el,
    );
  }

  protected override bind(cy: Core): void {
    cy.on('tap', 'node', (e) => void this.details.showNode(e.target.id()));
    cy.on('tap', 'edge', (e) => this.details.showEdge(e.target));
  }

  override onState(state: AppState): void {
    this.hops.value = String(state.paths.maxHops ?? DEFAULT_HOPS);
    this.limits.render(state.paths);
    const key = pathsKey(state.paths);
    if (key === this.shown) return;
    this.shown = key;
    const query = pathQuery(state.paths);
    if (!query) {
      setChildren(this.list);
      this.showEmpty('Choose two entities on the left to see how they are connected.');
      return;
    }
    void this.load(query);
  }

  private async load(query: PathQuery): Promise<void> {
    const signal = this.begin('Looking for paths…');
    const { from, to, maxHops } = query;
    try {
      const result = await loadPaths(query, signal);
      if (signal.aborted) return;
      const paths = result.paths;
      this.paths = paths;
      this.query = query;
      this.result = result;
      for (const n of paths.flatMap((p) => p.nodes)) this.limits.names.set(n.id, n.name);
      if (!paths.length) {
        setChildren(this.list);
        // "No path" is a finding only when the search ran to the end.
        const found = result.complete ? 'No path between these two' : 'No path found before the search was cut short';
        this.showEmpty(
          `${found} ${searchedText(query)}.`,
          ...(maxHops < MAX_HOPS ? [{ label: `Allow ${MAX_HOPS} hops`, run: () => this.store.update({ paths: { maxHops: MAX_HOPS } }) }] : []),
        );
        return;
      }
      const graph = pathsGraph(paths);
      this.canvas.setElements(toElements(graph));
      const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
      this.fromBox.setText(name(from));
      this.toBox.setText(name(to));
      await this.canvas.layout('dagre-lr');
      this.highlight(0);
      this.renderList();
      this.ready();
    } catch (err) {
      this.fail(err, () => void this.load(query));
    }
  }

  /** Highlight path `index` on the canvas and in the list. */
  private highlight(index: number): void {
    const cy = this.canvas.cy;
    const path = this.paths[index];
    if (!path) return;
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      const on = byIds(cy, pathIds(path));
      on.addClass('path');
      cy.elements().not(on).addClass('faded');
    });
    for (const item of this.list.querySelectorAll<HTMLElement>('.path-item')) item.classList.toggle('active', item.dataset.index === String(index));
  }

  /** The list's heading: the count, "shortest" only when the search was complete, what was searched. */
  private heading(): HTMLElement[] {
    if (!this.result || !this.query) return [];
    const { title, caveat } = resultText(this.result, this.paths.length);
    const parts: HTMLElement[] = [h('h2', { id: 'paths-title', 'data-complete': String(this.result.complete) }, title)];
    if (caveat) parts.push(h('p', { class: 'note', id: 'paths-incomplete', role: 'status' }, caveat));
    parts.push(h('p', { class: 'muted', id: 'paths-searched' }, `Searched ${searchedText(this.query)}.`));
    return parts;
  }

  private renderList(): void {
    const byId = new Map<string, GraphNode>(pathsGraph(this.paths).nodes.map((n) => [n.id, n]));
    const end = (id: string) => h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: () => this.navigate(id) }, kindSwatch(byId.get(id)?.kind ?? ''), byId.get(id)?.name ?? id);
    setChildren(
      this.list,
      ...this.heading(),
      h(
        'ol',
        { class: 'paths' },
        ...this.paths.map((p, i) => {
          const hops = p.steps.map((s) => {
            const { from, to, arrow } = hopParts(s);
            const years = formatYears(s.edge.start, s.edge.end);
            const last = to === p.nodes[p.nodes.length - 1]?.id;
            // Any entity between the ends can be avoided in the next search.
            const avoid = last ? null : h('button', { type: 'button', class: 'link-button avoid', 'data-avoid': to, title: `Search again without paths through ${byId.get(to)?.name ?? to}`, onclick: (e: Event) => (e.stopPropagation(), this.limits.avoid(to)) }, 'avoid');
            return h('li', { class: 'hop' }, end(from), h('span', { class: 'hop-edge' }, arrow), end(to), years ? h('span', { class: 'muted' }, ` (${years})`) : null, avoid ? ' ' : null, avoid);
          });
          return h(
            'li',
            { class: 'path-item', 'data-index': i, tabindex: '0', onclick: () => this.highlight(i), onfocus: () => this.highlight(i) },
            h('div', { class: 'path-head' }, hopsText(p.length)),
            h('ol', { class: 'hops' }, ...hops),
          );
        }),
      ),
    );
    this.highlight(0);
  }
}
