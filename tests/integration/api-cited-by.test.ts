/**
 * Questions by source against the seeded graph: citedBy returns every entity, relationship and
 * flow citing a footnote or a place, in one round trip. The expectations come from the raw
 * stored properties (the citations JSON decoded here, the footnote arrays) and from literal ids
 * of seed/data, never from the API's own matching.
 */
import { describe, expect, it } from 'vitest';
import { oneRoundTrip, useApi } from './api-harness.ts';

const api = useApi();

const one = oneRoundTrip(api);

interface Stored {
  source: string;
  section: string | null;
  paragraphs?: number[];
  footnotes?: number[];
}
type Want = { source?: string; section?: string; paragraph?: number; footnote?: number };

/** Whether one stored citation holds every part asked, decoded from the raw JSON. */
function cites(json: unknown, want: Want): boolean {
  if (typeof json !== 'string') return false;
  return (JSON.parse(json) as Stored[]).some(
    (c) =>
      (want.source === undefined || c.source === want.source) &&
      (want.section === undefined || c.section === want.section) &&
      (want.paragraph === undefined || (c.paragraphs ?? []).includes(want.paragraph)) &&
      (want.footnote === undefined || (c.footnotes ?? []).includes(want.footnote)),
  );
}

/** The ids of entities, relationship keys and flow ids citing `want`, read from raw properties. */
async function expected(want: Want) {
  const entities = await api.db.read<{ id: string; c: string }>(
    'MATCH (n:Entity) WHERE n:Actor OR n:Authority OR n:Event RETURN n.id AS id, n.citations AS c',
  );
  const edges = await api.db.read<{ id: string; c: string }>(
    'MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL RETURN r.key AS id, r.citations AS c',
  );
  const flows = await api.db.read<{ id: string; c: string }>('MATCH (f:Funding) RETURN f.id AS id, f.citations AS c');
  const pick = (rows: { id: string; c: string }[]) => rows.filter((r) => cites(r.c, want)).map((r) => r.id).sort();
  return { entities: pick(entities), edges: pick(edges), flows: pick(flows) };
}

const QUERY = `query($source: ID, $section: ID, $paragraph: Int, $footnote: Int, $first: Int) {
  citedBy(source: $source, section: $section, paragraph: $paragraph, footnote: $footnote, first: $first) {
    entityCount edgeCount flowCount
    entities { id kind evidence }
    edges { id type source target start timing evidence sources { section paragraphs footnotes } }
    flows { id evidence amountUsd }
  } }`;

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe('citedBy', () => {
  it('footnote 88: the authorities Congress enacted, and everything else citing it', async () => {
    const { citedBy } = await one(QUERY, { footnote: 88 });
    const enacted = citedBy.edges.filter((e: any) => e.type === 'ENACTED_BY' && e.target === 'us_congress').map((e: any) => e.source).sort();
    // seed/data/relationships.csv: these four ENACTED_BY rows cite footnote 88 (ctpf and usc10_333 cite other places).
    expect(enacted).toEqual(expect.arrayContaining(['gscf', 'section_1206', 'section_1207n', 'usc10_2282']));
    const raw = await api.db.read<{ id: string }>(
      "MATCH (a:Entity)-[r:ENACTED_BY]->(:Entity {id: 'us_congress'}) WHERE 88 IN r.footnotes RETURN a.id AS id",
    );
    expect(enacted).toEqual(raw.map((r) => r.id).sort());
    const enactedEdges = citedBy.edges.filter((e: any) => e.type === 'ENACTED_BY');
    expect(enactedEdges.find((e: any) => e.source === 'gscf')).toMatchObject({ start: 2011, evidence: 'INFERRED', timing: 'PERIOD' });
    expect(enactedEdges.find((e: any) => e.source === 'section_1206')).toMatchObject({ start: 2006, evidence: 'STATED' });
    for (const e of citedBy.edges) expect(e.sources.some((s: any) => s.footnotes.includes(88))).toBe(true);

    const want = await expected({ footnote: 88 });
    expect(ids(citedBy.entities)).toEqual(want.entities);
    expect(ids(citedBy.edges)).toEqual(want.edges);
    expect(ids(citedBy.flows)).toEqual(want.flows);
    expect([citedBy.entityCount, citedBy.edgeCount, citedBy.flowCount]).toEqual([want.entities.length, want.edges.length, want.flows.length]);
  });

  it('footnote 55 in its paragraph: the 1206 -> 2282 -> 333 lineage, one citation holding all parts', async () => {
    const place = { section: 's3_support_to_amisom', paragraph: 3, footnote: 55 };
    const { citedBy } = await one(QUERY, place);
    const lineage = citedBy.edges.filter((e: any) => e.type === 'EVOLVED_INTO').map((e: any) => `${e.source}>${e.target}:${e.start}:${e.timing}`);
    expect(lineage.sort()).toEqual(['section_1206>usc10_2282:2014:POINT', 'usc10_2282>usc10_333:2016:POINT']);
    const want = await expected(place);
    expect(ids(citedBy.edges)).toEqual(want.edges);
    expect(ids(citedBy.entities)).toEqual(want.entities);
    expect(ids(citedBy.flows)).toEqual(want.flows);

    // Footnote 55 alone also reaches the law that established Section 1206 (cited from the notes).
    const all55 = (await one(QUERY, { footnote: 55 })).citedBy;
    expect(all55.edges.some((e: any) => e.type === 'ESTABLISHED_BY' && e.source === 'section_1206' && e.target === 'ndaa_fy2006')).toBe(true);
    expect(ids(all55.edges)).toEqual((await expected({ footnote: 55 })).edges);
  });

  it('a whole section of a source, capped by first with full counts', async () => {
    const place = { source: 'tnsr_roundtable_2018', section: 's3_support_to_amisom' };
    const want = await expected(place);
    expect(want.edges.length).toBeGreaterThan(2);
    const { citedBy } = await one(QUERY, { ...place, first: 2 });
    expect(citedBy.edges).toHaveLength(2);
    expect(citedBy.edgeCount).toBe(want.edges.length);
    expect(citedBy.entityCount).toBe(want.entities.length);
    expect(citedBy.flowCount).toBe(want.flows.length);
    for (const e of citedBy.edges) expect(want.edges).toContain(e.id);
  });

  it('refuses a question naming no place, and a paragraph without its section', async () => {
    for (const vars of [{}, { paragraph: 3 }, { source: 'tnsr_roundtable_2018', paragraph: 3 }]) {
      const answer = await api.gql(QUERY, vars);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.dbCalls).toBe(0);
    }
  });
});
