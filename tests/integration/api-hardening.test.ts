/**
 * Hostile and malformed requests are refused before any Cypher runs (0 round trips), with a
 * stable extensions.code; the explorer's real queries pass the same limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmUp } from '../../server/repositories/warm-up.ts';
import { createApi, dataOf, type Api } from './api-harness.ts';
import { ARMOR_LIMITS } from '../../server/graphql/armor.ts';
import { currentQueryCount, withQueryCounter } from '../../server/db/database.ts';

let api: Api;
let prod: Api;

beforeAll(async () => {
  api = createApi();
  prod = createApi({ NODE_ENV: 'production' });
  // As the server does at start (the page's calls include a path search).
  await warmUp(api.db);
});
afterAll(async () => {
  await api.close();
  await prod.close();
});

/** Expects a refusal with `code` and no round trip. */
async function refused(query: string, code: string, variables: Record<string, unknown> = {}, target: Api = api) {
  const answer = await target.gql(query, variables);
  expect(answer.body.errors?.[0]?.extensions?.code, JSON.stringify(answer.body.errors)).toBe(code);
  expect(answer.body.data?.[Object.keys(answer.body.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(answer.dbCalls).toBe(0);
  return answer;
}

describe('graphql-armor limits', () => {
  it('refuses a query deeper than maxDepth', async () => {
    let q = 'id';
    for (let i = 0; i < ARMOR_LIMITS.maxDepth; i++) q = `fundingIn(first: 1) { donor { ${q} } }`;
    await refused(`{ actor(id: "kenya") { ${q} } }`, 'LIMIT_EXCEEDED');
  });

  it('refuses too many aliases', async () => {
    const fields = Array.from({ length: ARMOR_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: actor(id: "kenya") { id }`).join(' ');
    await refused(`{ ${fields} }`, 'LIMIT_EXCEEDED');
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: ARMOR_LIMITS.maxTokens }, () => 'id').join(' ');
    await refused(`{ actor(id: "kenya") { ${fields} } }`, 'LIMIT_EXCEEDED');
  });

  it('refuses too many directives', async () => {
    const dirs = Array.from({ length: ARMOR_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    await refused(`{ actor(id: "kenya") { id ${dirs} } }`, 'LIMIT_EXCEEDED');
  });

  it('refuses a query over the armor cost limit', async () => {
    const body = 'id name kind description sources { section paragraphs footnotes works { id title author } }';
    const fields = Array.from({ length: 10 }, (_, i) => `r${i}: actors(first: 500) { nodes { ${body} relationships(first: 10) { id other { ${body} } } } }`).join(' ');
    const answer = await refused(`{ ${fields} }`, 'LIMIT_EXCEEDED');
    expect(answer.body.errors?.[0]?.message).toMatch(/Cost limit/i);
  });

  it('refuses nested page sizes whose product is over the list budget', async () => {
    await refused(
      `{ actors(first: 500) { nodes { fundingIn(first: 200) { donor { fundingOut(first: 200) { id } } } } } }`,
      'LIMIT_EXCEEDED',
    );
  });
});

describe('argument bounds and filters', () => {
  it.each([
    ['page too large (armor prices literal sizes, so a variable is used)', `query($n: Int) { actors(first: $n) { nodes { id } } }`, { n: 1000 }],
    ['negative page', `{ fundingFlows(first: -1) { nodes { id } } }`],
    ['depth 4', `{ neighborhood(id: "danab", depth: 4) { nodes { id } } }`],
    ['limit over max', `{ neighborhood(id: "danab", limit: 5000) { nodes { id } } }`],
    ["hops over max", `{ paths(from: "united_states", to: "danab", maxHops: 9) { complete } }`],
    ['nested page too large', `{ actor(id: "danab") { fundingIn(first: 1000) { id } } }`],
    ['inverted year window', `{ fundingTotals(groupBy: YEAR, filter: { yearFrom: 2018, yearTo: 2010 }) { amountUsd } }`],
    ['forged cursor', `{ actors(after: "not-a-cursor") { nodes { id } } }`],
    ['empty search', `{ search(text: "  ***  ") { id } }`],
    ['search page too large', `{ search(text: "danab", first: 51) { id } }`],
  ] as [string, string, Record<string, unknown>?][])('%s: BAD_USER_INPUT', async (_name, query, variables) => {
    const answer = await refused(query, 'BAD_USER_INPUT', variables ?? {});
    expect(answer.body.errors?.[0]?.message).toMatch(/Argument "/);
  });

  it('a schema error (unknown field) is a validation error, no Cypher', async () => {
    const answer = await api.gql(`{ actor(id: "x") { passwordHash } }`);
    expect(answer.body.errors?.[0]?.message).toMatch(/Cannot query field/);
    expect(answer.dbCalls).toBe(0);
  });

  // Relationship types are the RelationshipType enum: anything off the allow-list fails validation.
  it.each([
    ['type not on the allow-list (a string)', `{ neighborhood(id: "danab", types: ["KNOWS) DETACH DELETE n //"]) { nodes { id } } }`, {}],
    ['nested type not on the allow-list', `{ actor(id: "danab") { relationships(types: [NOPE]) { id } } }`, {}],
  ] as [string, string, Record<string, unknown>][])('%s: GRAPHQL_VALIDATION_FAILED', async (_name, query, variables) => {
    const answer = await refused(query, 'GRAPHQL_VALIDATION_FAILED', variables);
    expect(answer.body.errors?.[0]?.message).toMatch(/RelationshipType/);
  });

  it('a type variable off the allow-list: BAD_USER_INPUT naming the enum', async () => {
    const answer = await refused(`query($t: [RelationshipType!]) { neighborhood(id: "danab", types: $t) { nodes { id } } }`, 'BAD_USER_INPUT', { t: ['KNOWS'] });
    expect(answer.body.errors?.[0]?.message).toMatch(/RelationshipType/);
  });
});

describe('HTTP', () => {
  it('CSRF: a GET without a custom header is refused; with it, it is answered', async () => {
    const url = `http://localhost/graphql?query=${encodeURIComponent('{ relationshipTypes }')}`;
    const plain = await api.raw({ url, method: 'GET' });
    expect(plain.status).toBe(403);
    expect(plain.text).toMatch(/CSRF/);
    const ok = await api.raw({ url, method: 'GET', headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' } });
    expect(ok.status).toBe(200);
  });

  it('CSRF: a text/plain POST (a cross-site form) is refused', async () => {
    const res = await api.raw({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ relationshipTypes }' }) });
    expect(res.status).toBe(403);
    expect(res.dbCalls).toBe(0);
  });

  it('a body over the limit is refused with 413, also without Content-Length', async () => {
    const big = JSON.stringify({ query: `{ search(text: "${'x'.repeat(ARMOR_LIMITS.maxBodyBytes)}") { id } }` });
    const declared = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(chunked.dbCalls).toBe(0);
  });

  it('batched requests are not accepted', async () => {
    const res = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ relationshipTypes }' }, { query: '{ relationshipTypes }' }]) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.dbCalls).toBe(0);
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const answer = await prod.gql(`{ __schema { types { name } } }`);
    expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(answer.dbCalls).toBe(0);
    const dev = await api.gql(`{ __schema { queryType { name } } }`);
    expect(dataOf(dev).__schema.queryType.name).toBe('Query');
  });

  it('serves no GraphiQL page', async () => {
    const page = await prod.raw({ method: 'GET', headers: { accept: 'text/html' } });
    expect(page.text).not.toMatch(/graphiql/i);
    const devPage = await api.raw({ method: 'GET', headers: { accept: 'text/html' } });
    expect(devPage.text).toMatch(/graphiql/i);
  });

  it('masks internal errors but keeps expected codes', async () => {
    // A database name that does not exist makes every query fail in a way no client caused.
    const broken = createApi({ NODE_ENV: 'production', NEO4J_DATABASE: 'nosuchdatabase' });
    try {
      const answer = await broken.gql(`{ actor(id: "kenya") { id } }`);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(JSON.stringify(answer.body)).not.toMatch(/nosuchdatabase|Neo4j|stack/i);
      const expected = await broken.gql(`query($n: Int) { actors(first: $n) { nodes { id } } }`, { n: 9999 });
      expect(expected.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await broken.close();
    }
  });
});

describe("the explorer's own queries (web/src/api/queries.ts) pass the limits", () => {
  it('every query function of the page runs through the API, one round trip per root field', async () => {
    const page = await import('../../web/src/api/queries.ts');
    const g = globalThis as unknown as { document?: unknown; fetch: typeof fetch };
    const savedFetch = g.fetch;
    const savedDocument = g.document;
    g.document = { baseURI: 'http://localhost/' };
    g.fetch = ((input: RequestInfo | URL, init?: RequestInit) => api.yoga.fetch(String(input), init as never)) as typeof fetch;
    const calls = async <T>(fn: () => Promise<T>) =>
      withQueryCounter(async () => {
        const value = await fn();
        return { value, calls: currentQueryCount() };
      });
    try {
      expect((await calls(() => page.fetchOverview({ limit: 300 }, false))).calls).toBe(1);
      expect((await calls(() => page.fetchNeighborhood({ id: 'amisom', depth: 2 }))).calls).toBe(1);
      expect((await calls(() => page.fetchSearch('kenya', undefined, 10))).calls).toBe(1);
      expect((await calls(() => page.fetchLineage('section_1206', 'BOTH'))).calls).toBe(1);
      expect((await calls(() => page.fetchAuthorities())).calls).toBe(1);
      const funding = await calls(() => page.fetchFunding({ recipient: 'kenya' }));
      expect(funding.calls).toBe(5); // five root fields: flows and four totals (donor, authority, recipient, year)
      expect(funding.value.byDonor.amountUsd).toBe(372_000_000);
      expect((await calls(() => page.fetchDependencies('uganda', undefined, undefined))).calls).toBe(1);
      // paths alone reads its search one layer per round trip (at most 2 x maxHops + 1, maxHops 4).
      const paths = await calls(() => page.fetchPaths({ from: 'united_states', to: 'danab' }));
      expect(paths.calls).toBeGreaterThanOrEqual(2);
      expect(paths.calls).toBeLessThanOrEqual(9);
      const details = await calls(() => page.fetchDetails('amisom'));
      expect(details.calls).toBe(2); // node and its neighborhood
      expect((await calls(() => page.fetchFlowsUnder('global_train_and_equip'))).calls).toBe(1);
      const graph = await calls(() => page.fetchFundingGraph({ recipient: 'kenya' }));
      expect(graph.calls).toBe(1);
      expect(graph.value.amountUsd).toBe(funding.value.byDonor.amountUsd);
      expect((await calls(() => page.fetchEdges(['FUNDED:ctpf_kenya']))).value.map((e) => e.amountUsd)).toEqual([31_000_000]);
      expect((await calls(() => page.fetchFlow('ctpf_kenya'))).calls).toBe(1);
    } finally {
      g.fetch = savedFetch;
      g.document = savedDocument;
    }
  });
});
