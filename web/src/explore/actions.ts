/**
 * The network view's undoable canvas actions (expand, "+N more", collapse, hide, show hidden) and
 * the bookkeeping behind them: what the overview holds and what each expansion added.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { Subgraph } from '../api/types.ts';
import { byIds, type Canvas } from '../graph/canvas.ts';
import { toast, describeError } from '../ui/status.ts';
import type { AppState } from '../app/state.ts';
import type { ExploreUrlState } from './codec.ts';
import { loadExpansion } from './effects.ts';
import { History, type UndoEntry } from './history.ts';
import { placeExpansion, setHidden } from './canvas-ops.ts';
import { EXPAND_LIMIT, collapsible, expansionLimit, grow, hiding, moreId, withId, withoutIds, type Expansion } from './state.ts';
import { withExpansion, withoutExpansionsOf } from './replay.ts';

/** What the actions need from the view. */
export interface ActionHost {
  /** The view's canvas (its core is replaced when the graph changes size class). */
  readonly canvas: Canvas;
  state(): AppState;
  /** Record a change of the network slice without reloading. */
  commit(patch: Partial<ExploreUrlState>): void;
  select(id: string): void;
  /** Redraw what depends on the elements (degrees, highlight, legend, ready mark). */
  afterChange(): void;
  /** The top of the undo stack changed. */
  undoChanged(top: UndoEntry | undefined): void;
}

export class ExploreActions {
  private baseIds = new Set<string>();
  private readonly expansions = new Map<string, Expansion>();
  /** Roots expanded by chosen relationship types: "+N more" keeps to them. */
  private readonly typed = new Map<string, readonly string[]>();
  private readonly history: History;

  constructor(private readonly host: ActionHost) {
    this.history = new History((top) => host.undoChanged(top));
  }

  private get cy(): Core {
    return this.host.canvas.cy;
  }

  private get slice(): ExploreUrlState {
    return this.host.state().explore;
  }

  /** A fresh overview is on the canvas: forget expansions and undo entries. */
  reset(baseIds: Iterable<string>): void {
    this.baseIds = new Set(baseIds);
    this.expansions.clear();
    this.typed.clear();
    this.history.clear();
  }

  /** Put an expansion from the URL (plain, or by `types`) back on the canvas (not undoable). */
  replay(rootId: string, sub: Subgraph, types?: readonly string[]): void {
    const previous = this.expansions.get(rootId);
    this.expansions.set(rootId, grow(previous, placeExpansion(this.cy, rootId, sub, EXPAND_LIMIT), EXPAND_LIMIT));
    if (types) this.typed.set(rootId, types);
  }

  isExpanded(id: string): boolean {
    return this.expansions.has(id);
  }

  record(entry: UndoEntry): void {
    this.history.push(entry);
  }

  undo(): void {
    if (!this.history.undo()) toast('Nothing to undo.');
  }

