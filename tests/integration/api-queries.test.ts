/**
 * Every read root field against the seeded graph, answered with the article's figures, each in
 * exactly one Cypher round trip (counted through the database wrapper), nested fields included;
 * paths alone take one per breadth-first layer of its search.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, oneRoundTrip, pathRoundTrips, useApi } from './api-harness.ts';

const FIVE = ['uganda', 'kenya', 'ethiopia', 'djibouti', 'burundi'];

const api = useApi({ warm: true });

const one = oneRoundTrip(api);
/** Paths take one round trip per breadth-first read of its search (paths.ts). */
const pathsWithin3 = pathRoundTrips(api, 3);

describe('lineage', () => {
  it('traces Section 1206 to 10 U.S.C. 2282 and 333, with years, laws and bodies', async () => {
    const { lineage } = await one(`{ lineage(id: "section_1206") {
      root { id name }
      entries { generation year via authority { id } establishedBy { id } administeredBy { id } implementedBy { id } }
      subgraph { nodes { id kind } edges { type source target start sources { section footnotes } } } } }`);
    const byId = Object.fromEntries(lineage.entries.map((e: any) => [e.authority.id, e]));
    expect(lineage.root.id).toBe('section_1206');
    expect(byId.section_1206.generation).toBe(0);
    expect(byId.section_1206.establishedBy.map((a: any) => a.id)).toEqual(['ndaa_fy2006']);
    expect(byId.section_1206.administeredBy.map((a: any) => a.id)).toContain('us_dod');
    expect(byId.usc10_2282).toMatchObject({ generation: 1, via: 'EVOLVED_INTO' });
    expect(byId.usc10_333.generation).toBe(2);
    expect(byId.ndaa_fy2006.generation).toBe(-1);
    expect(byId.global_train_and_equip.generation).toBe(1);
    // Entries come ancestors first, then by generation.
    const gens = lineage.entries.map((e: any) => e.generation);
    expect(gens).toEqual([...gens].sort((a: number, b: number) => a - b));
    const evolved = lineage.subgraph.edges.filter((e: any) => e.type === 'EVOLVED_INTO').map((e: any) => `${e.source}>${e.target}`);
    expect(evolved).toEqual(expect.arrayContaining(['section_1206>usc10_2282', 'usc10_2282>usc10_333']));
    expect(lineage.subgraph.edges.every((e: any) => e.sources.length > 0)).toBe(true);
  });

  it('as of 2010 Section 1206 has not evolved yet', async () => {
    const { lineage } = await one(`{ lineage(id: "section_1206", direction: DESCENDANTS, yearTo: 2010) { entries { authority { id } } } }`);
    const ids = lineage.entries.map((e: any) => e.authority.id);
    expect(ids).not.toContain('usc10_2282');
    expect(ids).toContain('section_1206');
  });
});

