import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../web/src/api/types.ts';
import { defaultEdgeLabel, edgeData, nodeData, toElements } from '../../../web/src/graph/to-elements.ts';
import { KIND_STYLES, edgeFamily, fundingWidth, kindStyle } from '../../../web/src/graph/kinds.ts';

import { edge, node } from './fixtures.ts';

describe('toElements', () => {
  it('maps nodes then edges, with classes', () => {
    const els = toElements({ nodes: [node('a'), node('b')], edges: [edge('e1', 'a', 'b'), edge('e2', 'a', 'b', { amountUsd: 5e6 })] }, { classes: 'lineage' });
    expect(els.map((e) => [e.group, e.data.id, e.classes])).toEqual([
      ['nodes', 'a', 'lineage'],
      ['nodes', 'b', 'lineage'],
      ['edges', 'e1', 'lineage'],
      ['edges', 'e2', 'lineage money'],
    ]);
  });

  it('drops duplicate ids and edges whose ends are missing, unless they are on the canvas', () => {
    const sub = { nodes: [node('a'), node('a'), node('b')], edges: [edge('e1', 'a', 'b'), edge('e1', 'a', 'b'), edge('e2', 'a', 'gone'), edge('e3', 'a', 'canvas'), edge('b', 'a', 'b')] };
    const ids = toElements(sub, { existing: (id) => id === 'canvas' }).map((e) => e.data.id);
    expect(ids).toEqual(['a', 'b', 'e1', 'e3']);
  });

  it('uses the view labels when given', () => {
    const els = toElements({ nodes: [node('a'), node('b')], edges: [edge('e', 'a', 'b')] }, { labelFor: (n) => `${n.name}!`, edgeLabelFor: () => 'x' });
    expect(els.map((e) => e.data.label)).toEqual(['A!', 'B!', 'x']);
  });
});

describe('element data', () => {
  it('a node carries its kind style and nulls for what it lacks', () => {
    const d = nodeData(node('ng', { kind: 'Mission', year: 2007 }));
    expect(d).toMatchObject({ id: 'ng', name: 'NG', label: 'NG', kind: 'Mission', year: 2007, description: null, citation: null, amountUsd: null, sources: null });
    expect(d.color).toBe(KIND_STYLES.Mission.color);
    expect(d.shape).toBe(KIND_STYLES.Mission.shape);
    expect(nodeData(node('x', { kind: 'Weird' as GraphNode['kind'] })).color).toBe(kindStyle('Weird').color);
  });

  it('an edge carries its family, width and label', () => {
    const plain = edgeData(edge('e', 'a', 'b', { start: 2006, end: 2018 }));
    expect(plain).toMatchObject({ family: edgeFamily('TRAINED').id, label: 'trained · 2006–2018', width: 1.5, amountUsd: null, fundingId: null });
    const money = edgeData(edge('f', 'a', 'b', { type: 'FUNDED', amountUsd: 1e9 }));
    expect(money.width).toBe(fundingWidth(1e9));
    expect(money.label).toBe('$1B');
    expect(edgeData(edge('l', 'a', 'b', { type: 'EVOLVED_INTO' })).width).toBe(edgeFamily('EVOLVED_INTO').id === 'lineage' ? 2.5 : 1.5);
  });

  it('default edge labels: amount or type, then years', () => {
    expect(defaultEdgeLabel(edge('e', 'a', 'b', { type: 'MEMBER_OF' }))).toBe('member of');
    expect(defaultEdgeLabel(edge('e', 'a', 'b', { amountUsd: 341e6, start: 2016 }))).toBe('$341M · 2016–');
  });
});
