import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../../web/src/export/model.ts';
import { tableCsv } from '../../../web/src/export/table-csv.ts';
import { canvasTable, missingSources } from '../../../web/src/table/rows.ts';
import { edgeData, nodeData } from '../../../web/src/graph/to-elements.ts';
import { edge, node } from './fixtures.ts';

const cite = (section: string, footnotes: number[] = []) => ({ source: 'roundtable', sourceTitle: null, sourceUrl: null, section, sectionHeading: null, paragraphs: [1], footnotes, works: [] });

// One node and one flow carry their sources; the others come from the API (the lookup).
const graph: ExportGraph = {
  name: 'aidgraph explore',
  nodes: [
    { data: { ...nodeData(node('r:kenya', { name: 'Kenya' })), sources: [cite('s3', [51])] }, position: { x: 0, y: 0 } },
    { data: nodeData(node('us', { name: 'United States' })), position: { x: 1, y: 1 } },
  ],
  edges: [
    { data: edgeData(edge('FUNDED:f1', 'us', 'r:kenya', { type: 'FUNDED', amountUsd: 5e6, start: 2016, end: 2017, sources: [cite('s4')] })) },
    { data: edgeData(edge('TRAINED:us:r:kenya:', 'us', 'r:kenya', { type: 'TRAINED' })) },
  ],
};

const entityOf = (id: string) => id.replace(/^r:/, '');

describe('the canvas table', () => {
  it('asks the API only for what the canvas data lacks, by entity id', () => {
    expect(missingSources(graph, entityOf)).toEqual({ nodes: ['us'], edges: ['TRAINED:us:r:kenya:'] });
  });

  it('splits edges into relationships and flows, names the ends and keeps every source', () => {
    const t = canvasTable(graph, { node: (id) => (id === 'us' ? [cite('s1')] : undefined), edge: (id) => (id.startsWith('TRAINED') ? [cite('s2', [7, 8])] : undefined) });
    expect(t.entities.map((e) => [e.id, e.sources[0]?.section])).toEqual([['r:kenya', 's3'], ['us', 's1']]);
    expect(t.relationships).toMatchObject([{ id: 'TRAINED:us:r:kenya:', from: 'United States', type: 'TRAINED', to: 'Kenya' }]);
    expect(t.flows).toMatchObject([{ id: 'FUNDED:f1', from: 'United States', to: 'Kenya', amountUsd: 5e6, start: 2016, end: 2017 }]);
    const csv = (name: 'entities' | 'relationships' | 'flows') => tableCsv(t, name).split('\r\n');
    expect(csv('entities')).toEqual(['id,name,kind,sources', 'r:kenya,Kenya,State,roundtable s3 p1 fn51', 'us,United States,State,roundtable s1 p1', '']);
    expect(csv('relationships')[1]).toBe('TRAINED:us:r:kenya:,United States,TRAINED,Kenya,,,,"roundtable s2 p1 fn7,8"');
    expect(csv('flows')[1]).toBe('FUNDED:f1,United States,Kenya,5000000,2016,2017,,roundtable s4 p1');
  });
});
