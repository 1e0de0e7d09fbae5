/**
 * The selected node's actions in the details panel: the same items as the canvas's node menu
 * (built there, so each action is written once) as a row of buttons. An item with a sub-menu
 * (expand by relationship type) opens it as a menu under its button; after an action the row is
 * drawn again, since Pin turns into Unpin.
 */
import { h, setChildren } from '../ui/dom.ts';
import { openMenu, type MenuItem } from '../ui/menu.ts';

/** Fired on the document after a view applied pins: a shown row draws Pin/Unpin again. */
export const PINS_CHANGED = 'aidgraph-pins-changed';

/** The actions on a node, or null when the active view has none for it. */
export type NodeActionSource = (id: string) => MenuItem[] | null;

/** The row of action buttons for node `id`, or null when there are no actions for it. */
export function nodeActionBar(id: string, source: NodeActionSource): HTMLElement | null {
  if (!source(id)) return null;
  const bar = h('div', { class: 'details-actions', id: 'details-actions', role: 'group', 'aria-label': 'Actions on this node' });
  const draw = () => {
    const items = source(id) ?? [];
    setChildren(bar, ...items.map((item) => button(item, draw)));
  };
  draw();
  // Pins may change while the row is shown (the URL replayed, the canvas menu): draw it again then.
  const onPins = () => (bar.isConnected ? draw() : document.removeEventListener(PINS_CHANGED, onPins));
  document.addEventListener(PINS_CHANGED, onPins);
  return bar;
}

function button(item: MenuItem, redraw: () => void): HTMLButtonElement {
  const el = h('button', { type: 'button', class: 'details-action', 'data-action': item.action, disabled: item.disabled ?? false, 'aria-haspopup': item.submenu ? 'menu' : null }, item.label);
  el.addEventListener('click', async () => {
    if (!item.submenu) {
      item.run?.();
      // The action may have moved focus elsewhere (another view); only a row still shown is redrawn.
      if (el.isConnected) redraw();
      return;
    }
    const box = el.getBoundingClientRect();
    const sub = await item.submenu();
    openMenu(sub, { x: box.left, y: box.bottom + 2 }, { label: item.label.replace(/…$/, ''), id: 'details-menu', returnFocus: el });
  });
  return el;
}
