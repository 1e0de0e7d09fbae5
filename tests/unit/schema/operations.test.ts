/**
 * What the page sends is valid against the schema: each wrapper of web/src/api/queries.ts is called
 * with fetch stubbed, and its document (with the fragments attached at run time) and variables are
 * checked by graphql-js as the server would check them.
 */
import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as queries from '../../../web/src/api/queries.ts';
import { buildSchema } from '../../../server/graphql/schema.ts';

const sent: { query: string; variables: Record<string, unknown> }[] = [];

beforeAll(() => {
  vi.stubGlobal('document', { baseURI: 'http://localhost/' });
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    sent.push(JSON.parse(init.body) as (typeof sent)[number]);
    // An answer every wrapper can read: each root field empty.
    const data = { graph: {}, neighborhood: { edges: [] }, search: [], relationshipTypes: [], lineage: null, authorities: { nodes: [] }, dependencies: null, paths: [], node: null, around: {}, fundingFlows: { nodes: [] } };
    return new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterAll(() => vi.unstubAllGlobals());

describe('the page operations', () => {
  it('each wrapper sends one valid document with valid variables', async () => {
    await queries.fetchOverview({ types: ['TRAINED', 'FUNDED'], kinds: ['State'] }, true);
    await queries.fetchNeighborhood({ id: 'danab', types: ['FUNDED'] });
    await queries.fetchSearch('danab', ['MilitaryUnit'], 10);
    await queries.fetchRelationshipTypes();
    await queries.fetchLineage('section_1206', 'BOTH');
    await queries.fetchAuthorities();
    await queries.fetchFunding({ donor: 'united_states', yearFrom: 2010 });
    await queries.fetchDependencies('somalia', 2010, 2020);
    await queries.fetchPaths({ from: 'united_states', to: 'danab', types: ['TRAINED'] });
    await queries.fetchDetails('danab');
    await queries.fetchFlowsUnder('section_1206');
    await queries.fetchEdges(['e1']);
    await queries.fetchFlow('f1');
    await queries.fetchCitedBy({ source: 'tnsr_roundtable_2018', section: 's3_support_to_sna', paragraph: 2 });

    const schema = buildSchema();
    const names = new Set<string>();
    for (const { query, variables } of sent) {
      const document = parse(query);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const name = operation.name?.value ?? '(anonymous)';
      names.add(name);
      expect(validate(schema, document), name).toEqual([]);
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      expect(coerced.errors ?? [], name).toEqual([]);
    }
    expect(names.size).toBe(sent.length);
  });

  it('a document carries each fragment it needs once, also through other fragments', () => {
    const text = queries.withFragments('query Q { paths(from: "a", to: "b") { steps { edge { ...EdgeFields } } nodes { ...NodeFields } } }');
    expect(text.match(/fragment \w+/g)?.sort()).toEqual(['fragment CitationFields', 'fragment EdgeFields', 'fragment EdgeLiteFields', 'fragment NodeFields']);
    expect(() => queries.withFragments('{ node(id: "x") { ...Missing } }')).toThrow(/unknown fragment Missing/);
    expect(queries.withFragments('{ node(id: "x") { ... on Actor { id } } }')).not.toMatch(/fragment/);
  });
});
