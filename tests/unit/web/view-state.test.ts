import { describe, expect, it } from 'vitest';
import type { GraphEdge, Lineage, LineageEntry, Path } from '../../../web/src/api/types.ts';
import { URL_CODEC } from '../../../web/src/app/registry.ts';
import { applyPatch } from '../../../web/src/app/state.ts';
import { lineageLabel, shortName, tableRows, treeOf } from '../../../web/src/lineage/state.ts';
import { fiscalYearsPatch, fundingFilter, fundingKey, precisionText, totalText } from '../../../web/src/funding/state.ts';
import { hopParts, hopsText, pathIds, pathQuery, pathsGraph, pathsKey, resultText, searchedText } from '../../../web/src/paths/state.ts';
import type { PathsUrlState } from '../../../web/src/paths/codec.ts';
import { authority, edge, node } from './fixtures.ts';

const entry = (id: string, generation: number, extra: Partial<LineageEntry> = {}): LineageEntry => ({ authority: authority(id), generation, establishedBy: [], administeredBy: [], implementedBy: [], ...extra });
const link = (source: string, target: string, type: GraphEdge['type'], start: number | null = null) => ({ ...edge(`${source}-${type}-${target}`, source, target, { type, start }), sources: [] });

describe('lineage state', () => {
  it('short names abbreviate NDAAs and prefer the shorter of name and citation', () => {
    expect(shortName({ name: 'Section 1206 of the National Defense Authorization Act for Fiscal Year 2006', citation: 'P.L. 109-163 §1206' })).toBe('P.L. 109-163 §1206');
    expect(shortName({ name: 'National Defense Authorization Act for Fiscal Year 2017' })).toBe('NDAA FY2017');
  });

  it('labels carry the year, the establishing law and the administering bodies', () => {
    const e = entry('s333', 2, { authority: authority('s333', { enacted: 2016 }), establishedBy: [authority('ndaa17', { name: 'National Defense Authorization Act for Fiscal Year 2017' })], administeredBy: [{ id: 'dod', name: 'DoD', kind: 'GovernmentBody' }] });
    expect(lineageLabel({ name: '10 U.S.C. 333' }, e)).toBe('10 U.S.C. 333 (2016)\nest. by NDAA FY2017\nrun by DoD');
    expect(lineageLabel({ name: 'X', year: 1999 }, undefined)).toBe('X (1999)');
  });

  const lineage: Lineage = {
    root: authority('s1206', { enacted: 2006 }),
    entries: [entry('s1206', 0), entry('s2282', 1), entry('law', -1)],
    subgraph: {
      nodes: [node('s2282', { labels: ['Authority'], name: '10 U.S.C. 2282', kind: 'Authority' })],
      edges: [link('s1206', 's2282', 'EVOLVED_INTO', 2015), link('s1206', 'law', 'ESTABLISHED_BY'), link('s1206', 'dod', 'ADMINISTERED_BY'), link('s1206', 's1206', 'EVOLVED_INTO')],
      truncated: false,
      omittedNodes: 0,
      omittedEdges: 0,
    },
  };

  it('the tree keeps drawn edges between its authorities', () => {
    const tree = treeOf(lineage);
    expect(tree.nodes.map((n) => [n.id, n.name])).toEqual([['s1206', 's1206'], ['s2282', '10 U.S.C. 2282'], ['law', 'law']]);
    expect(tree.edges.map((e) => e.type)).toEqual(['EVOLVED_INTO', 'ESTABLISHED_BY']);
  });

  it('the root is in the tree even when the answer lists no entry for it', () => {
    expect(treeOf({ ...lineage, entries: [] }).entries.get('s1206')?.generation).toBe(0);
  });

  it('table rows in generation order, with where each came from', () => {
    const rows = tableRows(lineage, treeOf(lineage).entries.values());
    expect(rows.map((r) => r.entry.authority.id)).toEqual(['law', 's1206', 's2282']);
    expect(rows[2].cameFrom).toEqual(['s1206 (evolved into, 2015)']);
  });
});

describe('funding state', () => {
  const s = URL_CODEC.decode('view=funding&under=usc10_333&descendants=1&min=1000000&years=between&from=2010&to=2012');

  it('asks for the filters of the state; descendants only with an authority', () => {
    expect(fundingFilter(s)).toEqual({ authority: 'usc10_333', includeDescendants: true, minAmountUsd: 1e6, yearFrom: 2010, yearTo: 2012 });
    expect(fundingFilter(URL_CODEC.decode('descendants=1')).includeDescendants).toBeUndefined();
  });

  it('reloads for filters but not for the recipient', () => {
    expect(fundingKey(applyPatch(s, { funding: { recipient: 'kenya' } }))).toBe(fundingKey(s));
    expect(fundingKey(applyPatch(s, { filters: { minAmount: 2 } }))).not.toBe(fundingKey(s));
  });

  it('texts of totals and precision', () => {
    expect(totalText({ amountUsd: 341e6, lowerBound: true, approximate: true })).toBe('≥ $341M');
    expect(totalText({ amountUsd: 341e6, lowerBound: false, approximate: true })).toBe('~ $341M');
    expect(precisionText({ precision: 'LOWER_BOUND', basis: 'ANNUAL' })).toBe('at least, per year');
    expect(precisionText({ precision: 'EXACT', basis: 'TOTAL' })).toBe('');
  });

  it('the fiscal-year inputs make a window of one or two years, or none', () => {
    expect(fiscalYearsPatch(undefined, undefined)).toEqual({ yearMode: 'all', yearFrom: undefined, yearTo: undefined });
    expect(fiscalYearsPatch(2010, undefined)).toEqual({ yearMode: 'between', yearFrom: 2010, yearTo: 2010 });
    expect(fiscalYearsPatch(undefined, 2012)).toEqual({ yearMode: 'between', yearFrom: 2012, yearTo: 2012 });
  });
});

