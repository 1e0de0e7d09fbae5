import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../../../web/src/api/types.ts';
import { applyPatch } from '../../../web/src/app/state.ts';
import { URL_CODEC } from '../../../web/src/app/registry.ts';
import {
  EXPAND_LIMIT, MAX_LIMIT, RESET_FILTERS, collapsible, expansionArgs, expansionLimit, grow, hasFilters, hiding, largerOverview, moreElements, overviewFilter, reloadKey, ring, timelineEvents,
  canShowMore, truncationNote, withId, withoutIds, type Expansion,
} from '../../../web/src/explore/state.ts';
import { keyAction } from '../../../web/src/explore/toolbar.ts';
import { History } from '../../../web/src/explore/history.ts';
import { edge, node } from './fixtures.ts';

const state = (hash = '') => URL_CODEC.decode(hash);
const exp = (added: string[], limit = EXPAND_LIMIT): Expansion => ({ added: new Set(added), limit });

describe('expansion algebra', () => {
  it('a collapse removes only what no one else holds', () => {
    const expansions = new Map([
      ['a', exp(['a', 'x', 'y', 'shared', 'e:a-x', 'b'])],
      ['b', exp(['shared', 'z'])],
    ]);
    const base = new Set(['a', 'base1']);
    // b is another expansion's root, shared is held by b, the focus stays, the root stays.
    expect(collapsible('a', expansions, base, 'y').sort()).toEqual(['e:a-x', 'x']);
    expect(collapsible('b', expansions, base, undefined)).toEqual(['z']);
    expect(collapsible('nobody', expansions, base, undefined)).toEqual([]);
  });

  it('overview elements are never collapsed', () => {
    const expansions = new Map([['a', exp(['base1', 'n'])]]);
    expect(collapsible('a', expansions, new Set(['base1']), undefined)).toEqual(['n']);
  });

  it('growing an expansion keeps what it added before', () => {
    const first = grow(undefined, ['x', 'y'], 40);
    const second = grow(first, ['z'], 160);
    expect([...second.added]).toEqual(['x', 'y', 'z']);
    expect(second.limit).toBe(160);
    expect([...first.added]).toEqual(['x', 'y']);
  });

  it('"+N more" asks four times as many, up to the maximum', () => {
    expect(expansionLimit(false, exp([], 640))).toBe(EXPAND_LIMIT);
    expect(expansionLimit(true, undefined)).toBe(EXPAND_LIMIT * 4);
    expect(expansionLimit(true, exp([], 160))).toBe(640);
    expect(expansionLimit(true, exp([], 640))).toBe(MAX_LIMIT);
  });

  it('list producers do not mutate', () => {
    const list = ['a', 'b'];
    expect(withId(list, 'c')).toEqual(['a', 'b', 'c']);
    expect(withId(list, 'a')).toEqual(['a', 'b']);
    expect(withoutIds(list, ['a', 'z'])).toEqual(['b']);
    expect(list).toEqual(['a', 'b']);
  });

  it('hiding adds only new ids and drops a hidden focus', () => {
    const s = state('focus=a&hidden=b').explore;
    expect(hiding(s, ['b'])).toEqual({ fresh: [], patch: { hidden: ['b'], focus: 'a' } });
    expect(hiding(s, ['a', 'c'])).toEqual({ fresh: ['a', 'c'], patch: { hidden: ['b', 'a', 'c'], focus: undefined } });
  });
});

describe('placement', () => {
  it('puts neighbours on a ring that grows with their number', () => {
    const { radius, positions } = ring({ x: 10, y: 20 }, 4);
    expect(radius).toBe(90);
    expect(positions[0]).toEqual({ x: 100, y: 20 });
    expect(positions[2].x).toBeCloseTo(-80);
    expect(ring({ x: 0, y: 0 }, 20).radius).toBe(180);
    expect(ring({ x: 0, y: 0 }, 0).positions).toEqual([]);
  });

  it('adds a "+N more" node only when the answer was cut and more can be asked', () => {
    const cut = { truncated: true, omittedNodes: 7 };
    const more = moreElements('hub', cut, 40, { x: 0, y: 0 }, 90);
    expect(more.map((e) => e.data.id)).toEqual(['more:hub', 'more-link:hub']);
    expect(more[0].data.label).toBe('+7 more');
    expect(more[0].position).toEqual({ x: 0, y: -120 });
    expect(moreElements('hub', cut, MAX_LIMIT, { x: 0, y: 0 }, 90)).toEqual([]);
    expect(moreElements('hub', { truncated: false, omittedNodes: 7 }, 40, { x: 0, y: 0 }, 90)).toEqual([]);
  });
});

