/**
 * A pop-up menu with the ARIA menu pattern: role=menu and menuitem, arrow keys, Home/End,
 * Enter/Space to run, ArrowRight/Enter opening a sub-menu and ArrowLeft closing it, Escape and a
 * click outside closing, and focus given back to where it was.
 */
import { h } from './dom.ts';

export interface MenuItem {
  label: string;
  /** Stable hook for tests (data-action). */
  action: string;
  run?: () => void;
  /** Items of a sub-menu, loaded when it opens (e.g. the relationship types from the API). */
  submenu?: () => Promise<MenuItem[]>;
  disabled?: boolean;
}

export interface MenuOptions {
  label: string;
  id: string;
  /** Where focus goes back when the menu closes. */
  returnFocus: HTMLElement;
}

/** Keep a box of `w` x `h` at (x, y) inside the viewport. */
function clampedAt(menu: HTMLElement, x: number, y: number): void {
  const w = menu.offsetWidth;
  const hgt = menu.offsetHeight;
  menu.style.left = `${Math.max(4, Math.min(x, window.innerWidth - w - 4))}px`;
  menu.style.top = `${Math.max(4, Math.min(y, window.innerHeight - hgt - 4))}px`;
}

let open: { close(restore: boolean): void } | null = null;

/** Close the open menu, if any. */
function closeMenu(restoreFocus = true): void {
  open?.close(restoreFocus);
}

/** Open a menu of `items` at page point (x, y); the first item takes focus. */
export function openMenu(items: MenuItem[], at: { x: number; y: number }, options: MenuOptions): HTMLElement {
  closeMenu(false);
  const menus: HTMLElement[] = [];
  const onOutside = (e: Event) => {
    if (!menus.some((m) => m.contains(e.target as Node))) close(false);
  };
  const close = (restore: boolean) => {
    menus.splice(0).forEach((m) => m.remove());
    document.removeEventListener('pointerdown', onOutside, true);
    open = null;
    if (restore) options.returnFocus.focus();
  };
  const build = (list: MenuItem[], label: string, id: string, parentItem: HTMLElement | null): HTMLElement => {
    const buttons: HTMLElement[] = [];
    const menu = h('div', { class: 'menu', role: 'menu', id, 'aria-label': label, tabindex: '-1' });
    const focusAt = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    const closeSub = () => {
      const depth = menus.indexOf(menu);
      menus.splice(depth + 1).forEach((m) => m.remove());
    };
    const openSub = async (item: MenuItem, el: HTMLElement) => {
      if (!item.submenu) return;
      closeSub();
      el.setAttribute('aria-expanded', 'true');
      const sub = build(await item.submenu(), item.label.replace(/…$/, ''), `${id}-sub`, el);
      if (!menus.includes(menu)) return;
      menus.push(sub);
      document.body.append(sub);
      const box = el.getBoundingClientRect();
      clampedAt(sub, box.right - 2, box.top);
      sub.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    };
    const runItem = (item: MenuItem, el: HTMLElement) => {
      if (item.disabled) return;
      if (item.submenu) return void openSub(item, el);
      close(true);
      item.run?.();
    };
    for (const item of list) {
      const el = h(
        'div',
        {
          role: 'menuitem',
          class: 'menu-item',
          tabindex: '-1',
          'data-action': item.action,
          'aria-disabled': item.disabled ? 'true' : null,
          'aria-haspopup': item.submenu ? 'menu' : null,
          'aria-expanded': item.submenu ? 'false' : null,
          onclick: () => runItem(item, el),
        },
        item.label,
      );
      // Focus follows a moving pointer only: a menu opened under a still pointer keeps its first item.
      el.addEventListener('pointermove', () => document.activeElement !== el && el.focus());
      buttons.push(el);
      menu.append(el);
    }
    menu.addEventListener('keydown', (e) => {
      const i = buttons.indexOf(document.activeElement as HTMLElement);
      const item = list[i];
      const keys: Record<string, () => void> = {
        ArrowDown: () => focusAt(i + 1),
        ArrowUp: () => focusAt(i - 1),
        Home: () => focusAt(0),
        End: () => focusAt(buttons.length - 1),
        Enter: () => item && runItem(item, buttons[i]),
        ' ': () => item && runItem(item, buttons[i]),
        ArrowRight: () => item?.submenu && void openSub(item, buttons[i]),
        ArrowLeft: () => {
          if (!parentItem) return;
          closeSub();
          menu.remove();
          menus.splice(menus.indexOf(menu), 1);
          parentItem.setAttribute('aria-expanded', 'false');
          parentItem.focus();
        },
        Escape: () => close(true),
        Tab: () => close(true),
      };
      const run = keys[e.key];
      if (!run) return;
      e.preventDefault();
      e.stopPropagation();
      run();
    });
    return menu;
  };
  const root = build(items, options.label, options.id, null);
  menus.push(root);
  document.body.append(root);
  clampedAt(root, at.x, at.y);
  document.addEventListener('pointerdown', onOutside, true);
  open = { close };
  root.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled])')?.focus();
  return root;
}
