/**
 * Lineage view: an authority's ancestors and descendants as a top-down tree (dagre), each node
 * labelled with its year, the laws that established it and the bodies that administer it.
 */
import type { Core } from 'cytoscape';
import { fetchAuthorities, fetchLineage } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { AuthorityRef, GraphNode, Lineage, LineageEntry } from '../api/types.ts';
import { Canvas } from '../graph/canvas.ts';
import { toElements, defaultEdgeLabel } from '../graph/to-elements.ts';
import { SearchBox } from '../search/search-box.ts';
import { StatusOverlay } from '../ui/status.ts';
import { h, setChildren } from '../ui/dom.ts';
import { humanType } from '../ui/format.ts';
import type { Store } from '../state/store.ts';
import type { ViewState } from '../state/view-state.ts';
import type { DetailsPanel } from '../details/details-panel.ts';
import type { View } from '../ui/view.ts';

/** Edge types that make the tree. */
const CHAIN = new Set(['EVOLVED_INTO', 'CONSOLIDATED_INTO', 'REAUTHORIZED_BY']);
/** Edge types drawn between authorities of the tree (governance by actors becomes label text). */
const DRAWN = new Set([...CHAIN, 'ESTABLISHED_BY', 'FUNDED_THROUGH']);

/** A short name for labels: the shorter of name and citation, with the usual NDAA abbreviation. */
export function shortName(x: { name: string; citation?: string | null }): string {
  const options = [x.name, x.citation].filter((v): v is string => !!v).map((v) => v.replace(/National Defense Authorization Act for Fiscal Year (\d{4})/g, 'NDAA FY$1'));
  return options.sort((a, b) => a.length - b.length)[0] ?? x.name;
}

function names(list: { name: string; citation?: string | null }[]): string {
  return list.map(shortName).join(', ');
}

/** Multi-line canvas label of one authority. */
export function lineageLabel(node: { name: string; year?: number | null }, entry: LineageEntry | undefined): string {
  const enacted = entry?.authority.enacted ?? node.year;
  const lines = [enacted ? `${shortName(node)} (${enacted})` : shortName(node)];
  if (entry?.establishedBy.length) lines.push(`est. by ${names(entry.establishedBy)}`);
  const admin = [...(entry?.administeredBy ?? []), ...(entry?.implementedBy ?? [])];
  if (admin.length) lines.push(`run by ${names(admin)}`);
  return lines.join('\n');
}

export class LineageView implements View {
  readonly name = 'lineage' as const;
  readonly el: HTMLElement;
  readonly controls: HTMLElement;
  readonly canvas: Canvas;
  private readonly status: StatusOverlay;
  private readonly table: HTMLElement;
  private readonly picker: SearchBox;
  private controller: AbortController | null = null;
  private shown: string | null = null;
  private authorities: AuthorityRef[] | null = null;

  constructor(
    private readonly store: Store,
    private readonly details: DetailsPanel,
  ) {
    const container = h('div', { class: 'canvas', id: 'cy-lineage', tabindex: '0', 'aria-label': 'Authority lineage tree' });
    const stage = h('div', { class: 'canvas-wrap' }, container);
    this.table = h('div', { class: 'lineage-table table-wrap', id: 'lineage-table' });
    this.el = h('section', { class: 'view split', id: 'view-lineage', 'aria-label': 'Authority lineage', hidden: true }, stage, this.table);
    this.status = new StatusOverlay(stage);
    this.canvas = new Canvas(container, {
      onCreate: (cy) => {
        cy.on('tap', 'node', (e) => void this.details.showNode(e.target.id()));
        cy.on('tap', 'edge', (e) => this.details.showEdge(e.target));
        cy.on('dbltap', 'node', (e) => this.store.update({ authority: e.target.id() }));
      },
    });
    this.picker = new SearchBox({
      id: 'lineage-search',
      label: 'Authority',
      placeholder: 'Find an authority…',
      kinds: ['Authority'],
      onPick: (hit) => this.store.update({ authority: hit.id }),
    });
    const direction = h(
      'select',
      { id: 'lineage-direction', onchange: (e: Event) => this.store.update({ direction: (e.target as HTMLSelectElement).value as ViewState['direction'] }) },
      h('option', { value: 'BOTH' }, 'Ancestors and descendants'),
      h('option', { value: 'ANCESTORS' }, 'Ancestors only'),
      h('option', { value: 'DESCENDANTS' }, 'Descendants only'),
    );
    this.controls = h(
      'div',
      { class: 'controls', id: 'lineage-controls' },
      h('h2', {}, 'Lineage'),
      h('p', { class: 'muted' }, 'How legal authorities evolved into, or were consolidated into, one another. Double-click a node to re-root the tree.'),
      h('label', { class: 'field', for: 'lineage-search-input' }, 'Authority'),
      this.picker.el,
      h('label', { class: 'field', for: 'lineage-direction' }, 'Show'),
      direction,
      h('div', { id: 'authority-list', class: 'chip-list' }),
    );
  }

