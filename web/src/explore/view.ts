/**
 * The network view: opens on the overview, then lets the analyst expand (double-click), collapse,
 * hide, focus and undo, under the filters and the timeline. Everything that shapes the canvas is
 * in the URL, so reloading the URL replays it. Logic lives in state.ts, requests in effects.ts.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { SearchHit, Subgraph } from '../api/types.ts';
import { CanvasView } from '../app/canvas-view.ts';
import type { AppState } from '../app/state.ts';
import type { ViewContext } from '../app/view.ts';
import { toElements } from '../graph/to-elements.ts';
import { renderLegend } from '../graph/legend.ts';
import { FilterPanel } from '../filters/filter-panel.ts';
import { Timeline } from '../timeline/timeline.ts';
import { loadDataSummary } from '../about/summary.ts';
import { toast } from '../ui/status.ts';
import { h, setChildren } from '../ui/dom.ts';
import type { ExploreUrlState } from './codec.ts';
import { loadNetwork, loadRelationshipTypes } from './effects.ts';
import { ExploreActions } from './actions.ts';
import { buildToolbar, keyAction, type ExploreAction, type Toolbar } from './toolbar.ts';
import { NodeMenu } from './node-menu.ts';
import { highlightFocus, markFocusMode, setHidden } from './canvas-ops.ts';
import { CompareControl } from '../compare/control.ts';
import { loadComparison } from '../compare/effects.ts';
import { comparing } from '../compare/state.ts';
import { applyPins, pinsOn } from './replay.ts';
import { RESET_FILTERS, canShowMore, emptyMessage, largerOverview, overviewTiming, reloadKey, timelineEvents, truncationNote, withoutIds, type OverviewTiming } from './state.ts';

export class ExploreView extends CanvasView {
  readonly controls: HTMLElement;
  private readonly filters: FilterPanel;
  private readonly timeline: Timeline;
  private readonly actions: ExploreActions;
  private readonly legend: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly nodeMenu: NodeMenu;
  private readonly compare: CompareControl;
  /** The state the canvas currently shows. */
  private applied: AppState | null = null;
  private loadSeq = 0;
  private typesLoaded = false;
  /** Timings of the last overview load (read by the bench). */
  lastTiming: OverviewTiming | null = null;

  constructor(ctx: ViewContext) {
    const legend = h('div', { class: 'legend', id: 'legend' });
    const banner = h('div', { class: 'banner', id: 'explore-banner', hidden: true });
    const timelineHost = h('div', { class: 'timeline', id: 'timeline' });
    const toolbar = buildToolbar((action) => this.act(action), (on) => this.setFocusMode(on));
    const compare = new CompareControl((patch) => this.store.update({ explore: patch }));
    super('explore', ctx, {
      label: 'Network',
      canvas: { role: 'application', 'aria-label': 'Network graph. Keys: E expand, C collapse, H hide, F focus mode, U undo, plus and minus zoom, 0 fit.' },
      before: [toolbar.el],
      overlays: [legend, banner, compare.legend],
      after: [timelineHost],
    });
    this.toolbar = toolbar;
    this.legend = legend;
    this.banner = banner;
    this.compare = compare;
    // The filter panel redraws its own host; the comparison form sits above it.
    const filterHost = h('div', {});
    this.controls = h('div', { class: 'controls', id: 'explore-controls' }, compare.el, filterHost);
    this.filters = new FilterPanel(filterHost, { change: (patch) => this.store.update(patch) });
    this.timeline = new Timeline(timelineHost, { change: (patch) => this.store.update({ filters: patch }), focusEvent: (id) => this.navigate(id) });
    this.actions = new ExploreActions({
      canvas: this.canvas,
      state: () => this.store.state,
      commit: (patch) => this.commit(patch),
      select: (id) => this.select(id),
      afterChange: () => this.afterChange(),
      undoChanged: (top) => {
        this.toolbar.undo.disabled = !top;
        this.toolbar.undo.title = top ? `Undo ${top.label} (U or Ctrl+Z)` : 'Nothing to undo';
      },
    });
    this.canvas.container.addEventListener('keydown', (e) => this.onKey(e));
    // Context menu and multi-select (node-menu.ts); the menu's types are the API's list.
    this.nodeMenu = new NodeMenu({
      cy: () => this.cy,
      container: this.canvas.container,
      focus: () => this.slice.focus,
      showFirst: (id) => (this.commit({ focus: id }), void this.details.showNode(id)),
      select: (id) => this.select(id),
      types: () => loadRelationshipTypes(),
      expand: (id, types) => void this.actions.expand(id, false, types),
      hide: (ids) => this.actions.hide(ids),
      paths: (end, id) => this.store.update({ view: 'paths', paths: { [end]: id } }, true),
      pinsChanged: () => this.commit({ pinned: pinsOn(this.cy) }),
    });
    // The details panel offers the menu's actions on the selected node while this view is shown.
    this.details.setNodeActions((id) => (this.store.state.view === 'explore' ? this.nodeMenu.actionsFor(id) : null));
  }

  private get cy(): Core {
    return this.canvas.cy;
  }

  /** The network slice of the current state. */
  private get slice(): ExploreUrlState {
    return this.store.state.explore;
  }

  protected override bind(cy: Core): void {
    cy.on('tap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (!node.hasClass('more') && !this.nodeMenu.additive(e)) this.select(node.id());
    });
    cy.on('tap', 'edge', (e) => {
      if (!e.target.hasClass('more-link')) this.details.showEdge(e.target);
    });
    cy.on('tap', (e) => {
      if (e.target !== cy) return;
      this.details.clear();
      this.commit({ focus: undefined });
      this.afterSelection();
    });
    this.nodeMenu.bind(cy);
    cy.on('dbltap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('more')) void this.actions.expand(node.data('root') as string, true);
      else if (this.actions.isExpanded(node.id())) this.actions.collapse(node.id());
      else void this.actions.expand(node.id());
    });
  }

  override activate(state: AppState): void {
    this.canvas.resize();
    if (!this.applied) void this.load(state);
    else this.onState(state);
  }

  override onState(state: AppState): void {
    const applied = this.applied;
    if (!applied || reloadKey(state) !== reloadKey(applied)) return void this.load(state);
    this.filters.render(state.explore, state.filters);
    this.applied = state;
    if (JSON.stringify(state.explore.pinned) !== JSON.stringify(applied.explore.pinned)) applyPins(this.cy, state.explore.pinned);
    if (state.explore.layout !== applied.explore.layout) return void this.relayout();
    const { focus, focusMode } = state.explore;
    const modeChanged = focusMode !== applied.explore.focusMode;
    // In focus mode the picture is the focused neighbourhood, fitted once the focus is selected.
    if (focus && focus !== applied.explore.focus) void this.focusNode(focus).then(() => (focusMode || modeChanged) && this.applyFocusMode());
    else if (modeChanged) this.applyFocusMode();
  }

  override searchHit(hit: SearchHit): boolean {
    this.navigate(hit.id);
    return true;
  }

  /** Record an internal change in the store without triggering a reload. */
  private commit(patch: Partial<ExploreUrlState>): void {
    const base = this.applied ?? this.store.state;
    this.applied = { ...base, explore: { ...base.explore, ...patch } };
    this.store.update({ explore: patch });
  }

  override navigate(id: string): void {
    void this.focusNode(id);
  }

  /** Load the overview for `state`, replay expansions and hidden nodes, lay out, focus. */
  async load(state: AppState): Promise<void> {
    const seq = ++this.loadSeq;
    const signal = this.begin('Loading the overview…');
    this.applied = state;
    this.filters.render(state.explore, state.filters);
    this.compare.render(state.explore.compareA, state.explore.compareB);
    const { expanded, hidden, focus, layout } = state.explore;
    // Comparison mode: the two windows' network, marked by the API's statuses; no expansions.
    const windows = comparing(state);
    const marks = [performance.now()];
    try {
      // The type list (for the filter panel) loads alongside the overview, not before it.
      if (!this.typesLoaded) {
        loadRelationshipTypes(signal).then((types) => {
          this.filters.setTypes(types);
          this.typesLoaded = true;
          this.filters.render(this.store.state.explore, this.store.state.filters);
        }, () => {});
      }
      const compared = windows ? await loadComparison(state, windows, signal) : null;
      // A first picture takes the server's positions; later loads update in place.
      const firstDraw = this.cy.nodes().empty() && layout === 'fcose';
      const { overview, expansions, typed } = compared ? { overview: compared.comparison, expansions: [], typed: [] } : await loadNetwork(state, signal, firstDraw);
      if (seq !== this.loadSeq) return;
      marks.push(performance.now());
      // The data's years, asked after the overview so that its fetch has the machine to itself.
      const years = loadDataSummary().then((summary) => summary.years ?? null, () => null);

      const elements = compared ? compared.elements : toElements(overview as Subgraph);
      this.actions.reset(elements.map((el) => el.data.id as string));
      // In place: what stays keeps its place, what leaves fades.
      this.canvas.setElements(elements, { inPlace: true });
      expanded.forEach((id, i) => {
        const sub = expansions[i];
        if (sub) this.actions.replay(id, sub);
      });
      state.explore.expandedBy.forEach((x, i) => {
        const sub = typed[i];
        if (sub) this.actions.replay(x.id, sub, x.types);
      });
      setHidden(this.cy, hidden, true);
      applyPins(this.cy, state.explore.pinned);
      this.canvas.updateDegrees();
      this.timeline.setEvents(timelineEvents(overview));
      this.timeline.render(state.filters);
      // The slider's span is drawn when the summary arrives: the picture does not wait for it.
      void years.then((bounds) => seq === this.loadSeq && this.timeline.showSpan(bounds, this.store.state.filters));
      this.compare.show(compared?.comparison ?? null);
      if (compared) this.banner.hidden = true;
      else this.updateBanner(overview as Subgraph);
      marks.push(performance.now());

      if (this.cy.nodes().empty()) {
        this.canvas.markReady();
        renderLegend(this.legend, this.cy);
        this.status.empty(emptyMessage(state), { label: 'Reset filters', run: () => this.store.update(RESET_FILTERS) });
        return;
      }
      await this.canvas.layout(layout, undefined, false, (overview as Subgraph).layout);
      if (seq !== this.loadSeq) return;
      marks.push(performance.now());
      if (focus) await this.focusNode(focus, false);
      this.applyFocusMode();
      renderLegend(this.legend, this.cy);
      this.ready();
      this.lastTiming = overviewTiming([...marks, performance.now()], this.cy.nodes().length, this.cy.edges().length);
      this.canvas.container.dataset.loadMs = String(this.lastTiming.totalMs);
    } catch (err) {
      if (seq !== this.loadSeq) return;
      this.fail(err, () => void this.load(this.store.state));
    }
  }

  private updateBanner(overview: Subgraph): void {
    const note = truncationNote(overview);
    this.banner.hidden = !note;
    if (!note) return;
    const more = () => this.store.update({ explore: { limit: largerOverview(this.slice.limit) } });
    const offer = canShowMore(overview, this.slice.limit);
    setChildren(this.banner, note, offer ? h('button', { type: 'button', class: 'link-button', id: 'show-more', onclick: more }, 'Show more') : null, offer ? ' or narrow the filters.' : '');
  }

  private setFocusMode(on: boolean, record = true): void {
    if (on && !this.slice.focus) {
      toast('Select a node first: focus mode shows it with its neighbours.');
      this.toolbar.focusMode.checked = false;
      return;
    }
    this.commit({ focusMode: on });
    this.applyFocusMode();
    if (record) this.actions.record({ label: on ? 'focus mode' : 'leave focus mode', undo: () => this.setFocusMode(!on, false) });
  }

  /** Show only the focused node's closed neighbourhood when focus mode is on. */
  private applyFocusMode(): void {
    const { focusMode, focus } = this.slice;
    this.toolbar.focusMode.checked = focusMode;
    markFocusMode(this.cy, focusMode, focus);
    if (focusMode && focus) this.canvas.fit();
    this.canvas.markReady();
  }

  private afterSelection(): void {
    highlightFocus(this.cy, this.slice.focus);
    this.applyFocusMode();
  }

  private afterChange(): void {
    this.canvas.updateDegrees();
    this.afterSelection();
    renderLegend(this.legend, this.cy);
    this.canvas.markReady();
  }

  /** Select `id` (in the store and on the canvas) and show its details. */
  private select(id: string): void {
    this.commit({ focus: id });
    this.cy.nodes(':selected').unselect();
    this.cy.getElementById(id).select();
    highlightFocus(this.cy, id);
    void this.details.showNode(id);
    if (this.slice.focusMode) this.applyFocusMode();
  }

  /** Focus a node: add it (by expanding it) when it is not on the canvas, then select and centre it. */
  async focusNode(id: string, animate = true): Promise<void> {
    let node = this.cy.getElementById(id);
    if (node.nonempty() && node.hasClass('is-hidden')) {
      node.removeClass('is-hidden');
      this.commit({ hidden: withoutIds(this.slice.hidden, [id]) });
    }
    if (node.empty()) {
      await this.actions.expand(id);
      node = this.cy.getElementById(id);
      if (node.empty()) return toast(`“${id}” is not in the graph under the current filters.`, 'error');
    }
    this.select(id);
    // Focus mode fits the focused neighbourhood instead (applyFocusMode).
    if (this.slice.focusMode) return;
    const zoom = Math.max(this.cy.zoom(), 1);
    if (animate) this.cy.animate({ center: { eles: node }, zoom }, { duration: 250 });
    else {
      this.cy.zoom(zoom);
      this.cy.center(node);
    }
  }

  private async relayout(): Promise<void> {
    // Asked for by the user: a fresh picture, not the remembered places.
    await this.canvas.layout(this.slice.layout, undefined, true);
    if (this.slice.focusMode) this.applyFocusMode();
    this.canvas.markReady();
  }

  private act(action: ExploreAction): void {
    const selected = (run: (id: string) => void) => {
      const id = this.slice.focus;
      if (!id || this.cy.getElementById(id).empty()) return toast('Select a node first.');
      run(id);
    };
    switch (action) {
      case 'fit': return this.canvas.fit();
      case 'zoomIn': return this.canvas.zoomBy(1.25);
      case 'zoomOut': return this.canvas.zoomBy(0.8);
      case 'relayout': return void this.relayout();
      case 'expand': return selected((id) => void this.actions.expand(id));
      case 'collapse': return selected((id) => this.actions.collapse(id));
      case 'hide': return selected((id) => this.actions.hide([id]));
      case 'showAll': return this.actions.showAll();
      case 'toggleFocusMode': return this.setFocusMode(!this.slice.focusMode);
      case 'undo': return this.actions.undo();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.canvas.container) return;
    const action = keyAction(e.key, e);
    if (!action) return;
    e.preventDefault();
    this.act(action);
  }
}
