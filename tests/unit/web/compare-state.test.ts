import { describe, expect, it } from 'vitest';
import { comparing, comparisonElements, comparisonNote, type Comparison } from '../../../web/src/compare/state.ts';
import { parseSpan, spanText } from '../../../web/src/compare/span.ts';

const node = (id: string) => ({ id, labels: ['Actor', 'State'], name: id.toUpperCase(), kind: 'State' as const, description: null, citation: null, year: null, amountUsd: null });

const ANSWER: Comparison = {
  a: { from: 2011, to: 2011 },
  b: { from: 2016, to: 2016 },
  nodes: [node('us'), node('kenya'), node('uganda')],
  edges: [
    { id: 'FUNDED:us>kenya', source: 'us', target: 'kenya', type: 'FUNDED', status: 'CHANGED', countA: 1, countB: 2, amountA: 75e6, amountB: 120e6 },
    { id: 'FUNDED:us>uganda', source: 'us', target: 'uganda', type: 'FUNDED', status: 'REMOVED', countA: 1, countB: 0, amountA: 5e6, amountB: 0 },
    { id: 'r1', source: 'kenya', target: 'uganda', type: 'ALLIED_WITH', status: 'ADDED', countA: 0, countB: 1, amountA: null, amountB: null },
    { id: 'r2', source: 'uganda', target: 'us', type: 'TRAINED', status: 'SAME', countA: 1, countB: 1, amountA: null, amountB: null },
  ],
  counts: { added: 1, removed: 1, changed: 1, same: 1 },
  truncated: false,
  omittedNodes: 0,
  omittedEdges: 0,
};

describe('comparison mode', () => {
  it('compares only when both windows parse', () => {
    const explore = (compareA?: string, compareB?: string) => ({ explore: { compareA, compareB } }) as unknown as Parameters<typeof comparing>[0];
    expect(comparing(explore('2011', '2006-2010'))).toEqual({ a: { from: 2011, to: 2011 }, b: { from: 2006, to: 2010 } });
    expect(comparing(explore('2011', undefined))).toBeNull();
    expect(parseSpan('2010-2006')).toEqual({ from: 2006, to: 2010 });
    expect(parseSpan('20111')).toBeNull();
    expect(spanText({ from: 2016, to: 2016 })).toBe('2016');
  });

  it("marks each edge with its status's class and labels it with the API's amounts", () => {
    const els = comparisonElements(ANSWER);
    const edge = (id: string) => els.find((e) => e.data.id === id)!;
    expect(els.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['us', 'kenya', 'uganda']);
    expect(edge('FUNDED:us>kenya').classes).toContain('cmp-changed');
    expect(edge('FUNDED:us>kenya').data).toMatchObject({ status: 'CHANGED', amountA: 75e6, amountB: 120e6, amountUsd: 120e6, label: '$75M → $120M' });
    // A removal is drawn with the amount it had.
    expect(edge('FUNDED:us>uganda').data).toMatchObject({ amountUsd: 5e6, label: '− $5M' });
    expect(edge('FUNDED:us>uganda').classes).toContain('cmp-removed');
    expect(edge('r1').classes).toContain('cmp-added');
    expect(edge('r1').data.note).toBe('Allied with in 2016, not in 2011.');
    expect(edge('r2').classes).toContain('cmp-same');
    expect(comparisonNote(ANSWER)).toBe('Comparing 2011 with 2016: 1 added, 1 removed, 1 changed, 1 unchanged.');
  });
});
