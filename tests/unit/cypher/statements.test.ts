/**
 * Plan -> Cypher, snapshotted for every read root field and nested selection (no database): a
 * change to a statement shows up here as a diff to review. Every value is a parameter.
 */
import { describe, expect, it } from 'vitest';
import { READ_ROOTS, translate } from './translate.ts';
import { buildSchema } from '../../../server/graphql/schema.ts';

const SOURCES = 'sources { section sectionHeading paragraphs footnotes works { id title } }';

const CASES: Record<string, [name: string, document: string, variables?: Record<string, unknown>][]> = {
  node: [
    ['flat', '{ node(id: "danab") { id name kind } }'],
    ['with provenance (headings and works)', `{ node(id: "danab") { id ... on Actor { actorKind } ${SOURCES} } }`],
    ['country name and cited documents', '{ node(id: "danab") { id ... on Actor { country countryName } sources { sourceTitle sourceUrl works { url } } } }'],
  ],
  actor: [
    ['flat', '{ actor(id: "amisom") { id name country } }'],
    ['nested relationships, funding in and out with arguments and aliases', `{ actor(id: "amisom") {
      early: relationships(types: [CONTRIBUTES_TROOPS_TO], yearTo: 2011) { type outgoing other { id } sources { section } }
      all: relationships { id }
      fundingIn(first: 3) { id donor { id fundingOut(first: 2, yearFrom: 2016) { id recipient { id } } } authority { id } }
      fundingOut(yearFrom: 2010, yearTo: 2012) { id }
    } }`],
    ['variables', 'query($n: Int, $y: Int) { actor(id: "kenya") { relationships(first: $n, yearFrom: $y) { id } } }', { n: 7, y: 2001 }],
  ],
  authority: [['flat', '{ authority(id: "usc10_333") { id citation title enacted } }']],
  actors: [
    ['no filter', '{ actors { totalCount nodes { id } } }'],
    ['every filter, a cursor and nested lists', `{ actors(first: 2, after: "eyJuYW1lIjoiRGFuYWIiLCJpZCI6ImRhbmFiIn0", filter: { country: "somalia", kinds: [MilitaryUnit], text: " Dan " }) {
      nodes { id relationships(first: 1) { type } fundingIn(first: 2) { id } } } }`],
  ],
  authorities: [
    ['no filter', '{ authorities { nodes { id } } }'],
    ['title, kinds and text', '{ authorities(filter: { title: 22, kinds: [ACCOUNT], text: "fmf" }, first: 10) { nodes { id } } }'],
  ],
  search: [
    ['text', '{ search(text: "danab") { id } }'],
    ['kinds', '{ search(text: "sect 12", first: 3, kinds: [Authority]) { id } }'],
  ],
  changes: [
    ['newest', '{ changes { id } }'],
    ['of one target', '{ changes(targetId: "danab", first: 5) { id } }'],
  ],
  neighborhood: [
    ['depth 1, no filter', '{ neighborhood(id: "danab") { nodes { id } edges { id } } }'],
    ['depth 3, types, years, provenance', `{ neighborhood(id: "danab", depth: 3, types: [TRAINED, FUNDED], yearFrom: 2010, yearTo: 2015, limit: 50) { nodes { id ${SOURCES} } } }`],
    ['money only', '{ neighborhood(id: "danab", depth: 2, types: [FUNDED]) { nodes { id } } }'],
    ['no money', '{ neighborhood(id: "danab", types: [TRAINED]) { nodes { id } } }'],
    ['kinds and a minimum amount', '{ neighborhood(id: "united_states", kinds: [State, MilitaryUnit], minAmountUsd: 100000000) { nodes { id } } }'],
  ],
  graph: [
    ['default', '{ graph { nodes { id } } }'],
    ['every filter', '{ graph(filter: { kinds: [State, Authority], types: [FUNDED], yearFrom: 2008, minAmountUsd: 1000000, limit: 40 }) { nodes { id } } }'],
  ],
  graphComparison: [
    ['two years', '{ graphComparison(a: { from: 2011 }, b: { from: 2016 }) { edges { id status } } }'],
    ['windows, types, kinds, a minimum amount', '{ graphComparison(a: { from: 2006, to: 2010 }, b: { from: 2011, to: 2018 }, types: [TRAINED, FUNDED], kinds: [State], minAmountUsd: 1000000, limit: 40) { nodes { id } } }'],
    ['money only', '{ graphComparison(a: { from: 2011 }, b: { from: 2016 }, types: [FUNDED]) { nodes { id } } }'],
  ],
  paths: [
    ['default', '{ paths(from: "united_states", to: "danab") { complete paths { length } } }'],
    ['filtered, more paths, excluded nodes', '{ paths(from: "united_states", to: "danab", maxHops: 3, types: [TRAINED], yearTo: 2017, limit: 10, excludeIds: ["somalia"]) { paths { length } } }'],
  ],
  edges: [
    ['by ids', '{ edges(ids: ["FUNDED:ctpf_kenya", "TRAINED:united_states:danab:2013"]) { id sources { section } } }'],
  ],
  nodes: [
    ['by ids, with sources', `{ nodes(ids: ["danab", "usc10_333", "no_such_id"]) { id name kind ${SOURCES} } }`],
  ],
  fundingFlow: [
    ['with donor and sources', `{ fundingFlow(id: "ctpf_kenya") { id donor { id } ${SOURCES} } }`],
  ],
  fundingGraph: [
    ['no filter', '{ fundingGraph { amountUsd nodes { id } edges { id } } }'],
    ['a window, flows with their donors', '{ fundingGraph(filter: { yearFrom: 2011, yearTo: 2011 }, flowsPerEdge: 5) { edges { flows { reason countedUsd flow { id donor { id } } } } } }'],
  ],
  lineage: [
    ['both directions', '{ lineage(id: "section_1206") { root { id } entries { generation authority { id } establishedBy { id } administeredBy { id } implementedBy { id } } subgraph { nodes { id } } } }'],
    ['ancestors in a window', '{ lineage(id: "usc10_333", direction: ANCESTORS, maxDepth: 3, yearFrom: 2010, yearTo: 2016) { entries { generation } } }'],
    ['descendants with nested funding', '{ lineage(id: "section_1206", direction: DESCENDANTS) { entries { administeredBy { fundingOut(first: 1) { id } } } } }'],
  ],
  fundingFlows: [
    ['default', '{ fundingFlows { nodes { id } } }'],
    ['filter, cursor, donor and recipient', `{ fundingFlows(first: 5, after: "eyJhbW91bnRVc2QiOjEwMDAsImlkIjoiZl8xIn0", filter: { donors: ["united_states"], recipientCountry: "somalia", yearFrom: 2010, yearTo: 2016, minAmountUsd: 5 }) {
      nodes { id donor { id } recipient { name } ${SOURCES} } } }`],
    ['authority with its lineage descendants', '{ fundingFlows(filter: { authority: "section_1206", includeDescendants: true }) { nodes { id authority { id } } } }'],
  ],
  fundingTotals: [
    ['by donor, nothing excluded asked', '{ fundingTotals(groupBy: DONOR) { amountUsd groups { key label } } }'],
    ['by year in a window, exclusions', '{ fundingTotals(groupBy: YEAR, filter: { yearFrom: 2016, yearTo: 2016 }) { groups { key } exclusions { reason flow { id donor { id } } } } }'],
    ['by authority, excluded flows', '{ fundingTotals(groupBy: AUTHORITY, filter: { recipient: "somalia" }) { excluded { id recipient { id } } } }'],
    ['stated figures only', '{ fundingTotals(groupBy: DONOR, filter: { evidence: [STATED] }) { amountUsd } }'],
  ],
  dependencies: [
    ['shares', '{ dependencies(actorId: "uganda") { totalReceivedUsd donors { share } } }'],
    ['with units, donors and edges', `{ dependencies(actorId: "somalia", includeUnits: true, yearFrom: 2010) {
      actor { id } donors { donor { id name } share } dependsOn { to { id } sources { section } } dependents { from { id } } } }`],
  ],
  dependencyNetwork: [
    ['default', '{ dependencyNetwork { nodes { id } edges { share } } }'],
    ['window and limit', '{ dependencyNetwork(yearFrom: 2015, yearTo: 2018, limit: 20) { nodes { id } } }'],
  ],
  events: [
    ['all, in date order', '{ events { totalCount nodes { id year month day evidence } } }'],
    ['a window and a cursor', '{ events(yearFrom: 2006, yearTo: 2009, first: 5, after: "eyJhdCI6MjAwNjA3MDAsImlkIjoiYSJ9") { nodes { id } pageInfo { endCursor } } }'],
  ],
  citedBy: [
    ['a footnote', '{ citedBy(footnote: 88) { entityCount edges { id timing evidence } edgeCount flowCount } }'],
    ['section, paragraph and footnote, nested lists', `{ citedBy(source: "tnsr_roundtable_2018", section: "s3_support_to_amisom", paragraph: 3, footnote: 55, first: 10) {
      entities { id ... on Actor { relationships(first: 2) { id } } } flows { id evidence donor { id } } edges { id ${SOURCES} } } }`],
    ['the ends of the listed edges', '{ citedBy(section: "s3_support_to_sna", first: 5) { edges { id } edgeEnds { id name kind } } }'],
  ],
  dataSummary: [
    ['default', '{ dataSummary { sourceCount actorsByKind { kind count } years { from to } countingRules { reason text } } }'],
    ['fewer sources', '{ dataSummary(sourcesFirst: 5) { sources { id title url } } }'],
  ],
};

describe('Cypher of every read root field', () => {
  it('covers every root field of Query that runs Cypher', () => {
    const query = Object.keys(buildSchema().getQueryType()!.getFields());
    const noCypher = ['relationshipTypes', 'curationEnabled'];
    expect([...READ_ROOTS].sort()).toEqual(query.filter((f) => !noCypher.includes(f)).sort());
    expect(Object.keys(CASES).sort()).toEqual([...READ_ROOTS].sort());
  });

  for (const [root, cases] of Object.entries(CASES)) {
    describe(root, () => {
      it.each(cases)('%s', (_name, document, variables) => {
        const statements = translate(document, variables);
        for (const s of statements) {
          // Values never appear in the text: every one is a parameter.
          for (const value of Object.values(s.params)) if (typeof value === 'string' && value.length > 2) expect(s.cypher).not.toContain(value);
        }
        expect(statements).toMatchSnapshot();
      });
    });
  }
});
