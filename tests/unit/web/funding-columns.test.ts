import { describe, expect, it } from 'vitest';
import type { FundingAnswer } from '../../../web/src/api/queries.ts';
import { columnGraph } from '../../../web/src/funding/columns.ts';
import { countingRows, reasonText } from '../../../web/src/funding/counting.ts';
import { columnLabeller, columnPositions } from '../../../web/src/funding/state.ts';
import { flow } from './fixtures.ts';
import { flowsCsv } from '../../../web/src/export/flows-csv.ts';

const totals = (groups: { key: string; amountUsd: number; lowerBound?: boolean }[]) => ({
  groups: groups.map((g) => ({ label: g.key, flowCount: 1, lowerBound: false, approximate: false, ...g })),
  amountUsd: 123,
  lowerBound: false,
  approximate: false,
});

const flows = [flow('f1', 'us', 'kenya', 1e6, 'gte'), flow('f2', 'us', 'uganda', 5e6, 'gte'), flow('f3', 'uk', 'kenya', 2e6, null), flow('f4', 'uk', 'kenya', 7e6, null)];
const answer: FundingAnswer = {
  flows: { nodes: flows, totalCount: 4 },
  byDonor: { ...totals([{ key: 'us', amountUsd: 9e6 }, { key: 'uk', amountUsd: 2e6 }]), flowCount: 3, excludedCount: 1, exclusions: [{ reason: 'AVERAGE', countedUsd: 0, flow: { id: 'f4' } }] },
  byAuthority: totals([{ key: '-', amountUsd: 2e6, lowerBound: true }, { key: 'gte', amountUsd: 1e6 }]),
  // Uganda before Kenya: the API's order decides, whatever the flows' amounts.
  byRecipient: totals([{ key: 'uganda', amountUsd: 4e6 }, { key: 'kenya', amountUsd: 3e6 }]),
  byYear: totals([{ key: '2015', amountUsd: 9e6 }, { key: '2009-2018', amountUsd: 2e6 }]),
};

const node = (role: 'DONOR' | 'AUTHORITY' | 'RECIPIENT', entityId: string, amountUsd: number, lowerBound = false) => ({ id: `${role}:${entityId}`, entityId, role, label: entityId.toUpperCase(), amountUsd, flowCount: 1, lowerBound, approximate: false });
const counted = (f: (typeof flows)[number], countedUsd = f.amountUsd, reason: 'AVERAGE' | null = null) => ({ flow: f, countedUsd, reason });
const link = (source: string, target: string, amountUsd: number, list: ReturnType<typeof counted>[]) => ({
  id: `${source}>${target}`, source, target, leg: source.startsWith('DONOR') ? ('DONOR_AUTHORITY' as const) : ('AUTHORITY_RECIPIENT' as const),
  amountUsd, flowCount: list.filter((x) => x.reason == null).length, excludedCount: list.filter((x) => x.reason != null).length, matchedCount: list.length, lowerBound: false, approximate: false, flows: list,
});
// The API's numbers on purpose unlike any sum of the flows: the page must show them as they are.
const graph = {
  nodes: [node('DONOR', 'us', 9e6), node('DONOR', 'uk', 2e6), node('AUTHORITY', '-', 2e6, true), node('AUTHORITY', 'gte', 1e6), node('RECIPIENT', 'uganda', 4e6), node('RECIPIENT', 'kenya', 3e6)],
  edges: [
    link('DONOR:us', 'AUTHORITY:gte', 8e6, [counted(flows[0]), counted(flows[1])]),
    link('DONOR:uk', 'AUTHORITY:-', 2e6, [counted(flows[2]), counted(flows[3], 0, 'AVERAGE')]),
    link('AUTHORITY:gte', 'RECIPIENT:kenya', 1e6, [counted(flows[0])]),
    link('AUTHORITY:-', 'RECIPIENT:kenya', 0, [counted(flows[3], 0, 'AVERAGE')]),
  ],
  omittedEdges: 0, amountUsd: 11e6, flowCount: 3, lowerBound: false, approximate: false, excludedCount: 1,
};

