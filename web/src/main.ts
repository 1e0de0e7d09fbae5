/**
 * The page shell: header (views, search, export), sidebar (the active view's controls), stage
 * (the active view), details panel. Wires the URL state store to the views.
 */
import { Store } from './state/store.ts';
import type { ViewName, ViewState } from './state/view-state.ts';
import { DetailsPanel } from './details/details-panel.ts';
import { ExploreView } from './graph/explore-view.ts';
import { LineageView } from './lineage/lineage-view.ts';
import { FundingView } from './funding/funding-view.ts';
import { PathsView } from './paths/paths-view.ts';
import { SearchBox } from './search/search-box.ts';
import { exportControl } from './export/export-menu.ts';
import { byId, debounce, h } from './ui/dom.ts';
import type { View } from './ui/view.ts';
import type { SearchHit } from './api/types.ts';
import { ACTOR_NODE_KINDS } from './graph/kinds.ts';

const ACTOR_KINDS: ReadonlySet<string> = new Set(ACTOR_NODE_KINDS);

const TABS: { view: ViewName; label: string; hint: string }[] = [
  { view: 'explore', label: 'Network', hint: 'Explore the network of actors, authorities and events' },
  { view: 'lineage', label: 'Lineage', hint: 'How authorities evolved into one another' },
  { view: 'funding', label: 'Funding', hint: 'Money from donors through authorities to recipients' },
  { view: 'paths', label: 'Paths', hint: 'Shortest paths between two entities' },
];

function start(): void {
  const store = new Store();
  const detailsHost = byId('details');
  let active: View | null = null;
  const details = new DetailsPanel(byId('details-body'), {
    navigate: (id) => active?.navigate(id),
  });

  const views: Record<ViewName, View> = {
    explore: new ExploreView(store, details),
    lineage: new LineageView(store, details),
    funding: new FundingView(store, details),
    paths: new PathsView(store, details),
  };
  const stage = byId('stage');
  const sidebar = byId('sidebar-body');
  for (const view of Object.values(views)) {
    view.el.hidden = true;
    stage.append(view.el);
  }

  const tabs = byId('tabs');
  for (const tab of TABS) {
    tabs.append(
      h(
        'button',
        { type: 'button', role: 'tab', id: `tab-${tab.view}`, 'data-view': tab.view, title: tab.hint, 'aria-controls': `view-${tab.view}`, onclick: () => store.update({ view: tab.view }, true) },
        tab.label,
      ),
    );
  }

  const show = (state: ViewState) => {
    const next = views[state.view];
    if (active === next) return;
    for (const v of Object.values(views)) v.el.hidden = v !== next;
    for (const button of tabs.querySelectorAll<HTMLElement>('[role=tab]')) {
      const selected = button.dataset.view === state.view;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
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

  // Global search: in the lineage view authorities re-root the tree, in the funding view actors
  // open their dependency view; anywhere else the hit is focused in the network.
  const search = new SearchBox({
    id: 'global-search',
    label: 'Search entities',
    placeholder: 'Search actors, authorities, events…',
    onPick: (hit: SearchHit) => {
      const view = store.state.view;
      if (view === 'lineage' && hit.kind === 'Authority') store.update({ authority: hit.id });
      else if (view === 'funding' && ACTOR_KINDS.has(hit.kind)) store.update({ recipient: hit.id });
      else if (view === 'explore') views.explore.navigate(hit.id);
      else store.update({ view: 'explore', focus: hit.id }, true);
    },
  });
  byId('search').append(search.el);
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
    cy: (name: ViewName) => (views[name] as View).exportTarget(),
  };

  show(store.state);
}

start();