describe('funding', () => {
  it('Global Train and Equip to the five AMISOM contributors: $679M, Kenya first', async () => {
    const { fundingTotals } = await one(`query($r: [ID!]) { fundingTotals(groupBy: RECIPIENT, filter: { authority: "global_train_and_equip", recipients: $r }) {
      amountUsd lowerBound groups { key label amountUsd flowCount } } }`, { r: FIVE });
    expect(fundingTotals.amountUsd).toBe(679_000_000);
    expect(fundingTotals.groups.map((g: any) => [g.key, g.amountUsd / 1e6])).toEqual([
      ['kenya', 341], ['uganda', 236], ['ethiopia', 43], ['burundi', 35], ['djibouti', 24],
    ]);
  });

  it('the same flows are found under Section 1206 with its lineage descendants, and not without', async () => {
    const q = `query($r: [ID!], $d: Boolean) { fundingTotals(groupBy: RECIPIENT, filter: { authority: "section_1206", includeDescendants: $d, recipients: $r }) { amountUsd } }`;
    expect((await one(q, { r: FIVE, d: true })).fundingTotals.amountUsd).toBe(679_000_000);
    expect((await one(q, { r: FIVE, d: false })).fundingTotals.amountUsd).toBe(0);
  });

  it("Somalia's 2016 funding: $117M at least, the $67M counted once with its parts", async () => {
    const { fundingTotals } = await one(`{ fundingTotals(groupBy: RECIPIENT, filter: { recipientCountry: "somalia", yearFrom: 2016, yearTo: 2016 }) {
      amountUsd lowerBound approximate excludedCount exclusions { reason countedUsd flow { id amountUsd donor { id } } } } }`);
    expect(fundingTotals.amountUsd).toBe(117_000_000);
    // The stipends cover 2013-2017 and cannot be split: the figure is a lower bound.
    expect(fundingTotals.lowerBound).toBe(true);
    expect(fundingTotals.approximate).toBe(true);
    const reasons = Object.fromEntries(fundingTotals.exclusions.map((x: any) => [x.flow.id, x.reason]));
    expect(reasons.somalia_capacity_building_fy2016).toBe('PARTS_COUNTED');
    expect(reasons.sna_stipends).toBe('OUTSIDE_WINDOW');
  });

  it('never sums an average: AMISOM PKO totals exclude the $180M yearly average', async () => {
    const { fundingTotals } = await one(`{ fundingTotals(groupBy: YEAR, filter: { recipient: "amisom", authority: "pko_account" }) {
      amountUsd groups { key amountUsd } exclusions { reason flow { id } } } }`);
    const reasons = Object.fromEntries(fundingTotals.exclusions.map((x: any) => [x.flow.id, x.reason]));
    expect(reasons.pko_amisom_average).toBe('AVERAGE');
    // $1.8B in all: the 2011 and 2016-2017 parts plus what the $1.8B leaves unexplained.
    expect(fundingTotals.amountUsd).toBe(1_800_000_000);
    const years = Object.fromEntries(fundingTotals.groups.map((g: any) => [g.key, g.amountUsd / 1e6]));
    expect(years['2011']).toBe(75);
    expect(years['2016']).toBe(250);
    expect(years['2017']).toBe(250);
  });

  it('lists flows largest first with cursor pagination', async () => {
    const q = `query($after: String) { fundingFlows(filter: { recipient: "kenya" }, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id amountUsd fyStart fyEnd donor { id } authority { id } sources { section paragraphs footnotes works { id } } } } }`;
    const page1 = (await one(q)).fundingFlows;
    expect(page1.totalCount).toBe(2);
    expect(page1.nodes[0]).toMatchObject({ id: 'gte_kenya_2009_2018', amountUsd: 341_000_000, donor: { id: 'united_states' }, authority: { id: 'global_train_and_equip' } });
    expect(page1.nodes[0].sources[0].footnotes).toContain(57);
    const page2 = (await one(q, { after: page1.pageInfo.endCursor })).fundingFlows;
    expect(page2.nodes.map((n: any) => [n.id, n.amountUsd])).toEqual([['ctpf_kenya', 31_000_000]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });
});

describe('dependencies', () => {
  it("Uganda's and Kenya's donors: the United States, $245M and $372M", async () => {
    const q = `query($id: ID!) { dependencies(actorId: $id) { actor { id } totalReceivedUsd concentration donors { donor { id name } amountUsd share lowerBound } } }`;
    const uganda = (await one(q, { id: 'uganda' })).dependencies;
    expect(uganda.donors.map((d: any) => [d.donor.id, d.amountUsd])).toEqual([['united_states', 245_000_000]]);
    expect(uganda.donors[0].share).toBe(1);
    expect(uganda.concentration).toBe(1);
    const kenya = (await one(q, { id: 'kenya' })).dependencies;
    expect(kenya.totalReceivedUsd).toBe(372_000_000);
    expect(kenya.donors[0].donor.id).toBe('united_states');
  });

  it('shows explicit DEPENDS_ON edges both ways, and the network', async () => {
    const { dependencies } = await one(`{ dependencies(actorId: "united_states") { dependsOn { id to { id } start sources { section } } dependents { from { id } } } }`);
    expect(dependencies.dependsOn.map((e: any) => e.to.id)).toEqual(expect.arrayContaining(['uganda', 'kenya']));
    const { dependencyNetwork } = await one(`{ dependencyNetwork { nodes { id } edges { type source target share amountUsd } } }`);
    const funded = dependencyNetwork.edges.find((e: any) => e.type === 'FUNDED' && e.source === 'united_states' && e.target === 'uganda');
    expect(funded).toMatchObject({ amountUsd: 245_000_000, share: 1 });
    expect(dependencyNetwork.edges.some((e: any) => e.type === 'DEPENDS_ON')).toBe(true);
  });
});

describe('subgraphs and paths', () => {
  it("AMISOM's contributors as of 2011 and 2014", async () => {
    const q = `query($y: Int) { neighborhood(id: "amisom", types: [CONTRIBUTES_TROOPS_TO], yearFrom: $y, yearTo: $y) { nodes { id } edges { source target start } truncated } }`;
    const in2011 = (await one(q, { y: 2011 })).neighborhood;
    expect(in2011.nodes.map((n: any) => n.id).sort()).toEqual(['amisom', 'burundi', 'djibouti', 'uganda']);
    const in2014 = (await one(q, { y: 2014 })).neighborhood;
    expect(in2014.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['amisom', ...FIVE]));
  });

  it('neighborhood depth 2 is cut at the limit and says how much was left out', async () => {
    const { neighborhood } = await one(`{ neighborhood(id: "danab", depth: 2, limit: 5) { truncated omittedNodes omittedEdges nodes { id labels kind } edges { id type source target } } }`);
    expect(neighborhood.nodes).toHaveLength(5);
    expect(neighborhood.nodes[0].id).toBe('danab');
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.omittedNodes).toBeGreaterThan(0);
    const ids = new Set(neighborhood.nodes.map((n: any) => n.id));
    expect(neighborhood.edges.every((e: any) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('paths from the United States to Danab, shortest first, complete', async () => {
    const { paths: result } = await pathsWithin3(`{ paths(from: "united_states", to: "danab", maxHops: 3, limit: 5) {
      complete search { maxHops exhaustiveTo stoppedBy } paths { length nodes { id } steps { forward edge { type source target amountUsd } } } } }`);
    const paths = result.paths;
    expect(result.complete).toBe(true);
    expect(paths).toHaveLength(5);
    // The five shortest fill the limit: the search stops at their length, having found every path that short.
    expect(result.search).toMatchObject({ maxHops: 3, exhaustiveTo: paths[4].length, stoppedBy: null });
    expect(paths[0]).toMatchObject({ length: 1, nodes: [{ id: 'united_states' }, { id: 'danab' }] });
    const lengths = paths.map((p: any) => p.length);
    expect(lengths).toEqual([...lengths].sort((a: number, b: number) => a - b));
    // Both direct routes: trained, and the FY2015 money for the company that became Danab.
    const direct = paths.filter((p: any) => p.length === 1).map((p: any) => p.steps[0].edge.type).sort();
    expect(direct).toEqual(expect.arrayContaining(['FUNDED', 'TRAINED']));
    expect(paths.some((p: any) => p.steps.some((s: any) => s.edge.type === 'FUNDED' && s.edge.amountUsd === 13_000_000))).toBe(true);
    for (const p of paths) {
      expect(new Set(p.nodes.map((n: any) => n.id)).size).toBe(p.nodes.length);
      // forward: the edge points the way of the walk.
      p.steps.forEach((s: any, i: number) => expect(s.forward ? s.edge.source : s.edge.target).toBe(p.nodes[i].id));
    }
  });

  it('paths: money only follows FUNDED steps; unknown ends are NOT_FOUND', async () => {
    const { paths } = await pathsWithin3(`{ paths(from: "united_states", to: "danab", maxHops: 3, types: [FUNDED]) { complete paths { steps { edge { type } } } } }`);
    expect(paths.paths.length).toBeGreaterThan(0);
    expect(paths.paths.every((p: any) => p.steps.every((s: any) => s.edge.type === 'FUNDED'))).toBe(true);
    const answer = await api.gql(`{ paths(from: "united_states", to: "no_such_node") { complete } }`);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('graph: the bounded overview', async () => {
    const { graph } = await one(`{ graph(filter: { limit: 40 }) { truncated omittedNodes nodes { id kind } edges { source target type } } }`);
    expect(graph.nodes).toHaveLength(40);
    expect(graph.nodes[0].id).toBe('united_states');
    expect(graph.truncated).toBe(true);
  });

  it('relationshipTypes: the allow-list and FUNDED, with no query', async () => {
    const answer = await api.gql(`{ relationshipTypes }`);
    expect(dataOf(answer).relationshipTypes).toEqual(expect.arrayContaining(['EVOLVED_INTO', 'CONTRIBUTES_TROOPS_TO', 'FUNDED']));
    expect(answer.dbCalls).toBe(0);
  });
});

describe('entities and search', () => {
  it('node, actor and authority with nested relationships, funding and sources in one round trip', async () => {
    const data = await one(`{
      node(id: "danab") { __typename id name kind ... on Actor { actorKind country } sources { section sectionHeading paragraphs footnotes works { id title footnotes } } }
    }`);
    expect(data.node).toMatchObject({ __typename: 'Actor', id: 'danab', kind: 'MilitaryUnit', country: 'somalia' });
    expect(data.node.sources.some((s: any) => s.sectionHeading === 'U.S. Support to the Somali National Army')).toBe(true);
    const { actor } = await one(`{ actor(id: "amisom") {
      name
      early: relationships(types: [CONTRIBUTES_TROOPS_TO], yearTo: 2011) { type outgoing other { id } start sources { section } }
      all: relationships(types: [CONTRIBUTES_TROOPS_TO]) { other { id } }
      fundingIn(first: 3) { id amountUsd donor { id fundingOut(first: 2, yearFrom: 2016) { id recipient { id name } } } authority { id } }
    } }`);
    expect(actor.early.map((e: any) => e.other.id).sort()).toEqual(['burundi', 'djibouti', 'uganda']);
    expect(actor.all.map((e: any) => e.other.id)).toEqual(expect.arrayContaining(FIVE));
    expect(actor.fundingIn).toHaveLength(3);
    expect(actor.fundingIn[0].donor.fundingOut.length).toBeGreaterThan(0);
    const { authority } = await one(`{ authority(id: "usc10_333") { id kind authorityKind citation title enacted } }`);
    expect(authority).toMatchObject({ kind: 'Authority', authorityKind: 'STATUTE', title: 10 });
  });

  it('actors and authorities: filters and cursor pagination', async () => {
    const q = `query($after: String) { actors(first: 2, after: $after, filter: { country: "somalia", kinds: [MilitaryUnit] }) { totalCount pageInfo { hasNextPage endCursor } nodes { id name country relationships(first: 1) { type } } } }`;
    const first = (await one(q)).actors;
    expect(first.nodes.map((n: any) => n.id)).toEqual(['danab', 'gaashaan']);
    const rest = (await one(q, { after: first.pageInfo.endCursor })).actors;
    expect(rest.nodes.map((n: any) => n.id)).not.toContain('danab');
    expect(rest.nodes.every((n: any) => n.country === 'somalia')).toBe(true);
    const { authorities } = await one(`{ authorities(filter: { title: 22 }, first: 50) { totalCount nodes { id title } } }`);
    expect(authorities.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['fmf', 'pko_account']));
    expect(authorities.nodes.every((n: any) => n.title === 22)).toBe(true);
  });

  it('search ranks by relevance over names, aliases and descriptions', async () => {
    const { search } = await one(`{ search(text: "danab") { id kind score matched } }`);
    expect(search[0]).toMatchObject({ id: 'danab', kind: 'MilitaryUnit', matched: 'name' });
    const { search: byAlias } = await one(`{ search(text: "AMISOM", first: 3) { id matched } }`);
    expect(byAlias[0].id).toBe('amisom');
    const { search: prefix } = await one(`{ search(text: "sect 12", kinds: [Authority]) { id kind } }`);
    expect(prefix.map((h: any) => h.id)).toContain('section_1206');
    expect(prefix.every((h: any) => h.kind === 'Authority')).toBe(true);
  });

  it('missing ids give null or NOT_FOUND, never an internal error', async () => {
    expect((await one(`{ actor(id: "no_such_actor") { id } }`)).actor).toBeNull();
    const answer = await api.gql(`{ neighborhood(id: "no_such_node") { nodes { id } } }`);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
