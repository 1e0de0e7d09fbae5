/**
 * The view tabs, built as the WAI-ARIA tabs pattern: one tab stop (the selected tab), Left/Right
 * (and Home/End) move between tabs and select the one reached (automatic activation), each tab
 * controls its view's panel.
 */
import { h } from '../ui/dom.ts';

export interface TabEntry {
  name: string;
  label: string;
  hint: string;
}

/** Append one tab per entry to `host` (a role=tablist element); `select` switches the view. */
export function buildTabs(host: HTMLElement, entries: readonly TabEntry[], select: (name: string) => void): void {
  for (const entry of entries) {
    host.append(
      h(
        'button',
        { type: 'button', role: 'tab', id: `tab-${entry.name}`, 'data-view': entry.name, title: entry.hint, 'aria-controls': `view-${entry.name}`, 'aria-selected': 'false', tabindex: '-1', onclick: () => select(entry.name) },
        entry.label,
      ),
    );
  }
  host.addEventListener('keydown', (e) => {
    const tabs = [...host.querySelectorAll<HTMLElement>('[role=tab]')];
    const at = tabs.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const next = nextIndex(e.key, at, tabs.length);
    if (next == null) return;
    e.preventDefault();
    tabs[next]!.focus();
    select(tabs[next]!.dataset.view!);
  });
}

/** The tab a key moves to from `at` of `count` tabs (wrapping), or null for other keys. */
export function nextIndex(key: string, at: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count;
    case 'ArrowLeft':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Mark the selected tab: it alone is in the tab order. */
export function markSelected(host: HTMLElement, view: string): void {
  for (const tab of host.querySelectorAll<HTMLElement>('[role=tab]')) {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}
