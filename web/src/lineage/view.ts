/**
 * Lineage view: an authority's ancestors and descendants as a top-down chain with laws and
 * programs beside it (placement.ts), each node labelled with its year, the laws that established
 * it and the bodies that administer it.
 */
import type { Core } from 'cytoscape';
import type { AuthorityRef, Lineage, SearchHit } from '../api/types.ts';
import { CanvasView } from '../app/canvas-view.ts';
import type { AppState } from '../app/state.ts';
import type { ViewContext } from '../app/view.ts';
import { toElements, defaultEdgeLabel } from '../graph/to-elements.ts';
import { SearchBox } from '../search/search-box.ts';
import { h, setChildren } from '../ui/dom.ts';
import type { Direction } from './codec.ts';
import { loadAuthorities, loadLineage } from './effects.ts';
import { mergeParallel, placeLineage } from './placement.ts';
import { lineageLabel, tableRows, treeOf } from './state.ts';
import { renderLineageTable } from './table.ts';

export class LineageView extends CanvasView {
  readonly controls: HTMLElement;
  private readonly table: HTMLElement;
  private readonly picker: SearchBox;
  private readonly direction: HTMLSelectElement;
  private shown: string | null = null;
  private authorities: AuthorityRef[] | null = null;

  constructor(ctx: ViewContext) {
    const table = h('div', { class: 'lineage-table table-wrap', id: 'lineage-table' });
    super('lineage', ctx, { label: 'Authority lineage', canvas: { 'aria-label': 'Authority lineage tree' }, split: true, after: [table] });
    this.table = table;
    this.picker = new SearchBox({ id: 'lineage-search', label: 'Authority', placeholder: 'Find an authority…', kinds: ['Authority'], onPick: (hit) => this.root(hit.id) });
    this.direction = h(
      'select',
      { id: 'lineage-direction', onchange: (e: Event) => this.store.update({ lineage: { direction: (e.target as HTMLSelectElement).value as Direction } }) },
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
      this.direction,
      h('div', { id: 'authority-list', class: 'chip-list' }),
    );
  }

  protected override bind(cy: Core): void {
    cy.on('tap', 'node', (e) => void this.details.showNode(e.target.id()));
    cy.on('tap', 'edge', (e) => this.details.showEdge(e.target));
    cy.on('dbltap', 'node', (e) => this.root(e.target.id()));
  }

  /** Re-root the tree on `id`. */
  private root(id: string): void {
    this.store.update({ lineage: { authority: id } });
  }

  override activate(state: AppState): void {
    void this.loadAuthorityList();
    super.activate(state);
  }

  override onState(state: AppState): void {
    const { authority, direction } = state.lineage;
    this.direction.value = direction;
    const key = `${authority}|${direction}`;
    if (key === this.shown) return;
    this.shown = key;
    if (!authority) {
      setChildren(this.table);
      this.showEmpty('Choose an authority on the left (for example a statute or an account) to see where it came from and what it became.');
      return;
    }
    void this.load(authority, direction);
  }

  override navigate(id: string): void {
    this.selectOnCanvas(id, true);
  }

  override searchHit(hit: SearchHit): boolean {
    if (hit.kind !== 'Authority') return false;
    this.root(hit.id);
    return true;
  }

  private async loadAuthorityList(): Promise<void> {
    if (this.authorities) return;
    try {
      this.authorities = await loadAuthorities();
      const host = this.controls.querySelector('#authority-list') as HTMLElement;
      const list = [...this.authorities].sort((a, b) => a.name.localeCompare(b.name));
      setChildren(
        host,
        h('p', { class: 'field' }, `All authorities (${list.length})`),
        h('ul', {}, ...list.map((a) => h('li', {}, h('button', { type: 'button', class: 'chip', 'data-id': a.id, onclick: () => this.root(a.id) }, a.name)))),
      );
    } catch {
      this.authorities = null; // the picker still works through search
    }
  }

  private async load(id: string, direction: Direction): Promise<void> {
    const signal = this.begin('Tracing the lineage…');
    try {
      const lineage = await loadLineage(id, direction, signal);
      if (signal.aborted) return;
      if (!lineage) {
        setChildren(this.table);
        this.showEmpty(`No authority with id “${id}”.`);
        return;
      }
      this.picker.setText(lineage.root.name);
      await this.render(lineage);
      if (signal.aborted) return;
      this.ready();
      void this.details.showNode(lineage.root.id);
    } catch (err) {
      this.fail(err, () => void this.load(id, direction));
    }
  }

  private async render(lineage: Lineage): Promise<void> {
    const tree = treeOf(lineage);
    const merged = mergeParallel(tree.edges);
    const mergedLabel = new Map(merged.map((m) => [m.edge.id, m]));
    const elements = toElements(
      { nodes: tree.nodes, edges: merged.map((m) => m.edge) },
      { labelFor: (n) => lineageLabel(n, tree.entries.get(n.id)), edgeLabelFor: (e) => (mergedLabel.get(e.id)?.ids.length ?? 1) > 1 ? mergedLabel.get(e.id)!.label : defaultEdgeLabel(e), classes: 'lineage' },
    );
    // Fixed places, so the same authority always draws the same picture (no layout engine).
    const places = placeLineage(tree.nodes.map((n) => n.id), merged.map((m) => m.edge));
    for (const el of elements) {
      if (el.group === 'nodes') el.position = { ...(places.get(el.data.id as string) ?? { x: 0, y: 0 }) };
      else {
        const ids = mergedLabel.get(el.data.id as string)?.ids ?? [];
        if (ids.length > 1) {
          el.classes = `${el.classes ?? ''} merged`.trim();
          el.data.members = ids;
        }
      }
    }
    this.canvas.setElements(elements);
    const cy = this.canvas.cy;
    const root = cy.getElementById(lineage.root.id);
    root.addClass('focus-root');
    root.select();
    await this.canvas.layout('preset');
    this.canvas.fit();
    renderLineageTable(this.table, lineage, tableRows(lineage, tree.entries.values()), (id) => this.navigate(id));
  }
}
