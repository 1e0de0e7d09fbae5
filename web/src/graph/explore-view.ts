/**
 * The explorer's graph view: opens on the overview, then lets the analyst expand (double-click),
 * collapse, hide, focus and undo, under the filters and the timeline. Everything that shapes the
 * canvas is in the URL state, so reloading the URL replays it.
 */
import type { Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { fetchNeighborhood, fetchOverview, fetchRelationshipTypes } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { Subgraph } from '../api/types.ts';
import { Canvas, byIds } from './canvas.ts';
import { toElements } from './to-elements.ts';
import { History } from './history.ts';
import { renderLegend } from './legend.ts';
import { FilterPanel } from '../filters/filter-panel.ts';
import { apiTypes, applyClientFilters } from '../filters/client-filter.ts';
import { Timeline } from '../timeline/timeline.ts';
import { StatusOverlay, toast, describeError } from '../ui/status.ts';
import { h, setChildren } from '../ui/dom.ts';
import type { Store } from '../state/store.ts';
import { yearWindow, type ViewState } from '../state/view-state.ts';
import type { DetailsPanel } from '../details/details-panel.ts';
import type { View } from '../ui/view.ts';

/** Neighbours fetched by one double-click; "+N more" fetches four times as many. */
const EXPAND_LIMIT = 40;
const MAX_LIMIT = 2000;

interface Expansion {
  /** Ids of the nodes and edges this expansion added. */
  added: Set<string>;
  limit: number;
}

function dataKey(s: ViewState): string {
  return JSON.stringify([s.kinds, s.types, s.minAmount, s.limit, s.yearMode, s.yearFrom, s.yearTo]);
}

function structureKey(s: ViewState): string {
  return JSON.stringify([s.expanded, s.hidden]);
}

/** Timings of the last overview load, for the bench and the report. */
export interface OverviewTiming {
  fetchMs: number;
  renderMs: number;
  layoutMs: number;
  totalMs: number;
  nodes: number;
  edges: number;
}

export class ExploreView implements View {
  readonly name = 'explore' as const;
  readonly el: HTMLElement;
  readonly controls: HTMLElement;
  readonly canvas: Canvas;
  private readonly status: StatusOverlay;
  private readonly filters: FilterPanel;
  private readonly timeline: Timeline;
  private readonly history: History;
  private readonly legend: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly toolbar: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private baseIds = new Set<string>();
  private expansions = new Map<string, Expansion>();
  /** The state the canvas currently shows. */
  private applied: ViewState | null = null;
  private controller: AbortController | null = null;
  private loadSeq = 0;
  private typesLoaded = false;
  lastTiming: OverviewTiming | null = null;

  constructor(
    private readonly store: Store,
    private readonly details: DetailsPanel,
  ) {
    const container = h('div', { class: 'canvas', id: 'cy-explore', tabindex: '0', role: 'application', 'aria-label': 'Network graph. Keys: E expand, C collapse, H hide, F focus mode, U undo, plus and minus zoom, 0 fit.' });
    this.legend = h('div', { class: 'legend', id: 'legend' });
    this.banner = h('div', { class: 'banner', id: 'explore-banner', hidden: true });
    this.undoButton = h('button', { type: 'button', id: 'btn-undo', title: 'Undo (U or Ctrl+Z)', disabled: true, onclick: () => this.undo() }, '↶ Undo');
    this.toolbar = this.buildToolbar();
    const timelineHost = h('div', { class: 'timeline', id: 'timeline' });
    const stage = h('div', { class: 'canvas-wrap' }, container, this.legend, this.banner);
    this.el = h('section', { class: 'view', id: 'view-explore', 'aria-label': 'Network' }, this.toolbar, stage, timelineHost);
    this.status = new StatusOverlay(stage);
    this.controls = h('div', { class: 'controls', id: 'explore-controls' });
    this.filters = new FilterPanel(this.controls, { change: (patch) => this.store.update(patch) });
    this.timeline = new Timeline(timelineHost, {
      change: (patch) => this.store.update(patch),
      focusEvent: (id) => this.navigate(id),
    });
    this.history = new History((top) => {
      this.undoButton.disabled = !top;
      this.undoButton.title = top ? `Undo ${top.label} (U or Ctrl+Z)` : 'Nothing to undo';
    });
    this.canvas = new Canvas(container, { onCreate: (cy) => this.bind(cy) });
    container.addEventListener('keydown', (e) => this.onKey(e));
  }

  private buildToolbar(): HTMLElement {
    const button = (id: string, label: string, title: string, run: () => void) => h('button', { type: 'button', id, title, 'aria-label': title, onclick: run }, label);
    return h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph tools' },
      button('btn-fit', '⤢ Fit', 'Fit the graph to the window (0)', () => this.canvas.fit()),
      button('btn-zoom-in', '+', 'Zoom in (+)', () => this.canvas.zoomBy(1.25)),
      button('btn-zoom-out', '−', 'Zoom out (−)', () => this.canvas.zoomBy(0.8)),
      button('btn-relayout', '⟳', 'Run the layout again', () => void this.relayout()),
      h('span', { class: 'sep' }),
      button('btn-expand', 'Expand', 'Expand the selected node (E, or double-click)', () => this.withSelected((id) => void this.expand(id))),
      button('btn-collapse', 'Collapse', 'Collapse the selected node (C)', () => this.withSelected((id) => this.collapse(id))),
      button('btn-hide', 'Hide', 'Hide the selected node (H)', () => this.withSelected((id) => this.hide([id]))),
      button('btn-show-all', 'Show hidden', 'Show every hidden node', () => this.showAll()),
      h(
        'label',
        { class: 'toggle', title: 'Show only the selected node and its neighbours (F)' },
        h('input', { type: 'checkbox', id: 'focus-mode', onchange: (e: Event) => this.setFocusMode((e.target as HTMLInputElement).checked) }),
        'Focus',
      ),
      this.undoButton,
    );
  }

  private get cy(): Core {
    return this.canvas.cy;
  }

  private bind(cy: Core): void {
    cy.on('tap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('more')) return;
      this.select(node.id());
    });
    cy.on('tap', 'edge', (e) => {
      if (e.target.hasClass('more-link')) return;
      this.details.showEdge(e.target);
    });
    cy.on('tap', (e) => {
      if (e.target === cy) {
        this.details.clear();
        this.commit({ focus: undefined });
        this.highlight();
        this.applyFocusMode();
      }
    });
    cy.on('dbltap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('more')) void this.expand(node.data('root') as string, true);
      else if (this.expansions.has(node.id())) this.collapse(node.id());
      else void this.expand(node.id());
    });
  }

  activate(state: ViewState): void {
    this.canvas.resize();
    if (!this.applied) void this.load(state);
    else this.onState(state, this.applied);
  }

  onState(state: ViewState, _previous: ViewState): void {
    const applied = this.applied;
    if (!applied || dataKey(state) !== dataKey(applied) || structureKey(state) !== structureKey(applied)) {
      void this.load(state);
      return;
    }
    this.filters.render(state);
    if (state.layout !== applied.layout) {
      this.applied = state;
      void this.relayout();
      return;
    }
    this.applied = state;
    if (state.focus && state.focus !== applied.focus) void this.focusNode(state.focus);
    if (state.focusMode !== applied.focusMode) this.applyFocusMode();
  }

  /** Record an internal change in the store without triggering a reload. */
  private commit(patch: Partial<ViewState>): void {
    this.applied = { ...(this.applied ?? this.store.state), ...patch };
    this.store.update(patch);
  }

  navigate(id: string): void {
    void this.focusNode(id);
  }

  exportTarget(): Core | null {
    return this.cy;
  }

  resize(): void {
    this.canvas.resize();
  }

  /** Load the overview for `state`, replay expansions and hidden nodes, lay out, focus. */
  async load(state: ViewState): Promise<void> {
    const seq = ++this.loadSeq;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.applied = state;
    this.filters.render(state);
    this.status.loading('Loading the overview…');
    this.canvas.container.dataset.state = 'loading';
    const t0 = performance.now();
    try {
      // The type list (for the filter panel) loads alongside the overview, not before it.
      if (!this.typesLoaded) {
        fetchRelationshipTypes(controller.signal).then(
          (types) => {
            this.filters.setTypes(types);
            this.typesLoaded = true;
            this.filters.render(this.store.state);
          },
          () => {},
        );
      }
      const years = yearWindow(state);
      const [overview, ...expansions] = await Promise.all([
        fetchOverview({ kinds: state.kinds.length ? state.kinds : undefined, types: apiTypes(state), ...years, minAmountUsd: state.minAmount, limit: state.limit }, controller.signal),
        ...state.expanded.map((id) => this.fetchExpansion(id, EXPAND_LIMIT, state, controller.signal).catch((err) => (isAbort(err) ? Promise.reject(err) : null))),
      ]);
      if (seq !== this.loadSeq) return;
      const t1 = performance.now();

      const elements = applyClientFilters(toElements(overview), state);
      this.baseIds = new Set(elements.map((el) => el.data.id as string));
      this.expansions.clear();
      this.history.clear();
      this.canvas.setElements(elements);
      state.expanded.forEach((id, i) => {
        const sub = expansions[i];
        if (sub) this.addExpansion(id, sub, EXPAND_LIMIT, state);
      });
      this.cy.batch(() => {
        for (const id of state.hidden) this.cy.getElementById(id).addClass('is-hidden');
      });
      this.canvas.updateDegrees();
      this.updateTimeline(overview, state);
      this.updateBanner(overview);
      const t2 = performance.now();

      if (this.cy.nodes().empty()) {
        this.canvas.markReady();
        this.renderLegend();
        this.status.empty(this.hasFilters(state) ? 'No entities match these filters.' : 'The database holds no entities yet. Load a data set with `npm run seed`.', {
          label: 'Reset filters',
          run: () => this.store.update({ kinds: [], types: [], minAmount: undefined, yearMode: 'all', yearFrom: undefined, yearTo: undefined }),
        });
        return;
      }
      await this.canvas.layout(state.layout);
      if (seq !== this.loadSeq) return;
      const t3 = performance.now();
      if (state.focus) await this.focusNode(state.focus, false);
      this.applyFocusMode();
      this.renderLegend();
      this.status.ready();
      this.canvas.markReady();
      this.lastTiming = {
        fetchMs: Math.round(t1 - t0),
        renderMs: Math.round(t2 - t1),
        layoutMs: Math.round(t3 - t2),
        totalMs: Math.round(performance.now() - t0),
        nodes: this.cy.nodes().length,
        edges: this.cy.edges().length,
      };
      this.canvas.container.dataset.loadMs = String(this.lastTiming.totalMs);
    } catch (err) {
      if (isAbort(err) || seq !== this.loadSeq) return;
      this.canvas.container.dataset.state = 'error';
      this.status.error(err, () => void this.load(this.store.state));
    }
  }

  private hasFilters(state: ViewState): boolean {
    return state.kinds.length > 0 || state.types.length > 0 || !!state.minAmount || state.yearMode !== 'all';
  }

  private updateTimeline(overview: Subgraph, state: ViewState): void {
    const years: number[] = [];
    for (const e of overview.edges) {
      if (e.start) years.push(e.start);
      if (e.end) years.push(e.end);
    }
    const events = overview.nodes.filter((n) => n.kind === 'Event' && n.year != null).map((n) => ({ id: n.id, name: n.name, year: n.year as number }));
    for (const ev of events) years.push(ev.year);
    this.timeline.setData(years, events);
    this.timeline.render(state);
  }

  private updateBanner(overview: Subgraph): void {
    if (!overview.truncated) {
      this.banner.hidden = true;
      return;
    }
    setChildren(
      this.banner,
      `Showing the ${overview.nodes.length} best-connected entities; ${overview.omittedNodes} more (and ${overview.omittedEdges} relationships) are left out. `,
      h('button', { type: 'button', class: 'link-button', onclick: () => this.store.update({ limit: Math.min(MAX_LIMIT, (this.store.state.limit ?? 300) * 3) }) }, 'Show more'),
      ' or narrow the filters.',
    );
    this.banner.hidden = false;
  }

  private renderLegend(): void {
    renderLegend(this.legend, this.cy);
  }

  private fetchExpansion(id: string, limit: number, state: ViewState, signal?: AbortSignal): Promise<Subgraph> {
    return fetchNeighborhood({ id, depth: 1, types: apiTypes(state), ...yearWindow(state), limit }, signal);
  }

  /**
   * Add what a neighbourhood answer brings that is not on the canvas yet, around the root; the
   * root is marked expanded and a "+N more" node stands for what the API left out.
   */
  private addExpansion(rootId: string, sub: Subgraph, limit: number, state: ViewState): string[] {
    const cy = this.cy;
    const exists = (id: string) => cy.getElementById(id).nonempty();
    const filtered = applyClientFilters(toElements(sub, { existing: exists }), state, new Set([rootId]));
    const fresh = filtered.filter((el) => !exists(el.data.id as string));
    const rootOnCanvas = exists(rootId);
    const center: Position = rootOnCanvas ? { ...cy.getElementById(rootId).position() } : { x: cy.width() / 2, y: cy.height() / 2 };
    const newNodes = fresh.filter((el) => el.group === 'nodes' && el.data.id !== rootId);
    const radius = Math.max(90, newNodes.length * 9);
    newNodes.forEach((el, i) => {
      const a = (2 * Math.PI * i) / Math.max(newNodes.length, 1);
      el.position = { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) };
    });
    for (const el of fresh) if (el.data.id === rootId) el.position = center;

    const previous = this.expansions.get(rootId);
    const added = new Set<string>(previous?.added ?? []);
    for (const el of fresh) added.add(el.data.id as string);
    const moreId = `more:${rootId}`;
    cy.batch(() => {
      cy.getElementById(moreId).remove();
      cy.add(fresh);
      cy.getElementById(rootId).addClass('expanded');
      const omitted = sub.truncated ? sub.omittedNodes : 0;
      if (omitted > 0 && limit < MAX_LIMIT) {
        const more: ElementDefinition[] = [
          { group: 'nodes', data: { id: moreId, label: `+${omitted} more`, name: `+${omitted} more`, kind: 'more', root: rootId }, classes: 'more', position: { x: center.x, y: center.y - radius - 30 } },
          { group: 'edges', data: { id: `more-link:${rootId}`, source: rootId, target: moreId }, classes: 'more-link' },
        ];
        cy.add(more);
      }
    });
    this.expansions.set(rootId, { added, limit });
    return fresh.map((el) => el.data.id as string);
  }

  /** Double-click: fetch the node's neighbours and add them (or, for "+N more", fetch more). */
  async expand(rootId: string, more = false): Promise<void> {
    const state = this.store.state;
    const limit = more ? Math.min(MAX_LIMIT, (this.expansions.get(rootId)?.limit ?? EXPAND_LIMIT) * 4) : EXPAND_LIMIT;
    this.canvas.container.dataset.state = 'loading';
    try {
      const sub = await this.fetchExpansion(rootId, limit, state);
      const hadMore = this.cy.getElementById(`more:${rootId}`).nonempty();
      const wasExpanded = this.expansions.has(rootId);
      const previous = this.expansions.get(rootId);
      const addedIds = this.addExpansion(rootId, sub, limit, state);
      const expanded = state.expanded.includes(rootId) ? state.expanded : [...state.expanded, rootId];
      this.commit({ expanded, focus: rootId });
      this.history.push({
        label: more ? 'show more' : 'expand',
        undo: () => {
          this.cy.batch(() => {
            this.cy.remove(byIds(this.cy, addedIds));
            this.cy.getElementById(`more:${rootId}`).remove();
            if (!wasExpanded) this.cy.getElementById(rootId).removeClass('expanded');
          });
          if (wasExpanded && previous) this.expansions.set(rootId, previous);
          else this.expansions.delete(rootId);
          if (hadMore) toast('Double-click the node again to see its other neighbours.');
          if (!wasExpanded) this.commit({ expanded: this.store.state.expanded.filter((x) => x !== rootId) });
          this.afterChange();
        },
      });
      this.select(rootId);
      if (addedIds.length === 0 && !sub.truncated) toast('No further neighbours under the current filters.');
      this.afterChange();
      this.cy.animate({ center: { eles: this.cy.getElementById(rootId) } }, { duration: 0 });
    } catch (err) {
      this.canvas.markReady();
      toast(`Could not expand: ${describeError(err).title}`, 'error');
    }
  }

  /** Remove what an expansion added, except what the overview or other expansions also hold. */
  collapse(rootId: string): void {
    const expansion = this.expansions.get(rootId);
    if (!expansion) return toast('This node is not expanded.');
    const held = new Set<string>(this.baseIds);
    for (const [id, other] of this.expansions) {
      held.add(id);
      if (id !== rootId) for (const x of other.added) held.add(x);
    }
    const focus = this.store.state.focus;
    const removable = this.cy.collection();
    for (const id of expansion.added) {
      if (held.has(id) || id === focus || id === rootId) continue;
      removable.merge(this.cy.getElementById(id));
    }
    removable.merge(this.cy.getElementById(`more:${rootId}`));
    const removed = this.cy.remove(removable.union(removable.connectedEdges()));
    const snapshot = removed.jsons() as unknown as ElementDefinition[];
    this.cy.getElementById(rootId).removeClass('expanded');
    this.expansions.delete(rootId);
    this.commit({ expanded: this.store.state.expanded.filter((x) => x !== rootId) });
    this.history.push({
      label: 'collapse',
      undo: () => {
        this.cy.add(snapshot.filter((el) => this.cy.getElementById(el.data.id as string).empty()));
        this.cy.getElementById(rootId).addClass('expanded');
        this.expansions.set(rootId, expansion);
        this.commit({ expanded: [...this.store.state.expanded, rootId] });
        this.afterChange();
      },
    });
    this.afterChange();
  }

  /** Hide nodes (and so their edges). */
  hide(ids: string[]): void {
    const fresh = ids.filter((id) => !this.store.state.hidden.includes(id));
    if (!fresh.length) return;
    this.cy.batch(() => fresh.forEach((id) => this.cy.getElementById(id).addClass('is-hidden').unselect()));
    this.commit({ hidden: [...this.store.state.hidden, ...fresh], focus: fresh.includes(this.store.state.focus ?? '') ? undefined : this.store.state.focus });
    this.history.push({
      label: 'hide',
      undo: () => {
        this.cy.batch(() => fresh.forEach((id) => this.cy.getElementById(id).removeClass('is-hidden')));
        this.commit({ hidden: this.store.state.hidden.filter((x) => !fresh.includes(x)) });
        this.afterChange();
      },
    });
    this.afterChange();
  }

  /** Show every hidden node again. */
  showAll(): void {
    const hidden = [...this.store.state.hidden];
    if (!hidden.length) return toast('No hidden nodes.');
    this.cy.batch(() => this.cy.$('.is-hidden').removeClass('is-hidden'));
    this.commit({ hidden: [] });
    this.history.push({
      label: 'show hidden',
      undo: () => {
        this.cy.batch(() => hidden.forEach((id) => this.cy.getElementById(id).addClass('is-hidden')));
        this.commit({ hidden });
        this.afterChange();
      },
    });
    this.afterChange();
  }

  private setFocusMode(on: boolean, record = true): void {
    if (on && !this.store.state.focus) {
      toast('Select a node first: focus mode shows it with its neighbours.');
      const box = document.getElementById('focus-mode') as HTMLInputElement | null;
      if (box) box.checked = false;
      return;
    }
    this.commit({ focusMode: on });
    this.applyFocusMode();
    if (record) this.history.push({ label: on ? 'focus mode' : 'leave focus mode', undo: () => this.setFocusMode(!on, false) });
  }

  /** Show only the focused node's closed neighbourhood when focus mode is on. */
  private applyFocusMode(): void {
    const { focusMode, focus } = this.store.state;
    const box = document.getElementById('focus-mode') as HTMLInputElement | null;
    if (box) box.checked = focusMode;
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('focus-out');
      cy.nodes().removeClass('focus-root');
      if (!focusMode || !focus) return;
      const root = cy.getElementById(focus);
      if (root.empty()) return;
      root.addClass('focus-root');
      const keep = root.closedNeighborhood();
      cy.elements().not(keep).addClass('focus-out');
    });
    if (focusMode && focus) this.canvas.fit();
    this.canvas.markReady();
  }

  private afterChange(): void {
    this.canvas.updateDegrees();
    this.highlight();
    this.applyFocusMode();
    this.renderLegend();
    this.canvas.markReady();
  }

  /**
   * Dim everything but the focused node's neighbourhood (whose labels show at any zoom), so the
   * selection reads as an ego network.
   */
  private highlight(): void {
    const cy = this.cy;
    const focus = this.store.state.focus;
    cy.batch(() => {
      cy.elements('.nbr, .dim').removeClass('nbr dim');
      const node = focus ? cy.getElementById(focus) : cy.collection();
      if (node.empty()) return;
      const around = node.closedNeighborhood();
      around.addClass('nbr');
      cy.elements().not(around).addClass('dim');
    });
  }

  /** Select `id` (in the store and on the canvas) and show its details. */
  private select(id: string): void {
    this.commit({ focus: id });
    this.cy.nodes(':selected').unselect();
    this.cy.getElementById(id).select();
    this.highlight();
    void this.details.showNode(id);
    if (this.store.state.focusMode) this.applyFocusMode();
  }

  /** Focus a node: add it (by expanding it) when it is not on the canvas, then select and centre it. */
  async focusNode(id: string, animate = true): Promise<void> {
    let node = this.cy.getElementById(id);
    if (node.nonempty() && node.hasClass('is-hidden')) {
      node.removeClass('is-hidden');
      this.commit({ hidden: this.store.state.hidden.filter((x) => x !== id) });
    }
    if (node.empty()) {
      await this.expand(id);
      node = this.cy.getElementById(id);
      if (node.empty()) return toast(`“${id}” is not in the graph under the current filters.`, 'error');
    }
    this.select(id);
    const zoom = Math.max(this.cy.zoom(), 1);
    if (animate) this.cy.animate({ center: { eles: node }, zoom }, { duration: 250 });
    else {
      this.cy.zoom(zoom);
      this.cy.center(node);
    }
  }

  private async relayout(): Promise<void> {
    await this.canvas.layout(this.store.state.layout);
    if (this.store.state.focusMode) this.applyFocusMode();
    this.canvas.markReady();
  }

  private undo(): void {
    if (!this.history.undo()) toast('Nothing to undo.');
  }

  private withSelected(run: (id: string) => void): void {
    const id = this.store.state.focus;
    if (!id || this.cy.getElementById(id).empty()) return toast('Select a node first.');
    run(id);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.canvas.container) return;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && key === 'z') {
      e.preventDefault();
      return this.undo();
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => void> = {
      e: () => this.withSelected((id) => void this.expand(id)),
      c: () => this.withSelected((id) => this.collapse(id)),
      h: () => this.withSelected((id) => this.hide([id])),
      delete: () => this.withSelected((id) => this.hide([id])),
      f: () => this.setFocusMode(!this.store.state.focusMode),
      u: () => this.undo(),
      '+': () => this.canvas.zoomBy(1.25),
      '=': () => this.canvas.zoomBy(1.25),
      '-': () => this.canvas.zoomBy(0.8),
      '0': () => this.canvas.fit(),
    };
    const action = actions[key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  /** A one-line summary of what the canvas shows (header status). */
  summary(): string {
    const n = this.cy.nodes(':visible').filter((x) => !x.hasClass('more')).length;
    return `${n} entities, ${this.cy.edges(':visible').length} relationships`;
  }
}
