/** The network view's toolbar and keyboard shortcuts, both mapped to named actions. */
import { h } from '../ui/dom.ts';

export type ExploreAction = 'fit' | 'zoomIn' | 'zoomOut' | 'relayout' | 'expand' | 'collapse' | 'hide' | 'showAll' | 'toggleFocusMode' | 'undo';

const KEYS: Record<string, ExploreAction> = {
  e: 'expand',
  c: 'collapse',
  h: 'hide',
  delete: 'hide',
  f: 'toggleFocusMode',
  u: 'undo',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'fit',
};

/** The action of a key press on the canvas, if any (Ctrl/Cmd+Z undoes; other modified keys do nothing). */
export function keyAction(key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): ExploreAction | null {
  const k = key.toLowerCase();
  if ((mods.ctrlKey || mods.metaKey) && k === 'z') return 'undo';
  if (mods.ctrlKey || mods.metaKey || mods.altKey) return null;
  return KEYS[k] ?? null;
}

export interface Toolbar {
  el: HTMLElement;
  undo: HTMLButtonElement;
  focusMode: HTMLInputElement;
}

/** The toolbar; buttons run `act`, the focus checkbox reports its new value. */
export function buildToolbar(act: (action: ExploreAction) => void, setFocusMode: (on: boolean) => void): Toolbar {
  // A button's name is its visible text (speech users say what they see); symbols alone get the title as name.
  const button = (id: string, label: string, title: string, action: ExploreAction) =>
    h('button', { type: 'button', id, title, ...(/[a-z]/i.test(label) ? {} : { 'aria-label': title }), onclick: () => act(action) }, label);
  const undo = h('button', { type: 'button', id: 'btn-undo', title: 'Undo (U or Ctrl+Z)', disabled: true, onclick: () => act('undo') }, '↶ Undo');
  const focusMode = h('input', { type: 'checkbox', id: 'focus-mode', onchange: (e: Event) => setFocusMode((e.target as HTMLInputElement).checked) });
  const el = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph tools' },
    button('btn-fit', '⤢ Fit', 'Fit the graph to the window (0)', 'fit'),
    button('btn-zoom-in', '+', 'Zoom in (+)', 'zoomIn'),
    button('btn-zoom-out', '−', 'Zoom out (−)', 'zoomOut'),
    button('btn-relayout', '⟳', 'Run the layout again', 'relayout'),
    h('span', { class: 'sep' }),
    button('btn-expand', 'Expand', 'Expand the selected node (E, or double-click)', 'expand'),
    button('btn-collapse', 'Collapse', 'Collapse the selected node (C)', 'collapse'),
    button('btn-hide', 'Hide', 'Hide the selected node (H)', 'hide'),
    button('btn-show-all', 'Show hidden', 'Show every hidden node', 'showAll'),
    h('label', { class: 'toggle', title: 'Show only the selected node and its neighbours (F)' }, focusMode, 'Focus'),
    undo,
  );
  return { el, undo, focusMode };
}
