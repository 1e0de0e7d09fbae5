/**
 * The view state that a URL carries: which view, what is focused, filters, year window, layout,
 * expansions and hidden nodes. Encoded in the location hash so a copied link reopens the view.
 */
import type { NodeKind } from '../api/types.ts';
import type { LayoutName } from '../graph/layouts.ts';

export type ViewName = 'explore' | 'lineage' | 'funding' | 'paths';
export type YearMode = 'all' | 'asof' | 'between';

export interface ViewState {
  view: ViewName;
  layout: LayoutName;
  /** Selected / focused node id. */
  focus?: string;
  /** Focus mode: only the focused node and its neighbours are shown. */
  focusMode: boolean;
  kinds: NodeKind[];
  types: string[];
  minAmount?: number;
  /** Overview size (GraphFilter.limit). */
  limit?: number;
  yearMode: YearMode;
  yearFrom?: number;
  yearTo?: number;
  /** Nodes expanded with double-click, in order. */
  expanded: string[];
  hidden: string[];
  /** Lineage view: the authority and direction. */
  authority?: string;
  direction: 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';
  /** Funding view: the chosen recipient and the authority filter. */
  recipient?: string;
  fundingAuthority?: string;
  descendants: boolean;
  /** Path finder. */
  from?: string;
  to?: string;
  maxHops?: number;
}

/** The state of a fresh page. */
export function defaultState(): ViewState {
  return {
    view: 'explore',
    layout: 'fcose',
    focusMode: false,
    kinds: [],
    types: [],
    yearMode: 'all',
    expanded: [],
    hidden: [],
    direction: 'BOTH',
    descendants: false,
  };
}

const VIEWS: ViewName[] = ['explore', 'lineage', 'funding', 'paths'];
const LAYOUTS: LayoutName[] = ['fcose', 'dagre', 'concentric'];
const ID = /^[A-Za-z0-9_:.\-]{1,120}$/;

function int(value: string | null): number | undefined {
  if (value == null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter((s) => ID.test(s)) : [];
}

function id(value: string | null): string | undefined {
  return value && ID.test(value) ? value : undefined;
}

/** Serialise to a hash fragment (without '#'); defaults are left out to keep links short. */
export function encodeState(state: ViewState): string {
  const p = new URLSearchParams();
  const d = defaultState();
  if (state.view !== d.view) p.set('view', state.view);
  if (state.layout !== d.layout) p.set('layout', state.layout);
  if (state.focus) p.set('focus', state.focus);
  if (state.focusMode) p.set('focusMode', '1');
  if (state.kinds.length) p.set('kinds', state.kinds.join(','));
  if (state.types.length) p.set('types', state.types.join(','));
  if (state.minAmount) p.set('min', String(state.minAmount));
  if (state.limit) p.set('limit', String(state.limit));
  if (state.yearMode !== 'all') {
    p.set('years', state.yearMode);
    if (state.yearFrom != null) p.set('from', String(state.yearFrom));
    if (state.yearTo != null && state.yearMode === 'between') p.set('to', String(state.yearTo));
  }
  if (state.expanded.length) p.set('expanded', state.expanded.join(','));
  if (state.hidden.length) p.set('hidden', state.hidden.join(','));
  if (state.authority) p.set('authority', state.authority);
  if (state.direction !== d.direction) p.set('direction', state.direction);
  if (state.recipient) p.set('recipient', state.recipient);
  if (state.fundingAuthority) p.set('under', state.fundingAuthority);
  if (state.descendants) p.set('descendants', '1');
  if (state.from) p.set('pathFrom', state.from);
  if (state.to) p.set('pathTo', state.to);
  if (state.maxHops) p.set('hops', String(state.maxHops));
  return p.toString().replace(/%2C/g, ',');
}

/** Parse a hash fragment (with or without '#'); anything malformed falls back to the default. */
export function decodeState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state = defaultState();
  const view = p.get('view') as ViewName | null;
  if (view && VIEWS.includes(view)) state.view = view;
  const layout = p.get('layout') as LayoutName | null;
  if (layout && LAYOUTS.includes(layout)) state.layout = layout;
  state.focus = id(p.get('focus'));
  state.focusMode = p.get('focusMode') === '1';
  state.kinds = list(p.get('kinds')) as NodeKind[];
  state.types = list(p.get('types'));
  const min = Number(p.get('min'));
  if (Number.isFinite(min) && min > 0) state.minAmount = min;
  const limit = int(p.get('limit'));
  if (limit && limit > 0) state.limit = limit;
  const years = p.get('years');
  if (years === 'asof' || years === 'between') {
    state.yearMode = years;
    state.yearFrom = int(p.get('from'));
    state.yearTo = years === 'asof' ? state.yearFrom : int(p.get('to'));
    if (state.yearFrom == null) state.yearMode = 'all';
  }
  state.expanded = list(p.get('expanded'));
  state.hidden = list(p.get('hidden'));
  state.authority = id(p.get('authority'));
  const direction = p.get('direction');
  if (direction === 'ANCESTORS' || direction === 'DESCENDANTS') state.direction = direction;
  state.recipient = id(p.get('recipient'));
  state.fundingAuthority = id(p.get('under'));
  state.descendants = p.get('descendants') === '1';
  state.from = id(p.get('pathFrom'));
  state.to = id(p.get('pathTo'));
  const hops = int(p.get('hops'));
  if (hops && hops >= 1 && hops <= 6) state.maxHops = hops;
  return state;
}

/** The year window to send to the API, or nothing. */
export function yearWindow(state: ViewState): { yearFrom?: number; yearTo?: number } {
  if (state.yearMode === 'all' || state.yearFrom == null) return {};
  return { yearFrom: state.yearFrom, yearTo: state.yearMode === 'asof' ? state.yearFrom : state.yearTo ?? state.yearFrom };
}