describe('paths state', () => {
  const path: Path = {
    length: 2,
    nodes: [node('a'), node('b'), node('c')],
    steps: [
      { forward: true, edge: { ...edge('e1', 'a', 'b'), sources: [] } },
      { forward: false, edge: { ...edge('e2', 'c', 'b', { type: 'FUNDED', amountUsd: 2e6 }), sources: [] } },
    ],
  };

  const slice = (extra: Partial<PathsUrlState>): PathsUrlState => ({ from: undefined, to: undefined, maxHops: undefined, types: [], exclude: [], yearFrom: undefined, yearTo: undefined, ...extra });

  it('asks only when both ends are chosen, with the default hop limit', () => {
    expect(pathQuery(slice({ from: 'a' }))).toBeNull();
    expect(pathQuery(slice({ from: 'a', to: 'b' }))).toEqual({ from: 'a', to: 'b', maxHops: 4 });
    expect(pathsKey(slice({ from: 'a', to: 'b' }))).toBe(pathsKey(slice({ from: 'a', to: 'b', maxHops: 4 })));
  });

  it('sends the chosen types and years (in order), and says what was searched', () => {
    const q = pathQuery(slice({ from: 'a', to: 'b', types: ['TRAINED', 'FUNDED'], yearFrom: 2014, yearTo: 2010 }));
    expect(q).toEqual({ from: 'a', to: 'b', maxHops: 4, types: ['TRAINED', 'FUNDED'], yearFrom: 2010, yearTo: 2014 });
    expect(searchedText(q!)).toBe('within 4 hops, over only trained, funded, 2010–2014');
    expect(searchedText({ from: 'a', to: 'b', maxHops: 1, yearTo: 2000 })).toBe('within 1 hop, over any relationship or funding flow, up to 2000');
    expect(pathsKey(slice({ from: 'a', to: 'b', yearFrom: 2010 }))).not.toBe(pathsKey(slice({ from: 'a', to: 'b' })));
  });

  it('avoids the chosen entities (never the ends), in a fixed order', () => {
    expect(pathQuery(slice({ from: 'a', to: 'b', exclude: ['us', 'b', 'eu', 'us'] }))?.excludeIds).toEqual(['eu', 'us']);
    expect(pathsKey(slice({ from: 'a', to: 'b', exclude: ['x', 'y'] }))).toBe(pathsKey(slice({ from: 'a', to: 'b', exclude: ['y', 'x'] })));
    expect(searchedText({ from: 'a', to: 'b', maxHops: 2, excludeIds: ['us'] })).toBe('within 2 hops, over any relationship or funding flow, avoiding 1 entity');
  });

  it('claims "shortest" only for a complete search, and says how far a cut one got', () => {
    const search = { maxHops: 4, exhaustiveTo: 2, expandedNodes: 10, work: 5000, budget: 5000, stoppedBy: 'WORK_BUDGET' };
    expect(resultText({ complete: true, search: { ...search, stoppedBy: null } }, 3)).toEqual({ title: '3 paths, shortest first', caveat: null });
    const cut = resultText({ complete: false, search }, 1);
    expect(cut.title).toBe('1 path found; the search was cut short');
    expect(cut.caveat).toContain('every path of at most 2 hops was found');
    expect(cut.caveat).toContain('up to 4 hops may be missing');
  });

  it('reads its limits from the URL', () => {
    const s = URL_CODEC.decode('view=paths&pathFrom=a&pathTo=b&pathTypes=TRAINED,FUNDED&pathYearFrom=2010&pathYearTo=x&pathExclude=united_states');
    expect(s.paths).toMatchObject({ types: ['TRAINED', 'FUNDED'], exclude: ['united_states'], yearFrom: 2010, yearTo: undefined });
  });

  it('graph, ids and hops in reading order', () => {
    const graph = pathsGraph([path, { ...path, nodes: [node('a')], steps: [] }]);
    expect(graph.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(graph.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(pathIds(path)).toEqual(['a', 'b', 'c', 'e1', 'e2']);
    expect(hopParts(path.steps[0])).toEqual({ from: 'a', to: 'b', arrow: ' —trained→ ' });
    expect(hopParts(path.steps[1])).toEqual({ from: 'b', to: 'c', arrow: ' ←funded $2M— ' });
    expect([hopsText(1), hopsText(3)]).toEqual(['1 hop', '3 hops']);
  });
});
