import { describe, expect, it } from 'vitest';
import type { FundingAnswer } from '../../../web/src/api/queries.ts';
import { columnGraph } from '../../../web/src/funding/columns.ts';
import { countingRows, reasonText } from '../../../web/src/funding/counting.ts';
import { columnLabeller, columnPositions } from '../../../web/src/funding/state.ts';
import { flow } from './fixtures.ts';

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
};

describe('funding columns', () => {
  const graph = columnGraph(answer);

  it('nodes carry the API totals, never a sum of the flows', () => {
    const amounts = Object.fromEntries(graph.nodes.map((n) => [n.id, n.amountUsd]));
    expect(amounts).toEqual({ 'd:us': 9e6, 'a:gte': 1e6, 'r:kenya': 3e6, 'r:uganda': 4e6, 'd:uk': 2e6, 'a:authority_not_stated': 2e6 });
  });

  it('edges link the ends with no amount; an edge of uncounted flows only is marked', () => {
    expect(graph.edges.every((e) => e.amountUsd == null)).toBe(true);
    expect(graph.edges.find((e) => e.id === 'd:uk->a:authority_not_stated')).toMatchObject({ flows: ['f3', 'f4'], uncounted: false, fundingId: null });
    expect(columnGraph({ ...answer, flows: { nodes: [flows[3]], totalCount: 1 } }).edges.every((e) => e.uncounted)).toBe(true);
  });

  it('columns in the order of the API totals; narrow screens close up', () => {
    const pos = columnPositions(graph.nodes, false);
    expect(pos.get('d:us')).toEqual({ x: 0, y: -20 });
    expect(pos.get('r:uganda')).toEqual({ x: 660, y: -20 });
    expect(pos.get('r:kenya')).toEqual({ x: 660, y: 20 });
    expect(pos.get('a:authority_not_stated')).toEqual({ x: 330, y: -20 });
    expect(columnPositions(graph.nodes, true).get('r:kenya')).toEqual({ x: 330, y: 26 });
  });

  it('labels: name and the API total with its precision mark', () => {
    const label = columnLabeller(graph.nodes);
    expect(label({ id: 'd:us', name: 'us' })).toBe('us  $9M');
    expect(label({ id: 'a:authority_not_stated', name: 'No authority recorded' })).toBe('No authority recorded  ≥ $2M');
    expect(label({ id: 'elsewhere', name: 'x' })).toBe('x');
  });

  it('counting: flows split by the API exclusions, reasons in words', () => {
    const rows = countingRows(answer);
    expect(rows.counted.map((r) => r.flow.id)).toEqual(['f1', 'f2', 'f3']);
    expect(rows.notCounted).toEqual([{ flow: flows[3], reason: 'AVERAGE', countedUsd: 0 }]);
    expect(reasonText('OUTSIDE_WINDOW', 'fiscal year 2011')).toContain('outside fiscal year 2011');
    expect(reasonText('PARTS_COUNTED', null)).toContain('parts');
  });
});
