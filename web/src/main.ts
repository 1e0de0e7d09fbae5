/**
 * The page shell: header (views, search, export), sidebar (the active view's controls), stage
 * (the active view), details panel. Builds the views from the registry and wires them to the
 * URL state store.
 */
import { Store } from './app/store.ts';
import type { AppState, ViewName } from './app/state.ts';
import { URL_CODEC, VIEWS } from './app/registry.ts';
import type { View } from './app/view.ts';
import { DetailsPanel } from './details/details-panel.ts';
import { SearchBox } from './search/search-box.ts';
import { exportControl } from './export/export-menu.ts';
import { aboutControl } from './about/about-dialog.ts';
import { tableControl } from './table/table-dialog.ts';
import { byId, debounce } from './ui/dom.ts';
import { buildTabs, markSelected } from './app/tabs.ts';
import type { SearchHit } from './api/types.ts';

function start(): void {
  const store = new Store(URL_CODEC);
  const detailsHost = byId('details');
  let active: View | null = null;
  // Narrow screens: a selection the user just made opens the details drawer (a selection the
  // page makes on load does not, so the canvas stays in view).
  let lastInput = -Infinity;
  for (const type of ['pointerdown', 'keydown'] as const) byId('stage').addEventListener(type, () => (lastInput = performance.now()), true);
  const details = new DetailsPanel(byId('details-body'), {
    navigate: (id) => active?.navigate(id),
    shown: () => {
      if (performance.now() - lastInput > 1000 || !matchMedia('(max-width: 960px)').matches) return;
      detailsHost.classList.add('open');
      byId('toggle-details').setAttribute('aria-expanded', 'true');
    },
  });

  const ctx = { store, details };
  const views = Object.fromEntries(VIEWS.map((entry) => [entry.name, entry.create(ctx)])) as Record<ViewName, View>;
  const stage = byId('stage');
  const sidebar = byId('sidebar-body');
  for (const view of Object.values(views)) {
    view.el.hidden = true;
    stage.append(view.el);
  }

  const tabs = byId('tabs');
  buildTabs(tabs, VIEWS, (name) => store.update({ view: name as ViewName }, true));

  const show = (state: AppState) => {
    const next = views[state.view];
    if (active === next) return;
    for (const v of Object.values(views)) v.el.hidden = v !== next;
    markSelected(tabs, state.view);
    sidebar.replaceChildren(next.controls);
    document.body.dataset.view = state.view;
    active = next;
    details.clear();
    next.activate(state);
  };

  store.subscribe((state, previous) => {
    if (state.view !== previous.view || active !== views[state.view]) show(state);
    else active?.onState(state, previous);
  });

  // Global search: the active view takes the hit when it can (the lineage view re-roots on an
  // authority, the funding view opens an actor's dependencies); else the network focuses it.
  const search = new SearchBox({
    id: 'global-search',
    label: 'Search entities',
    placeholder: 'Search actors, authorities, events…',
    onPick: (hit: SearchHit) => {
      if (views[store.state.view].searchHit(hit)) return;
      store.update({ view: 'explore', explore: { focus: hit.id } }, true);
    },
  });
  byId('search').append(search.el);
  const about = aboutControl();
  const table = tableControl(() => {
    const cy = active?.exportTarget();
    return active && cy ? { cy, name: active.name, entityOf: (id: string) => active?.entityOf?.(id) ?? id } : null;
  });
  byId('about').append(table.button, about.button);
  document.body.append(about.dialog, table.dialog);
  byId('export').append(exportControl(() => (active ? { cy: active.exportTarget()!, name: active.name } : null)));

  // Narrow screens: the sidebar and the details panel are drawers.
  const toggle = (button: HTMLElement, panel: HTMLElement) => {
    button.addEventListener('click', () => {
      const open = panel.classList.toggle('open');
      button.setAttribute('aria-expanded', String(open));
    });
  };
  toggle(byId('toggle-sidebar'), byId('sidebar'));
  toggle(byId('toggle-details'), detailsHost);

  // Keyboard: "/" jumps to search, like many sites; Escape closes an open drawer.
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key === '/' && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      e.preventDefault();
      search.input.focus();
    }
    if (e.key === 'Escape') {
      for (const [button, panel] of [['toggle-sidebar', 'sidebar'], ['toggle-details', 'details']]) {
        if (byId(panel).classList.contains('open')) {
          byId(panel).classList.remove('open');
          byId(button).setAttribute('aria-expanded', 'false');
        }
      }
    }
  });
  window.addEventListener('resize', debounce(() => active?.resize(), 150));

  // A handle for tests and the bench (read-only use).
  (window as unknown as { __aidgraph: unknown }).__aidgraph = {
    store,
    views,
    cy: (name: ViewName) => views[name].exportTarget(),
  };

  show(store.state);
}

start();
