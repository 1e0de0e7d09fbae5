/**
 * The names the API gives so that the page never turns an id into one: Actor.countryName,
 * Citation.sourceTitle and sourceUrl, SourceWork.url and CitedBy.edgeEnds, each in one round trip
 * on the seeded graph and equal to what the seed files say, read here with plain YAML/CSV parsers
 * (tests/helpers/seed-files.ts).
 */
import { describe, expect, it } from 'vitest';
import { oneRoundTrip, useApi } from './api-harness.ts';
import { seedRecords } from '../helpers/seed-files.ts';

type Raw = Record<string, unknown>;
const byId = (records: Raw[]) => new Map(records.map((r) => [String(r.id), r]));
const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

const actors = byId(seedRecords('actors'));
const sources = byId(seedRecords('sources'));
const entities = new Map([...actors, ...byId(seedRecords('authorities')), ...byId(seedRecords('events'))]);

const one = oneRoundTrip(useApi());

const CITATION = 'source sourceTitle sourceUrl section works { id url }';

interface Cite {
  source: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
  works: { id: string; url: string | null }[];
}

/** Each citation names its document by the seed's title and url, and each work by its url. */
function expectSeedNames(cites: Cite[]): void {
  for (const c of cites) {
    const doc = sources.get(c.source);
    expect(doc, `seed source ${c.source}`).toBeDefined();
    expect([c.sourceTitle, c.sourceUrl]).toEqual([text(doc!.title), text(doc!.url)]);
    for (const w of c.works) expect(w.url).toBe(text(sources.get(w.id)?.url));
  }
}

describe('names instead of ids', () => {
  it('every actor’s countryName is the seed name of its country, null without one', { timeout: 60_000 }, async () => {
    const data = await one(`{ actors(first: 500) { totalCount nodes { id country countryName } } }`);
    expect(data.actors.totalCount).toBe(actors.size);
    const withCountry = data.actors.nodes.filter((a: any) => a.country !== null);
    expect(withCountry.length).toBeGreaterThan(10);
    for (const a of data.actors.nodes) {
      expect(a.country).toBe(text(actors.get(a.id)!.country));
      expect(a.countryName, a.id).toBe(a.country === null ? null : text(actors.get(a.country)?.name));
    }
  });

  it('node(id) gives the country name beside its id (Danab: Somalia)', async () => {
    const data = await one(`{ node(id: "danab") { ... on Actor { country countryName } } }`);
    expect(data.node).toEqual({ country: 'somalia', countryName: text(actors.get('somalia')!.name) });
  });

  it('every citation of every actor names its document by the seed’s title and link', { timeout: 60_000 }, async () => {
    const data = await one(`{ actors(first: 500) { nodes { id sources { ${CITATION} } } } }`);
    const cites: Cite[] = data.actors.nodes.flatMap((a: any) => a.sources);
    expect(cites.length).toBeGreaterThan(actors.size);
    expect(cites.some((c) => c.works.length > 0)).toBe(true);
    expectSeedNames(cites);
  });

  it('citations below relationships and flows are named the same way', { timeout: 60_000 }, async () => {
    const data = await one(`{ neighborhood(id: "danab", depth: 1, limit: 300) { nodes { sources { ${CITATION} } } edges { sources { ${CITATION} } } } }`);
    const cites: Cite[] = [...data.neighborhood.nodes, ...data.neighborhood.edges].flatMap((x: any) => x.sources);
    expect(cites.length).toBeGreaterThan(0);
    expectSeedNames(cites);
    // The seed's one ARTICLE is the default source: its title is what most citations show.
    const article = [...sources.values()].find((s) => s.default === true);
    expect(cites.map((c) => c.sourceTitle)).toContain(text(article?.title));
  });
});

describe('citedBy.edgeEnds', () => {
  it('holds both ends of every listed edge, once each, with the seed’s names', { timeout: 60_000 }, async () => {
    for (const variables of [{ footnote: 88 }, { section: 's3_support_to_sna' }]) {
      const data = await one(
        `query($footnote: Int, $section: ID) { citedBy(footnote: $footnote, section: $section) { edgeCount edges { source target } edgeEnds { id name kind } } }`,
        variables,
      );
      const { edges, edgeEnds } = data.citedBy;
      expect(edges.length, JSON.stringify(variables)).toBeGreaterThan(0);
      const ends = [...new Set(edges.flatMap((e: any) => [e.source, e.target]))].sort();
      expect(edgeEnds.map((n: any) => n.id)).toEqual(ends);
      for (const n of edgeEnds) expect(n.name, n.id).toBe(text(entities.get(n.id)?.name));
    }
  });

  it('is empty when no edge cites the place', async () => {
    const data = await one(`{ citedBy(source: "no_such_source") { edgeCount edgeEnds { id } } }`);
    expect(data.citedBy).toEqual({ edgeCount: 0, edgeEnds: [] });
  });
});
