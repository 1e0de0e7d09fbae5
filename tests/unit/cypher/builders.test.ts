/** The Statement binder, the year-window and edge tests, citations, shares and the Lucene query builder. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { all, overlaps, Statement, windowRefs } from '../../../server/repositories/cypher.ts';
import { edgeRefs, flowOk, relOk } from '../../../server/repositories/edge-filter.ts';
import { citationsOf, decodeRows, sourcesOf, withProvenance } from '../../../server/repositories/citations.ts';
import { concentration, donorShares } from '../../../server/repositories/shares.ts';
import { matchedField, toLuceneQuery } from '../../../server/repositories/search.ts';

describe('Statement', () => {
  it('binds every value to a fresh parameter; whole numbers as Cypher integers', () => {
    const st = new Statement();
    expect(st.param('x')).toBe('$p0');
    expect(st.param(5)).toBe('$p1');
    expect(st.param(1.5)).toBe('$p2');
    expect(st.param([1, 2])).toBe('$p3');
    expect(st.param(undefined)).toBe('$p4');
    expect(st.params.p0).toBe('x');
    expect(neo4j.isInt(st.params.p1)).toBe(true);
    expect(st.params.p2).toBe(1.5);
    expect((st.params.p3 as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(st.params.p4).toBeNull();
  });

  it('hands out variable names that never collide with parameters', () => {
    const st = new Statement();
    st.param(1);
    expect(st.variable('r')).toBe('r1');
    expect(st.variable()).toBe('v2');
  });

  it('wraps a statement only when provenance extras are asked', () => {
    expect(new Statement().build('RETURN 1 AS x').cypher).toBe('RETURN 1 AS x');
    expect(new Statement().build('RETURN 1 AS x', { headings: false, works: false, documents: false }).cypher).toBe('RETURN 1 AS x');
    expect(withProvenance('RETURN 1 AS x', { headings: true, works: false, documents: false })).toMatchInlineSnapshot(`
      "CALL () {
      RETURN 1 AS x
      }
      RETURN *, { works: [], sections: COLLECT { MATCH (src_s:Source) WHERE src_s.kind = 'SECTION' RETURN src_s { .id, .heading } } } AS provenanceRecords"
    `);
    expect(withProvenance('RETURN 1 AS x', { headings: false, works: false, documents: true })).toContain(
      "documents: COLLECT { MATCH (src_d:Source) WHERE src_d.kind <> 'SECTION' RETURN src_d { .id, .title, .url } }",
    );
  });
});

describe('conditions', () => {
  it('joins what is set, and is true when nothing is', () => {
    expect(all([null, false, 'a', undefined, 'b'])).toBe('a AND b');
    expect(all([])).toBe('true');
  });

  it('a year window adds only its set bounds', () => {
    const st = new Statement();
    expect(overlaps('r', windowRefs(st, { yearFrom: null, yearTo: null }))).toBe('true');
    expect(overlaps('r', windowRefs(st, { yearFrom: 2000, yearTo: null }))).toBe('(r.end IS NULL OR r.end >= $p0)');
    expect(overlaps('r', windowRefs(st, { yearFrom: null, yearTo: 2010 }))).toBe('(r.start IS NULL OR r.start <= $p1)');
    expect(Object.keys(st.params)).toEqual(['p0', 'p1']);
  });

  it('edge tests: types only when given, flows never when FUNDED is left out', () => {
    const st = new Statement();
    const open = edgeRefs(st, { relTypes: null, funded: true, yearFrom: null, yearTo: null, minAmountUsd: null });
    expect([relOk('r', open), flowOk('f', open), open.filtered]).toEqual(['true', 'true', false]);
    const narrow = edgeRefs(st, { relTypes: ['TRAINED'], funded: false, yearFrom: null, yearTo: null, minAmountUsd: 5 });
    expect([relOk('r', narrow), flowOk('f', narrow), narrow.filtered]).toEqual(['type(r) IN $p0', 'false', true]);
  });
});

describe('citations', () => {
  const records = {
    sections: [{ id: 's1', heading: 'Somalia' }],
    works: [
      { id: 'w1', title: 'A', author: null, publisher: null, date: null, url: null, footnotes: [3, 4], partOf: null },
      { id: 'w2', title: 'B', author: null, publisher: null, date: null, url: null, footnotes: [9], partOf: 'other' },
    ],
  };

  it('decodes stored JSON with headings and the works of its footnotes', () => {
    const [c] = citationsOf(JSON.stringify([{ source: 'art', section: 's1', paragraphs: [2], footnotes: [4] }]), records);
    expect(c).toEqual({ source: 'art', sourceTitle: null, sourceUrl: null, section: 's1', sectionHeading: 'Somalia', paragraphs: [2], footnotes: [4], works: [{ id: 'w1', title: 'A', author: null, publisher: null, date: null, url: null, footnotes: [4] }] });
    expect(citationsOf('not json')).toEqual([]);
    expect(citationsOf(null)).toEqual([]);
  });

  it('turns every stored citations below a row into sources when the statement fetched provenance records', () => {
    const records = { works: [], sections: [{ id: 's1', heading: 'Somalia' }] };
    const rows = [{ node: { id: 'a', citations: '[{"source":"art","section":"s1"}]', other: [{ citations: null }] }, provenanceRecords: records }];
    decodeRows(rows);
    expect(rows).toEqual([{ node: { id: 'a', sources: [{ source: 'art', sourceTitle: null, sourceUrl: null, section: 's1', sectionHeading: 'Somalia', paragraphs: [], footnotes: [], works: [] }], other: [{ sources: [] }] } }]);
  });

  it('leaves citations stored when no records were fetched, for sourcesOf to decode on demand', () => {
    const node = { id: 'a', citations: '[{"source":"art","section":null}]' };
    const rows = [{ node }];
    decodeRows(rows);
    expect(rows).toEqual([{ node: { id: 'a', citations: '[{"source":"art","section":null}]' } }]);
    expect(sourcesOf(node)).toEqual([{ source: 'art', sourceTitle: null, sourceUrl: null, section: null, sectionHeading: null, paragraphs: [], footnotes: [], works: [] }]);
    expect(sourcesOf({ sources: [] })).toEqual([]);
    expect(sourcesOf({})).toEqual([]);
  });

  it('names a citation’s document by the title and link of the source it cites', () => {
    const stored = JSON.stringify([{ source: 'doc', section: null, footnotes: [1] }, { source: 'other', section: null }]);
    const records = { works: [], sections: [], documents: [{ id: 'doc', title: 'A Report', url: 'https://example.org/r' }] };
    expect(citationsOf(stored, records).map((c) => [c.sourceTitle, c.sourceUrl])).toEqual([
      ['A Report', 'https://example.org/r'],
      [null, null],
    ]);
  });
});

describe('donor shares', () => {
  it('shares of the total, largest first, and their Herfindahl-Hirschman index', () => {
    const shares = donorShares([{ donor: 'b', amountUsd: 25, lowerBound: false }, { donor: 'a', amountUsd: 75, lowerBound: true }], 100);
    expect(shares.map((s) => [s.donor, s.share])).toEqual([['a', 0.75], ['b', 0.25]]);
    expect(concentration(shares, 100)).toBeCloseTo(0.625);
    expect(concentration([], 0)).toBeNull();
  });
});

describe('toLuceneQuery', () => {
  it('requires every word, weighs names and aliases, and adds the phrase', () => {
    expect(toLuceneQuery('Danab')).toBe('+(name:danab^4 aliasText:danab^4 description:danab name:danab*^2 aliasText:danab*^2 description:danab*^0.5 name:danab~1 aliasText:danab~1) name:"danab"^8 aliasText:"danab"^8');
    expect(toLuceneQuery('sect 12')).toBe('+(name:sect^4 aliasText:sect^4 description:sect name:sect*^2 aliasText:sect*^2 description:sect*^0.5) +(name:12^4 aliasText:12^4 description:12 name:12*^2 aliasText:12*^2 description:12*^0.5) name:"sect 12"^8 aliasText:"sect 12"^8');
  });

  it('strips Lucene syntax, keeps at most 12 words, and is null without a letter or digit', () => {
    expect(toLuceneQuery('a:b OR (c)')).toBe(toLuceneQuery('a b or c'));
    expect(toLuceneQuery('  ***  ')).toBeNull();
    expect(toLuceneQuery('" OR 1=1 //')).toContain('+(name:or^4');
    expect(toLuceneQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.match(/\+\(/g)).toHaveLength(12);
  });

  it('names the field that matched', () => {
    expect(matchedField({ name: 'Danab', aliases: null, description: null }, 'danab')).toBe('name');
    expect(matchedField({ name: 'X', aliases: ['AMISOM'], description: null }, 'amisom')).toBe('alias');
    expect(matchedField({ name: 'X', aliases: null, description: 'a unit' }, 'unit')).toBe('description');
    expect(matchedField({ name: 'X', aliases: null, description: null }, 'y')).toBeNull();
  });
});
