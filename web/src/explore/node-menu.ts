/**
 * The network view's analyst tools on nodes: the context menu (right click, or Shift+F10 / the
 * Menu key on the selected node) with expand by relationship type, paths from or to here, hide
 * and pin; and multi-select (Shift/Ctrl+click and Shift+drag box selection add to the selection;
 * the details show the first selected; Hide and Pin act on every selected node).
 */
import type { Core, EventObject, NodeCollection, NodeSingular } from 'cytoscape';
import { openMenu, type MenuItem } from '../ui/menu.ts';
import { humanType } from '../ui/format.ts';
import { toast } from '../ui/status.ts';
import { highlightFocus } from './canvas-ops.ts';

/** What the menu needs from the view. */
export interface NodeMenuHost {
  cy(): Core;
  /** The canvas element (keyboard path, and where focus returns). */
  container: HTMLElement;
  /** The focused (first selected) node, if any. */
  focus(): string | undefined;
  /** Make `id` the focus and show it in the details, leaving the rest of the selection as it is. */
  showFirst(id: string): void;
  /** Select only `id`. */
  select(id: string): void;
  /** The relationship types a node may be expanded by (the API's list). */
  types(): Promise<string[]>;
  expand(id: string, types: string[]): void;
  hide(ids: string[]): void;
  /** Nodes were pinned or unpinned (the view records the pins in the URL). */
  pinsChanged(): void;
  /** Open the paths view with this end filled. */
  paths(end: 'from' | 'to', id: string): void;
}

const realNodes = (nodes: NodeCollection) => nodes.filter((n) => !n.hasClass('more'));

/** Pin (lock in place, marked) or, when every one is pinned already, unpin. */
export function togglePin(nodes: NodeCollection): void {
  const pin = nodes.some((n) => !(n as NodeSingular).locked());
  nodes.forEach((n) => {
    if (pin) n.lock().addClass('pinned');
    else n.unlock().removeClass('pinned');
  });
}

export class NodeMenu {
  /** Node ids in the order they were selected: the details follow the first. */
  private order: string[] = [];

  constructor(private readonly host: NodeMenuHost) {
    host.container.addEventListener('keydown', (e) => {
      if (e.target !== host.container) return;
      if (e.key !== 'ContextMenu' && !(e.key === 'F10' && e.shiftKey)) return;
      e.preventDefault();
      this.openForFocus();
    });
  }

  /** Bind to a (new) Cytoscape core. */
  bind(cy: Core): void {
    this.order = [];
    cy.boxSelectionEnabled(true);
    cy.on('select', 'node', (e) => void this.order.push((e.target as NodeSingular).id()));
    cy.on('unselect', 'node', (e) => (this.order = this.order.filter((id) => id !== (e.target as NodeSingular).id())));
    cy.on('cxttap', 'node', (e) => {
      const node = e.target as NodeSingular;
      if (node.hasClass('more')) return;
      if (!node.selected()) this.host.select(node.id());
      const pointer = e.originalEvent as MouseEvent;
      this.open(node, { x: pointer.clientX, y: pointer.clientY });
    });
    // Box selection ends without a tap: the details follow the first node selected.
    cy.on('boxend', () => setTimeout(() => this.syncFirst(), 0));
  }

  /**
   * A tap with Shift, Ctrl or Cmd adds to (or takes from) the selection: Cytoscape does that
   * itself, so the view must not replace the selection. True when the tap was such a tap.
   */
  additive(e: EventObject): boolean {
    const m = e.originalEvent as MouseEvent | undefined;
    if (!m || !(m.shiftKey || m.ctrlKey || m.metaKey)) return false;
    setTimeout(() => this.syncFirst(), 0);
    return true;
  }

  /** The first selected node still on the canvas. */
  private first(): string | undefined {
    const cy = this.host.cy();
    return this.order.find((id) => cy.getElementById(id).selected());
  }

  private syncFirst(): void {
    const first = this.first();
    if (first && first !== this.host.focus()) this.host.showFirst(first);
    highlightFocus(this.host.cy(), first);
  }

  /** What Hide and Pin act on: every selected node when `node` is one of them, else `node`. */
  private targets(node: NodeSingular): NodeCollection {
    const selected = realNodes(this.host.cy().nodes(':selected'));
    return node.selected() && selected.length > 1 ? selected : (node as unknown as NodeCollection);
  }

  private openForFocus(): void {
    const id = this.host.focus();
    const node = id ? this.host.cy().getElementById(id) : null;
    if (!node || node.empty() || !node.isNode()) return toast('Select a node first (click it, or find it with search).');
    const box = this.host.container.getBoundingClientRect();
    const p = node.renderedPosition();
    this.open(node, { x: box.left + p.x, y: box.top + p.y });
  }

  /**
   * The actions on node `id` (the menu's items, which the details panel offers too), or null when
   * it is not on the canvas.
   */
  actionsFor(id: string): MenuItem[] | null {
    const node = this.host.cy().getElementById(id);
    return node.nonempty() && node.isNode() && !node.hasClass('more') ? this.items(node) : null;
  }

  private open(node: NodeSingular, at: { x: number; y: number }): void {
    openMenu(this.items(node), at, { label: `Actions on ${String(node.data('name') ?? node.id())}`, id: 'node-menu', returnFocus: this.host.container });
  }

  private items(node: NodeSingular): MenuItem[] {
    const id = node.id();
    const targets = this.targets(node);
    const many = targets.length > 1 ? ` ${targets.length} selected` : '';
    const pinned = targets.every((n) => (n as NodeSingular).locked());
    return [
      {
        label: 'Expand by relationship type…',
        action: 'expand-by-type',
        submenu: async () => (await this.host.types()).map((type) => ({ label: humanType(type), action: `type:${type}`, run: () => this.host.expand(id, [type]) })),
      },
      { label: 'Paths from here', action: 'paths-from', run: () => this.host.paths('from', id) },
      { label: 'Paths to here', action: 'paths-to', run: () => this.host.paths('to', id) },
      { label: `Hide${many}`, action: 'hide', run: () => this.host.hide(targets.map((n) => n.id())) },
      {
        label: `${pinned ? 'Unpin' : 'Pin'}${many}`,
        action: pinned ? 'unpin' : 'pin',
        run: () => {
          togglePin(targets);
          this.host.pinsChanged();
        },
      },
    ];
  }
}