describe('requests and reloads', () => {
  it('sends the filters of the state to the API', () => {
    const s = state('kinds=State&types=TRAINED&min=1000000&limit=100&years=asof&from=2010');
    expect(overviewFilter(s)).toEqual({ kinds: ['State'], types: ['TRAINED'], yearFrom: 2010, yearTo: 2010, minAmountUsd: 1e6, limit: 100 });
    expect(overviewFilter(state())).toEqual({ kinds: undefined, types: undefined, minAmountUsd: undefined, limit: undefined });
    // Expansions ask the API for the same kinds, types (FUNDED included) and amount: the page filters nothing.
    expect(expansionArgs('x', 40, state('kinds=State&types=FUNDED,TRAINED&min=5'))).toEqual({ id: 'x', depth: 1, kinds: ['State'], types: ['FUNDED', 'TRAINED'], minAmountUsd: 5, limit: 40 });
  });

  it('reloads for data and structure, not for focus or layout', () => {
    const s = state('limit=100');
    expect(reloadKey(applyPatch(s, { explore: { focus: 'x', focusMode: true, layout: 'dagre' } }))).toBe(reloadKey(s));
    expect(reloadKey(applyPatch(s, { explore: { expanded: ['x'] } }))).not.toBe(reloadKey(s));
    expect(reloadKey(applyPatch(s, { filters: { minAmount: 5 } }))).not.toBe(reloadKey(s));
    expect(reloadKey(applyPatch(s, { lineage: { authority: 'x' } }))).toBe(reloadKey(s));
  });

  it('knows when filters narrow the overview, and how to reset them', () => {
    expect(hasFilters(state())).toBe(false);
    expect(hasFilters(state('years=asof&from=2000'))).toBe(true);
    const reset = applyPatch(state('kinds=State&min=5&years=asof&from=2000&focus=x'), RESET_FILTERS);
    expect(hasFilters(reset)).toBe(false);
    expect(reset.explore.focus).toBe('x');
  });

  it('"Show more" triples the overview, up to the maximum', () => {
    expect(largerOverview(undefined)).toBe(900);
    expect(largerOverview(1000)).toBe(MAX_LIMIT);
  });
});

describe('timeline and banner data', () => {
  const overview: Subgraph = {
    nodes: [node('ev', { name: 'Coup', kind: 'Event', year: 2015 }), node('undated', { kind: 'Event' }), node('ng', { year: 1960 })],
    edges: [edge('e', 'ng', 'ev', { type: 'TRIGGERED', start: 2010, end: 2012 })],
    truncated: true,
    omittedNodes: 5,
    omittedEdges: 9,
  };

  it('collects the dated events (the span is the API’s)', () => {
    expect(timelineEvents(overview)).toEqual([{ id: 'ev', name: 'Coup', year: 2015 }]);
  });

  it('explains a cut overview only when something is left out', () => {
    expect(truncationNote(overview)).toContain('Showing the 3 best-connected entities; 5 more entities and 9 relationships are left out');
    expect(truncationNote({ ...overview, truncated: false })).toBeNull();
    expect(truncationNote({ ...overview, omittedNodes: 0, omittedEdges: 0 })).toBeNull();
    expect(truncationNote({ ...overview, omittedNodes: 0, omittedEdges: 1 })).toContain('All 3 entities are shown; 1 relationship among them');
  });

  it('offers "Show more" only when a larger overview brings more entities', () => {
    expect(canShowMore(overview, undefined)).toBe(true);
    expect(canShowMore({ ...overview, omittedNodes: 0 }, undefined)).toBe(false);
    expect(canShowMore(overview, MAX_LIMIT)).toBe(false);
  });
});

describe('keys and undo', () => {
  it('maps keys to actions', () => {
    expect(keyAction('E', {})).toBe('expand');
    expect(keyAction('Delete', {})).toBe('hide');
    expect(keyAction('=', {})).toBe('zoomIn');
    expect(keyAction('z', { ctrlKey: true })).toBe('undo');
    expect(keyAction('z', { metaKey: true })).toBe('undo');
    expect(keyAction('e', { altKey: true })).toBeNull();
    expect(keyAction('q', {})).toBeNull();
  });

  it('undoes the latest entry first and reports the top', () => {
    const tops: (string | undefined)[] = [];
    const done: string[] = [];
    const history = new History((top) => tops.push(top?.label), 2);
    for (const label of ['one', 'two', 'three']) history.push({ label, undo: () => done.push(label) });
    expect(history.undo()).toBe(true);
    expect(history.undo()).toBe(true);
    // Bounded to 2: the oldest entry fell off.
    expect(history.undo()).toBe(false);
    expect(done).toEqual(['three', 'two']);
    expect(tops).toEqual(['one', 'two', 'three', 'two', undefined]);
  });
});