describe('funding columns', () => {
  const columns = columnGraph({ graph });

  it('nodes and edges carry the API amounts, never a sum of the flows', () => {
    const amounts = Object.fromEntries(columns.nodes.map((n) => [n.id, n.amountUsd]));
    expect(amounts).toEqual({ 'd:us': 9e6, 'd:uk': 2e6, 'a:authority_not_stated': 2e6, 'a:gte': 1e6, 'r:uganda': 4e6, 'r:kenya': 3e6 });
    expect(columns.edges.map((e) => [e.source, e.target, e.amountUsd])).toEqual([
      ['d:us', 'a:gte', 8e6], ['d:uk', 'a:authority_not_stated', 2e6], ['a:gte', 'r:kenya', 1e6], ['a:authority_not_stated', 'r:kenya', 0],
    ]);
  });

  it('an edge with no counted flow is marked; only a one-flow edge names its flow', () => {
    expect(columns.edges.map((e) => e.uncounted)).toEqual([false, false, false, true]);
    expect(columns.edges.map((e) => e.fundingId)).toEqual([null, null, 'f1', 'f4']);
    expect(columns.edges[0]).toMatchObject({ flows: ['f1', 'f2'], start: 2016, end: 2016 });
  });

  it('columns in the API order (largest first); narrow screens close up', () => {
    const pos = columnPositions(columns.nodes, false);
    expect(pos.get('d:us')).toEqual({ x: 0, y: -20 });
    expect(pos.get('r:uganda')).toEqual({ x: 660, y: -20 });
    expect(pos.get('r:kenya')).toEqual({ x: 660, y: 20 });
    expect(pos.get('a:authority_not_stated')).toEqual({ x: 330, y: -20 });
    expect(columnPositions(columns.nodes, true).get('r:kenya')).toEqual({ x: 330, y: 26 });
  });

  it('labels: name and the API total with its precision mark', () => {
    const label = columnLabeller(columns.nodes);
    expect(label({ id: 'd:us', name: 'us' })).toBe('us  $9M');
    expect(label({ id: 'a:authority_not_stated', name: 'No authority recorded' })).toBe('No authority recorded  ≥ $2M');
    expect(label({ id: 'elsewhere', name: 'x' })).toBe('x');
    const none = columnGraph({ graph: { ...graph, nodes: [{ ...node('AUTHORITY', 'old', 0, true), flowCount: 0 }] } });
    expect(columnLabeller(none.nodes)({ id: 'a:old', name: 'Old' })).toBe('Old  (not counted)');
  });

  it('counting: flows split by the API exclusions, reasons in words', () => {
    const rows = countingRows(answer);
    expect(rows.counted.map((r) => r.flow.id)).toEqual(['f1', 'f2', 'f3']);
    expect(rows.notCounted).toEqual([{ flow: flows[3], reason: 'AVERAGE', countedUsd: 0 }]);
    expect(reasonText('OUTSIDE_WINDOW', 'fiscal year 2011')).toContain('outside fiscal year 2011');
    expect(reasonText('PARTS_COUNTED', null)).toContain('parts');
  });
});

describe('flows CSV', () => {
  it('one row per flow with counted or not, the reason, and its sources', () => {
    const cited = { ...flows[0], sources: [{ source: 'tnsr', sourceTitle: null, sourceUrl: null, section: 's3', sectionHeading: null, paragraphs: [2], footnotes: [52], works: [] }] };
    const csv = flowsCsv([
      { flow: cited, reason: null, countedUsd: null },
      { flow: flows[3], reason: 'AVERAGE', countedUsd: 0 },
    ]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,donor,authority,recipient,amountUsd,fyStart,fyEnd,precision,basis,partOf,countedInTotals,reasonNotCounted,stillAddsUsd,note,sources');
    expect(lines[1]).toBe('f1,us,gte,kenya,1000000,2016,2016,EXACT,TOTAL,,yes,,,,tnsr s3 p2 fn52');
    expect(lines[2]).toBe('f4,uk,,kenya,7000000,2016,2016,EXACT,TOTAL,,no,AVERAGE,0,,');
  });
});