  /**
   * Fetch the node's neighbours and add them (or, for "+N more", fetch more). With `types` only
   * neighbours through those relationship types come; the URL keeps such an expansion in
   * `expandedBy`, plain ones in `expanded`.
   */
  async expand(rootId: string, more = false, types?: readonly string[]): Promise<void> {
    const state = this.host.state();
    const previous = this.expansions.get(rootId);
    const limit = expansionLimit(more, previous);
    const only = types ?? (more ? this.typed.get(rootId) : undefined);
    this.host.canvas.container.dataset.state = 'loading';
    try {
      const sub = await loadExpansion(rootId, limit, state, undefined, only);
      if (only) this.typed.set(rootId, only);
      else this.typed.delete(rootId);
      const hadMore = this.cy.getElementById(moreId(rootId)).nonempty();
      const wasExpanded = this.expansions.has(rootId);
      const addedIds = placeExpansion(this.cy, rootId, sub, limit);
      this.expansions.set(rootId, grow(previous, addedIds, limit));
      const before = state.explore.expandedBy;
      this.host.commit(only ? { expandedBy: withExpansion(before, { id: rootId, types: [...only] }), focus: rootId } : { expanded: withId(state.explore.expanded, rootId), focus: rootId });
      this.history.push({
        label: more ? 'show more' : 'expand',
        undo: () => {
          this.cy.batch(() => {
            this.cy.remove(byIds(this.cy, addedIds));
            this.cy.getElementById(moreId(rootId)).remove();
            if (!wasExpanded) this.cy.getElementById(rootId).removeClass('expanded');
          });
          if (wasExpanded && previous) this.expansions.set(rootId, previous);
          else this.expansions.delete(rootId);
          if (hadMore) toast('Double-click the node again to see its other neighbours.');
          if (!wasExpanded) this.host.commit({ expanded: withoutIds(this.slice.expanded, [rootId]), expandedBy: withoutExpansionsOf(this.slice.expandedBy, rootId) });
          else if (only) this.host.commit({ expandedBy: before });
          this.host.afterChange();
        },
      });
      this.host.select(rootId);
      if (addedIds.length === 0 && !sub.truncated) toast('No further neighbours under the current filters.');
      this.host.afterChange();
      this.cy.animate({ center: { eles: this.cy.getElementById(rootId) } }, { duration: 0 });
    } catch (err) {
      this.host.canvas.markReady();
      toast(`Could not expand: ${describeError(err).title}`, 'error');
    }
  }

  /** Remove what an expansion added, except what the overview or other expansions also hold. */
  collapse(rootId: string): void {
    const expansion = this.expansions.get(rootId);
    if (!expansion) return toast('This node is not expanded.');
    const removable = this.cy.collection();
    removable.merge(byIds(this.cy, collapsible(rootId, this.expansions, this.baseIds, this.slice.focus)));
    removable.merge(this.cy.getElementById(moreId(rootId)));
    const removed = this.cy.remove(removable.union(removable.connectedEdges()));
    const snapshot = removed.jsons() as unknown as ElementDefinition[];
    this.cy.getElementById(rootId).removeClass('expanded');
    this.expansions.delete(rootId);
    const { expanded: plainBefore, expandedBy: typedBefore } = this.slice;
    this.host.commit({ expanded: withoutIds(plainBefore, [rootId]), expandedBy: withoutExpansionsOf(typedBefore, rootId) });
    this.history.push({
      label: 'collapse',
      undo: () => {
        this.cy.add(snapshot.filter((el) => this.cy.getElementById(el.data.id as string).empty()));
        this.cy.getElementById(rootId).addClass('expanded');
        this.expansions.set(rootId, expansion);
        this.host.commit({ expanded: plainBefore, expandedBy: typedBefore });
        this.host.afterChange();
      },
    });
    this.host.afterChange();
  }

  /** Hide nodes (and so their edges). */
  hide(ids: string[]): void {
    const { fresh, patch } = hiding(this.slice, ids);
    if (!fresh.length) return;
    setHidden(this.cy, fresh, true);
    this.host.commit(patch);
    this.history.push({
      label: 'hide',
      undo: () => {
        setHidden(this.cy, fresh, false);
        this.host.commit({ hidden: withoutIds(this.slice.hidden, fresh) });
        this.host.afterChange();
      },
    });
    this.host.afterChange();
  }

  /** Show every hidden node again. */
  showAll(): void {
    const hidden = [...this.slice.hidden];
    if (!hidden.length) return toast('No hidden nodes.');
    this.cy.batch(() => this.cy.$('.is-hidden').removeClass('is-hidden'));
    this.host.commit({ hidden: [] });
    this.history.push({
      label: 'show hidden',
      undo: () => {
        setHidden(this.cy, hidden, true);
        this.host.commit({ hidden });
        this.host.afterChange();
      },
    });
    this.host.afterChange();
  }
}