  activate(state: ViewState): void {
    this.canvas.resize();
    void this.loadAuthorityList();
    this.onState(state);
  }

  onState(state: ViewState): void {
    (this.controls.querySelector('#lineage-direction') as HTMLSelectElement).value = state.direction;
    const key = `${state.authority}|${state.direction}`;
    if (key === this.shown) return;
    this.shown = key;
    if (!state.authority) {
      this.canvas.setElements([]);
      setChildren(this.table);
      this.status.empty('Choose an authority on the left (for example a statute or an account) to see where it came from and what it became.');
      this.canvas.markReady();
      return;
    }
    void this.load(state.authority, state.direction);
  }

  navigate(id: string): void {
    void this.details.showNode(id);
    const node = this.canvas.cy.getElementById(id);
    if (node.nonempty()) {
      this.canvas.cy.nodes(':selected').unselect();
      node.select();
      this.canvas.cy.animate({ center: { eles: node } }, { duration: 200 });
    }
  }

  exportTarget(): Core | null {
    return this.canvas.cy;
  }

  resize(): void {
    this.canvas.resize();
  }

  private async loadAuthorityList(): Promise<void> {
    if (this.authorities) return;
    try {
      this.authorities = await fetchAuthorities();
      const host = this.controls.querySelector('#authority-list') as HTMLElement;
      const list = [...this.authorities].sort((a, b) => a.name.localeCompare(b.name));
      setChildren(
        host,
        h('p', { class: 'field' }, `All authorities (${list.length})`),
        h('ul', {}, ...list.map((a) => h('li', {}, h('button', { type: 'button', class: 'chip', 'data-id': a.id, onclick: () => this.store.update({ authority: a.id }) }, a.name)))),
      );
    } catch {
      this.authorities = null; // the picker still works through search
    }
  }

