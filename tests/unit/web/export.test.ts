import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../../web/src/export/model.ts';
import { csvField, edgesCsv, nodesCsv } from '../../../web/src/export/csv.ts';
import { sourcesText, toGraphML, xmlEscape } from '../../../web/src/export/graphml.ts';
import { toCytoscapeJson } from '../../../web/src/export/cytoscape-json.ts';
import { edgeData, nodeData } from '../../../web/src/graph/to-elements.ts';
import { edge, node } from './fixtures.ts';

const citation = { source: 'roundtable', sourceTitle: null, sourceUrl: null, section: 'somalia', sectionHeading: null, paragraphs: [3, 4], footnotes: [12], works: [] };

const graph: ExportGraph = {
  name: 'aidgraph explore',
  nodes: [
    { data: nodeData(node('danab', { name: 'Danab "Lightning"', kind: 'MilitaryUnit', description: 'Line one,\nline two' })), position: { x: 1.25, y: -3 } },
    { data: nodeData(node('us', { name: '=HYPERLINK()' })), position: { x: 0, y: 0 } },
  ],
  edges: [{ data: edgeData(edge('f1', 'us', 'danab', { type: 'FUNDED', amountUsd: 1e8, start: 2017, sources: [citation] })) }],
};

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('writes Gephi-style node and edge tables with CRLF rows', () => {
    const nodes = nodesCsv(graph).split('\r\n');
    expect(nodes[0]).toBe('Id,Label,kind,citation,year,amountUsd,description');
    expect(nodes[1]).toBe('danab,"Danab ""Lightning""",MilitaryUnit,,,,"Line one,\nline two"');
    expect(nodes[2]).toBe("us,'=HYPERLINK(),State,,,,");
    const edges = edgesCsv(graph).split('\r\n');
    expect(edges[0]).toBe('Id,Source,Target,Type,Label,relationship,start,end,amountUsd,authority,note,sources');
    expect(edges[1]).toBe('f1,us,danab,Directed,$100M · 2017–,FUNDED,2017,,100000000,,,"roundtable somalia p3,4 fn12"');
    expect(edges.at(-1)).toBe('');
  });
});

describe('GraphML', () => {
  it('escapes XML and drops characters XML forbids', () => {
    expect(xmlEscape(`<a href="x">&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('flattens citations', () => {
    expect(sourcesText([citation, { source: 'other', section: null, paragraphs: [], footnotes: [] }])).toBe('roundtable somalia p3,4 fn12; other');
    expect(sourcesText(null)).toBe('');
  });

  it('writes a directed graph with keys, yEd graphics and typed data', () => {
    const xml = toGraphML(graph);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')).toBe(true);
    expect(xml).toContain('<graph id="aidgraph explore" edgedefault="directed">');
    expect(xml).toContain('<key id="e_amount" for="edge" attr.name="amountUsd" attr.type="double"/>');
    expect(xml).toContain('<node id="danab"><data key="n_label">Danab &quot;Lightning&quot;</data><data key="n_kind">MilitaryUnit</data>');
    expect(xml).toContain('<y:Geometry x="1.3" y="-3.0" width="30" height="30"/>');
    expect(xml).toContain('<edge id="f1" source="us" target="danab"><data key="e_type">FUNDED</data>');
    expect(xml).toContain('<data key="e_weight">8</data>');
    // Empty values are left out rather than written empty.
    expect(xml).not.toContain('<data key="n_year"></data>');
    expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
  });
});

describe('Cytoscape JSON', () => {
  it('keeps positions and flattens data for Cytoscape desktop', () => {
    const doc = toCytoscapeJson(graph);
    expect(doc.data.name).toBe('aidgraph explore');
    expect(doc.elements.nodes[0].position).toEqual({ x: 1.25, y: -3 });
    expect(doc.elements.nodes[0].data).not.toHaveProperty('citation');
    expect(doc.elements.edges[0].data.sources).toBe('roundtable somalia p3,4 fn12');
  });
});