  private async load(id: string, direction: ViewState['direction']): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.loading('Tracing the lineage…');
    this.canvas.container.dataset.state = 'loading';
    try {
      const lineage = await fetchLineage(id, direction, controller.signal);
      if (controller.signal.aborted) return;
      if (!lineage) {
        this.canvas.setElements([]);
        setChildren(this.table);
        this.canvas.markReady();
        this.status.empty(`No authority with id “${id}”.`);
        return;
      }
      this.picker.setText(lineage.root.name);
      await this.render(lineage);
      if (controller.signal.aborted) return;
      this.status.ready();
      this.canvas.markReady();
      void this.details.showNode(lineage.root.id);
    } catch (err) {
      if (isAbort(err)) return;
      this.canvas.container.dataset.state = 'error';
      this.status.error(err, () => void this.load(id, direction));
    }
  }

  private async render(lineage: Lineage): Promise<void> {
    const entries = new Map(lineage.entries.map((e) => [e.authority.id, e]));
    if (!entries.has(lineage.root.id)) {
      entries.set(lineage.root.id, { authority: lineage.root, generation: 0, establishedBy: [], administeredBy: [], implementedBy: [] });
    }
    const byId = new Map(lineage.subgraph.nodes.map((n) => [n.id, n]));
    // Tree nodes: the lineage entries (from the subgraph when present, so data fields match).
    const nodes: GraphNode[] = [...entries.values()].map(
      (e) => byId.get(e.authority.id) ?? { id: e.authority.id, labels: ['Entity', 'Authority'], name: e.authority.name, kind: 'Authority', citation: e.authority.citation ?? null, year: e.authority.enacted ?? null },
    );
    const edges = lineage.subgraph.edges.filter((e) => DRAWN.has(e.type) && entries.has(e.source) && entries.has(e.target) && e.source !== e.target);
    const elements = toElements(
      { nodes, edges },
      {
        labelFor: (n) => lineageLabel(n, entries.get(n.id)),
        edgeLabelFor: (e) => defaultEdgeLabel(e),
        classes: 'lineage',
      },
    );
    this.canvas.setElements(elements);
    const cy = this.canvas.cy;
    const root = cy.getElementById(lineage.root.id);
    root.addClass('focus-root');
    root.select();
    // dagre ranks by edge direction, but "established by" points from the newer to the older
    // authority: lay out on helper edges that always run from the earlier generation to the later.
    const gen = (id: string) => entries.get(id)?.generation ?? 0;
    const ghosts = cy.add(
      edges.map((e, i) => {
        const forward = gen(e.source) <= gen(e.target);
        return { group: 'edges' as const, data: { id: `ghost:${i}`, source: forward ? e.source : e.target, target: forward ? e.target : e.source }, classes: 'ghost' };
      }),
    );
    await this.canvas.layout('dagre', cy.nodes().union(ghosts));
    cy.remove(ghosts);
    this.canvas.fit();
    this.renderTable(lineage, [...entries.values()]);
  }

  private renderTable(lineage: Lineage, entries: LineageEntry[]): void {
    const sorted = [...entries].sort((a, b) => a.generation - b.generation || (a.authority.enacted ?? 0) - (b.authority.enacted ?? 0) || a.authority.name.localeCompare(b.authority.name));
    const incoming = new Map<string, string[]>();
    for (const e of lineage.subgraph.edges) {
      if (!CHAIN.has(e.type)) continue;
      const from = lineage.entries.find((x) => x.authority.id === e.source)?.authority.name ?? e.source;
      incoming.set(e.target, [...(incoming.get(e.target) ?? []), `${from} (${humanType(e.type)}${e.start ? `, ${e.start}` : ''})`]);
    }
    const link = (id: string, name: string) => h('button', { type: 'button', class: 'node-link', 'data-id': id, onclick: () => this.navigate(id) }, name);
    setChildren(
      this.table,
      h('h2', {}, `Lineage of ${lineage.root.name}`),
      h(
        'table',
        { class: 'data-table', id: 'lineage-entries' },
        h('thead', {}, h('tr', {}, h('th', { class: 'num' }, 'Gen.'), h('th', {}, 'Authority'), h('th', {}, 'Enacted'), h('th', {}, 'Came from'), h('th', {}, 'Established by'), h('th', {}, 'Administered / implemented by'))),
        h(
          'tbody',
          {},
          ...sorted.map((e) =>
            h(
              'tr',
              { 'data-id': e.authority.id, 'data-generation': e.generation, class: e.authority.id === lineage.root.id ? 'root-row' : '' },
              h('td', { class: 'num' }, e.generation > 0 ? `+${e.generation}` : String(e.generation)),
              h('td', {}, link(e.authority.id, e.authority.name), e.authority.citation && e.authority.citation !== e.authority.name ? h('div', { class: 'muted' }, e.authority.citation) : null),
              h('td', {}, e.authority.enacted ? String(e.authority.enacted) : '—'),
              h('td', {}, (incoming.get(e.authority.id) ?? []).join('; ') || '—'),
              h('td', {}, e.establishedBy.length ? e.establishedBy.map((x) => link(x.id, x.name)) : '—'),
              h('td', {}, [...e.administeredBy, ...e.implementedBy].length ? [...e.administeredBy, ...e.implementedBy].map((x) => link(x.id, x.name)) : '—'),
            ),
          ),
        ),
      ),
    );
  }
}
